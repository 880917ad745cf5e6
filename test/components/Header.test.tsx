import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Header, headerHeight, type HeaderProps} from '../../source/components/Header.js';
import {assertFits, frameLines, renderApp, type Rendered} from '../helpers/ink.js';
import {sanitize} from '../../source/text/sanitize.js';

let instance: Rendered | undefined;
afterEach(() => instance?.unmount());

/** Server data reaches the Header sanitised (it takes SafeText only); plain strings here are the test's. */
type Shown = Omit<Partial<HeaderProps>, 'server' | 'user' | 'tenant'> & {width: number; server?: string; user?: string; tenant?: string};

function show({server = 'pbx.example.com', user = 'admin', tenant = 'Acme', ...props}: Shown): string[] {
  instance = renderApp(<Header server={sanitize(server)} user={sanitize(user)} tenant={sanitize(tenant)} {...props} />);
  return frameLines(instance);
}

describe('Header', () => {
  it('shows server, user, tenant and the countdown on one line', () => {
    const lines = show({width: 80, expiresText: '59:12'});
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /^wazo-tui pbx\.example\.com · admin · tenant Acme\s+expires in 59:12$/);
    assert.equal(lines[0]?.length, 80);
  });

  it('adds a text cue to each countdown level', () => {
    assert.match(show({width: 80, expiresText: '12:00', expiresLevel: 'ok'})[0] ?? '', /expires in 12:00$/);
    instance?.unmount();
    assert.match(show({width: 80, expiresText: '4:59', expiresLevel: 'warn'})[0] ?? '', /expires in 4:59 !$/);
    instance?.unmount();
    assert.match(show({width: 80, expiresText: '0:59', expiresLevel: 'critical'})[0] ?? '', /expires in 0:59 !!$/);
    instance?.unmount();
    assert.match(show({width: 80, expiresText: '0:00', expiresLevel: 'expired'})[0] ?? '', /token expired !!$/);
  });

  it('shows the recurse badge', () => {
    assert.match(show({width: 80, recurse: true})[0] ?? '', /tenant Acme \[recurse\]/);
  });

  it('warns on a second line when the token grants full access', () => {
    const lines = show({width: 80, expiresText: '1:00:00', fullAccess: true});
    assert.equal(lines.length, 2);
    assert.equal(lines[1], '⚠ token grants full access (#)');
    assert.equal(headerHeight(true), 2);
    assert.equal(headerHeight(false), 1);
  });

  it('never wraps: cuts the left part and keeps the countdown', () => {
    const lines = show({width: 40, server: 'a-very-long-host-name.pbx.example.com', tenant: '日本語のテナント名前', expiresText: '4:59', expiresLevel: 'warn', fullAccess: true});
    assertFits(lines.join('\n'), 40);
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /… expires in 4:59 !$/);
    instance?.unmount();
    const tiny = show({width: 12, expiresText: '4:59', expiresLevel: 'warn', fullAccess: true});
    assertFits(tiny.join('\n'), 12);
    assert.equal(tiny.length, 2);
  });

  it('sanitises what the server named', () => {
    const lines = show({width: 100, user: 'Evil\u001b[31m', tenant: '\u202Eemca'});
    assert.ok(!lines.join('\n').replace(/\u001b\[[0-9;]*m/gu, '').includes('\u001b'));
    assert.match(lines[0] ?? '', /Evil␛\[31m · tenant ⟪RLO⟫emca/);
  });

  it('shows the profile before the server, its name sanitised and cut so the server stays on 80 columns', () => {
    const lines = show({width: 80, profile: sanitize('prod'), expiresText: '59:12'});
    assert.match(lines[0] ?? '', /^wazo-tui prod · pbx\.example\.com · admin · tenant Acme\s+expires in 59:12$/);
    assert.equal(lines[0]?.length, 80);
    instance?.unmount();
    const long = show({width: 80, profile: sanitize(`customer-${'x'.repeat(55)}`), expiresText: '59:12'});
    assertFits(long.join('\n'), 80);
    assert.match(long[0] ?? '', /^wazo-tui customer-x+… · pbx\.example\.com · admin/);
    assert.match(long[0] ?? '', /expires in 59:12$/);
    instance?.unmount();
    const evil = show({width: 80, profile: sanitize('prod\u001b]0;x\u0007')});
    assert.ok(!evil.join('\n').replace(/\u001b\[[0-9;]*m/gu, '').includes('\u001b'));
    assert.match(evil[0] ?? '', /^wazo-tui prod␛/);
  });

  it('shows no profile part without a profile', () => {
    assert.match(show({width: 80})[0] ?? '', /^wazo-tui pbx\.example\.com · admin/);
  });
});
