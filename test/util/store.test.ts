import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Store} from '../../source/util/store.js';

describe('Store', () => {
  test('keeps the snapshot identity until publish, then tells every listener', () => {
    const initial = {count: 0};
    const store = new Store(initial);
    const {subscribe, getSnapshot} = store;
    let heard = 0;
    subscribe(() => (heard += 1));
    assert.equal(getSnapshot(), initial, 'detached getSnapshot reads the store');
    assert.equal(getSnapshot(), getSnapshot());
    const next = {count: 1};
    store.publish(next);
    assert.equal(getSnapshot(), next);
    assert.equal(heard, 1);
  });

  test('unsubscribe stops one listener; a listener may unsubscribe another during a publish', () => {
    const store = new Store(0);
    const calls: string[] = [];
    let stopB = (): void => undefined;
    const stopA = store.subscribe(() => {
      calls.push('a');
      stopB();
    });
    stopB = store.subscribe(() => calls.push('b'));
    store.publish(1);
    assert.deepEqual(calls, ['a', 'b'], 'the listeners of this publish all hear it');
    store.publish(2);
    assert.deepEqual(calls, ['a', 'b', 'a'], 'b was unsubscribed');
    stopA();
    store.publish(3);
    assert.deepEqual(calls, ['a', 'b', 'a']);
  });

  test('clear forgets every listener', () => {
    const store = new Store('x');
    let heard = 0;
    store.subscribe(() => (heard += 1));
    store.clear();
    store.publish('y');
    assert.equal(heard, 0);
    assert.equal(store.getSnapshot(), 'y');
  });
});
