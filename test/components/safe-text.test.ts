/**
 * SafeText at the terminal's edge: the components that print server data take SafeText only
 * (test/types/safe-text-props.tsx proves it to tsc; this test compiles that file, so `npm test`
 * fails too when a prop goes back to `string`), and the safe`` tag joins without re-sanitising.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';
import {safe, sanitize} from '../../source/text/sanitize.js';

test('a raw server string given to a component does not compile', () => {
  const file = fileURLToPath(new URL('../types/safe-text-props.tsx', import.meta.url));
  const configPath = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {}});
  assert.ok(config, 'tsconfig.json parses');
  const program = ts.createProgram([file], {...config.options, noEmit: true});
  const problems = ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  assert.deepEqual(problems, [], 'every @ts-expect-error line is refused, and nothing else is');
});

test('safe`` keeps program text and SafeText parts as they are', () => {
  const name = sanitize('Evil\u001b[31m');
  assert.equal(safe`Working tenant: ${name} (${3})`, 'Working tenant: Evil␛[31m (3)');
  assert.equal(safe`line\nbreak`, 'line\nbreak');
  assert.equal(sanitize(sanitize('\u202Eabc')), sanitize('\u202Eabc'), 'sanitising twice changes nothing, but no one needs to');
});
