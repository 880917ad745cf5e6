import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {describe, test} from 'node:test';
import {shellWord} from '../../source/text/shell-word.js';

describe('shellWord', () => {
  test('leaves safe words alone and quotes the rest', () => {
    assert.equal(shellWord('admin:secret'), 'admin:secret');
    assert.equal(shellWord('/tmp/conf dir'), `'/tmp/conf dir'`);
  });

  test('a POSIX shell reads every quoted word back unchanged', () => {
    const words = ["it's", 'a b', '$HOME', '`id`', '"q"', 'back\\slash', '*', 'new\nline', ''];
    const printed = execFileSync('sh', ['-c', `printf '%s\\0' ${words.map(shellWord).join(' ')}`], {encoding: 'utf8'});
    assert.deepEqual(printed.split('\0').slice(0, -1), words);
  });
});
