/** The grammar of `account`, `token` and `revoke`: what each takes, and the sentence for what it refuses. */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {parseCommand, UsageError} from '../../source/cli/args.js';

const refuses = (argv: string[], message: RegExp) => assert.throws(() => parseCommand(argv), (error: unknown) => error instanceof UsageError && message.test(error.message));

describe('account, token and revoke on the command line', () => {
  it('account create takes NAME, SERVER, a preset or repeated --acl, --full-access, --tenant', () => {
    const command = parseCommand(['account', 'create', 'bot', 'pbx:8443', '-u', 'admin', '--password-stdin', '--acl', 'a.b', '--acl', 'c.d', '--tenant', 't1']);
    assert.deepEqual(
      {...command},
      {
        kind: 'account-create',
        configDir: undefined,
        caFiles: [],
        authUrl: undefined,
        confdUrl: undefined,
        noColor: false,
        server: 'pbx:8443',
        username: 'admin',
        passwordStdin: true,
        tenant: 't1',
        name: 'bot',
        preset: undefined,
        acl: ['a.b', 'c.d'],
        fullAccess: false,
        accountPasswordStdin: false,
      },
    );
  });

  it('refuses what account cannot do, saying why', () => {
    refuses(['account'], /account takes create, delete or list$/);
    refuses(['account', 'rename', 'x'], /not "rename"/);
    refuses(['account', 'create'], /account create needs a NAME/);
    refuses(['account', 'create', '-x'], /Unknown option/);
    refuses(['account', 'create', 'a b'], /account NAME is letters/);
    refuses(['account', 'create', 'bot', '--preset', 'browse', '--acl', 'x'], /either --preset or --acl/);
    refuses(['account', 'delete', 'bot', 's1', 's2'], /takes one server/);
  });

  it('token defaults to 600 s; revoke takes a token, - or nothing (stdin), then a server', () => {
    assert.equal((parseCommand(['token', 'pbx']) as {expiration: number}).expiration, 600);
    assert.equal((parseCommand(['token', '--expiration', '60']) as {expiration: number}).expiration, 60);
    refuses(['token', '--expiration', '0'], /--expiration takes a whole number from 1/);
    const revoke = (...argv: string[]) => parseCommand(['revoke', ...argv]) as {token?: string; server?: string};
    assert.deepEqual({...revoke('TOKEN', 'pbx')}, {...revoke('TOKEN', 'pbx'), token: 'TOKEN', server: 'pbx'});
    // `-` reads the token from stdin and still lets a server follow; one word alone is the token.
    assert.equal(revoke('-', 'pbx').token, undefined);
    assert.equal(revoke('-', 'pbx').server, 'pbx');
    assert.equal(revoke().token, undefined);
    assert.equal(revoke('TOKEN').server, undefined);
    refuses(['revoke', 'a', 'b', 'c'], /revoke takes a TOKEN and a SERVER/);
    assert.equal(parseCommand(['account', '--help']).kind, 'help');
  });
});
