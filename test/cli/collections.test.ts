/**
 * The command line, --help, the `:` command line and the key help take the collections from
 * the registry: each of them must know every collection, so a new descriptor needs no other edit.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseCommand, UsageError} from '../../source/cli/args.js';
import {usage} from '../../source/cli/usage.js';
import {helpSections} from '../../source/keys.js';
import {defaultTabCycle, resourceDescriptors} from '../../source/resources/registry.js';
import {commandLinePlaceholder, runCommand, type CommandHandlers} from '../../source/screens/commands.js';

test('every collection is a script command: wazo-tui NAME parses as a list of NAME', () => {
  for (const {name} of resourceDescriptors) {
    const command = parseCommand([name, 'pbx.example.com', '--username', 'admin', '--password-stdin']);
    assert.equal(command.kind, 'list', name);
    assert.equal(command.kind === 'list' && command.collection, name);
  }
});

test('every collection takes --all, --ndjson and get: the export and the record commands follow the registry', () => {
  for (const {name} of resourceDescriptors) {
    const all = parseCommand([name, 'pbx.example.com', '--all', '--ndjson', '--search', 'a', '--tenant', 't', '-u', 'admin']);
    assert.equal(all.kind, 'list');
    assert.ok(all.kind === 'list' && all.all && all.ndjson && !all.json && all.search === 'a' && all.tenant === 't' && all.username === 'admin', name);
    const page = parseCommand([name, '--json']);
    assert.ok(page.kind === 'list' && !page.all && page.json && !page.ndjson, name);
    const get = parseCommand(['get', name, '42', 'pbx.example.com', '--tenant', 't', '-u', 'admin', '--password-stdin']);
    assert.deepEqual(
      get.kind === 'get' && {collection: get.collection, id: get.id, server: get.server, tenant: get.tenant, username: get.username, passwordStdin: get.passwordStdin},
      {collection: name, id: '42', server: 'pbx.example.com', tenant: 't', username: 'admin', passwordStdin: true},
    );
    // The server may be left out: the last profile's is used.
    const remembered = parseCommand(['get', name, 'a1b2-uuid']);
    assert.ok(remembered.kind === 'get' && remembered.server === undefined && remembered.id === 'a1b2-uuid');
  }
});

test('aliases are for the : command line only: wazo-tui u is a server, not a collection', () => {
  const command = parseCommand(['u']);
  assert.equal(command.kind, 'tui');
  assert.equal(command.kind === 'tui' && command.server, 'u');
  assert.throws(() => parseCommand(['users', '--demo']), UsageError);
});

test('--help and the : placeholder name every collection; the Tab help names the default Tab set', () => {
  const tab = helpSections('table').flatMap((section) => section.entries).find((entry) => entry.keys === 'Tab');
  assert.ok(tab, 'Tab is in the table help');
  const listed = /COLLECTION: ([\s\S]*?)\n  wazo-tui/.exec(usage)?.[1] ?? '';
  for (const {name} of resourceDescriptors) {
    assert.ok(listed.split(/[\s,]+/).includes(name), `--help names ${name}`);
    assert.ok(commandLinePlaceholder.split(', ').includes(name), `the : placeholder names ${name}`);
  }
  for (const name of defaultTabCycle) assert.ok(tab.help.includes(name), `the Tab help names ${name}`);
});

test('the : command line opens every collection by its name and each alias', () => {
  for (const descriptor of resourceDescriptors) {
    for (const word of [descriptor.name, ...descriptor.aliases]) {
      const shown: string[] = [];
      const handlers = {show: (name: string) => shown.push(name), unknown: () => shown.push('unknown')} as unknown as CommandHandlers;
      runCommand(`:${word}`, handlers);
      assert.deepEqual(shown, [descriptor.name], `:${word}`);
    }
  }
});
