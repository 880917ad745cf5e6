/**
 * A key a screen answers `'wait'` for stays queued only until the wait's timer fires. Node may
 * fire that timer before Date.now() has moved on by its delay (the timer's start is the event
 * loop's time, which lags the clock under load): such a key was left queued for good, and every
 * key after it with it. Only setTimeout is mocked here, so the timer fires while the real clock
 * has barely moved, which is that early firing at its most extreme.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Text} from 'ink';
import {useState} from 'react';
import {maxWaitMs, useKeys} from '../../source/hooks/keyboard.js';
import {renderWithKeys} from '../helpers/ink.js';

function Waiter({seen}: {seen: string[]}) {
  const [last, setLast] = useState('none');
  useKeys((input) => {
    // The list `j` would move in never comes.
    if (input === 'j') return 'wait';
    seen.push(input);
    setLast(input);
  });
  return <Text>last {last}</Text>;
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

test('a waiting key is dropped when its timer fires, even before the clock says so, and the next key goes', async (t) => {
  const seen: string[] = [];
  const app = renderWithKeys(<Waiter seen={seen} />);
  try {
    await settle();
    t.mock.timers.enable({apis: ['setTimeout']});
    app.stdin.write('jq');
    for (let i = 0; i < 5; i++) await settle();
    assert.deepEqual(seen, [], 'q waits behind the waiting j');
    t.mock.timers.tick(maxWaitMs);
    for (let i = 0; i < 20 && seen.length === 0; i++) await settle();
    assert.deepEqual(seen, ['q'], 'the j was dropped and the q taken');
  } finally {
    t.mock.timers.reset();
    app.unmount();
  }
});
