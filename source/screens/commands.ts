/**
 * The `:` command line, k9s style: `:users`, `:lines`, `:extensions` (and their aliases),
 * `:accounts`, `:sessions`, `:tenant [NAME]`, `:ctx [NAME]` (profiles, as k9s contexts), `:recurse`, `:logout`, `:q`, `:help`.
 */
import type {ConfdCollection} from '../api/contract.js';
import {completeCollection, findDescriptor, resourceDescriptors} from '../resources/registry.js';

/** What the empty command line suggests: every collection, then the other commands. */
export const commandLinePlaceholder = [...resourceDescriptors.map((descriptor) => descriptor.name), 'accounts', 'sessions', 'tenant NAME', 'ctx NAME', 'recurse', 'logout', 'q'].join(', ');

/** The command words besides collections, for completion. */
const commandWords = ['tenant', 'recurse', 'logout', 'help', 'quit'];

/**
 * Tab in the command line: the word typed so far completed over collection names, aliases and
 * commands (`:grp` → `:groups`, `:q` → `:qu`, then `:queues`…). A name that already is one of the
 * candidates moves to the next, so repeated Tabs walk them all; a line with a space is kept.
 */
export function completeCommand(text: string): string {
  const colon = text.startsWith(':') ? ':' : '';
  const word = text.slice(colon.length);
  if (/\s/.test(word)) return text;
  const lower = word.toLowerCase();
  const candidates = [...new Set([...completeCollection(lower), ...commandWords.filter((command) => command.startsWith(lower))])];
  if (candidates.length === 0) return text;
  // An alias completes to its collection's name (`:grp` → `:groups`), and so do words that can only
  // name one collection (`:sip-t` → `:sip-templates`, not its alias `:sip-template`).
  const aliased = findDescriptor(lower);
  if (aliased && aliased.name !== lower) return colon + aliased.name;
  const owners = new Set(candidates.map((candidate) => findDescriptor(candidate)?.name ?? candidate));
  const [only] = owners;
  if (owners.size === 1 && only !== undefined && only !== lower) return colon + only;
  const exact = candidates.indexOf(lower);
  if (exact >= 0) return colon + (candidates[(exact + 1) % candidates.length] ?? lower);
  const common = candidates.reduce((prefix, candidate) => {
    let length = 0;
    while (length < prefix.length && prefix[length] === candidate[length]) length++;
    return prefix.slice(0, length);
  });
  return colon + (common.length > lower.length ? common : (candidates[0] ?? lower));
}

export interface CommandHandlers {
  show(collection: ConfdCollection): void;
  page(page: 'accounts' | 'sessions'): void;
  openTenants(): void;
  switchTenant(name: string): void;
  openProfiles(): void;
  switchProfile(name: string): void;
  toggleRecurse(): void;
  logout(): void;
  quit(): void;
  help(): void;
  unknown(text: string): void;
}

export function runCommand(text: string, handlers: CommandHandlers): void {
  const line = text.trim().replace(/^:/, '').trim();
  if (line === '') return;
  const [word = '', ...rest] = line.split(/\s+/);
  const argument = rest.join(' ');
  switch (word.toLowerCase()) {
    case 'q':
    case 'q!':
    case 'quit':
      return handlers.quit();
    case 'tenant':
    case 'tenants':
      return argument ? handlers.switchTenant(argument) : handlers.openTenants();
    // `:ctx` as k9s says it; `:context` is the confd collection's alias (contexts).
    case 'ctx':
    case 'profile':
    case 'profiles':
      return argument ? handlers.switchProfile(argument) : handlers.openProfiles();
    case 'recurse':
      return handlers.toggleRecurse();
    case 'accounts':
    case 'account':
      return handlers.page('accounts');
    case 'sessions':
    case 'session':
      return handlers.page('sessions');
    case 'logout':
      return handlers.logout();
    case 'help':
    case '?':
      return handlers.help();
  }
  const descriptor = findDescriptor(word.toLowerCase());
  if (descriptor) handlers.show(descriptor.name);
  else handlers.unknown(line);
}
