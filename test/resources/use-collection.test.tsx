import {afterEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {useEffect} from 'react';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useCollection} from '../../source/hooks/use-collection.js';
import {Collection} from '../../source/resources/collection.js';
import {FakeConfd, people, waitUntil, type Person} from './fake-confd.js';

function Probe({collection, top}: {collection: Collection<Person>; top: number}) {
  const snapshot = useCollection(collection);
  useEffect(() => collection.ensure(top, 3), [collection, top]);
  const names = snapshot.rows(top, 3).map((row) => row?.lastname ?? '…');
  return <Text>{`${snapshot.status.kind} ${snapshot.total ?? '?'} | ${names.join(' | ')}`}</Text>;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('useCollection', () => {
  test('re-renders with the rows once they arrive, and again when the view moves', async () => {
    const server = new FakeConfd(people(50));
    const collection = new Collection(server.fetch, {pageSize: 10, order: 'lastname'});
    const app = render(<Probe collection={collection} top={0} />);
    cleanups.push(() => app.unmount(), () => collection.dispose());
    const first = server.answer({offset: 0, limit: 3}).items.map((row) => row.lastname).join(' | ');
    await waitUntil(() => app.lastFrame() === `idle 50 | ${first}`, () => `frame: ${app.lastFrame()}`);
    app.rerender(<Probe collection={collection} top={42} />);
    const later = server.answer({offset: 42, limit: 3}).items.map((row) => row.lastname).join(' | ');
    await waitUntil(() => app.lastFrame() === `idle 50 | ${later}`, () => `frame: ${app.lastFrame()}`);
    assert.deepEqual(server.offsets().slice(0, 3), [0, 10, 40]);
  });

  test('shows the loading state before the first answer', async () => {
    const server = new FakeConfd(people(5), {hold: true});
    const collection = new Collection(server.fetch, {pageSize: 10, order: 'lastname'});
    const app = render(<Probe collection={collection} top={0} />);
    cleanups.push(() => app.unmount(), () => collection.dispose());
    await waitUntil(() => app.lastFrame() === 'loading ? | … | … | …', () => `frame: ${app.lastFrame()}`);
    server.requests[0]?.release();
    await waitUntil(() => app.lastFrame()?.startsWith('idle 5 | ') === true, () => `frame: ${app.lastFrame()}`);
  });
});
