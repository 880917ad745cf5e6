import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {shellWord} from '../../source/text/shell-word.js';

test('a shell word comes back unchanged from a POSIX shell', () => {
  assert.equal(shellWord('/tmp/wazo-tui.d'), '/tmp/wazo-tui.d', 'safe words stay bare');
  for (const value of ["it's here", 'a b', '$HOME', 'x;rm -rf /', '', '"q"']) {
    const echoed = execFileSync('sh', ['-c', `printf %s ${shellWord(value)}`], {encoding: 'utf8'});
    assert.equal(echoed, value, value);
  }
});
