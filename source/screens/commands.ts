/**
 * The `:` command line, k9s style: `:users`, `:lines`, `:extensions` (and their aliases),
 * `:accounts`, `:sessions`, `:tenant [NAME]`, `:ctx [NAME]` (profiles, as k9s contexts), `:recurse`, `:logout`, `:q`, `:help`.
 */
import type {ConfdCollection} from '../api/contract.js';
import {findDescriptor, resourceDescriptors} from '../resources/registry.js';

/** What the empty command line suggests: every collection, then the other commands. */
export const commandLinePlaceholder = [...resourceDescriptors.map((descriptor) => descriptor.name), 'accounts', 'sessions', 'tenant NAME', 'ctx NAME', 'recurse', 'logout', 'q'].join(', ');

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
    case 'ctx':
    case 'context':
    case 'profile':
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
