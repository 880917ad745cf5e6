import {afterEach, describe, it} from 'node:test';
import type {ReactElement} from 'react';
import assert from 'node:assert/strict';
import {Table, type TableColumn, type TableRow} from '../../source/components/Table.js';
import {ThemeContext, makeTheme} from '../../source/theme.js';
import {displayWidth} from '../../source/text/width.js';
import {assertFits, frameLines, renderApp, type Rendered} from '../helpers/ink.js';
import {sanitize} from '../../source/text/sanitize.js';

const columns: TableColumn[] = [
  {id: 'id', title: 'ID', width: 4, priority: 0, align: 'right'},
  {id: 'name', title: 'Name', minWidth: 14, priority: 1},
  {id: 'email', title: 'Email', minWidth: 22, priority: 3},
  {id: 'exten', title: 'Exten', width: 6, priority: 2},
];

function user(index: number, name = `User ${index}`): TableRow {
  return {key: `u${index}`, cells: [index, name, `user${index}@example.com`, 1000 + index].map(sanitize)};
}

const users = Array.from({length: 30}, (_, index) => user(index));

let instance: Rendered | undefined;
afterEach(() => instance?.unmount());

function show(element: ReactElement): string[] {
  instance = renderApp(element);
  return frameLines(instance);
}

describe('Table', () => {
  for (const width of [40, 80, 200]) {
    it(`fits ${width} columns with a stable height`, () => {
      const lines = show(<Table columns={columns} rows={users} selected={2} width={width} height={8} sortColumn="name" />);
      assertFits(lines.join('\n'), width);
      assert.equal(lines.length, 9);
      const header = lines[0] ?? '';
      assert.ok(header.includes('Name'));
      assert.equal(header.includes('Email'), width >= 80, `Email at ${width}: ${header}`);
      assert.ok(header.includes('Exten'));
    });
  }

  it('marks the selected row with › (visible without colour) and only that row', () => {
    const lines = show(<Table columns={columns} rows={users} selected={3} width={80} height={8} />);
    const marked = lines.filter((line) => line.startsWith('›'));
    assert.equal(marked.length, 1);
    assert.match(marked[0] ?? '', /^›\s+3 User 3\s/);
  });

  it('keeps the selection visible and scrolls as little as possible', () => {
    instance = renderApp(<Table columns={columns} rows={users} selected={0} width={80} height={5} />);
    instance.rerender(<Table columns={columns} rows={users} selected={12} width={80} height={5} />);
    assert.match(frameLines(instance)[1] ?? '', /^\s+8 User 8/);
    assert.match(frameLines(instance)[5] ?? '', /^›\s+12 User 12/);
    instance.rerender(<Table columns={columns} rows={users} selected={10} width={80} height={5} />);
    assert.match(frameLines(instance)[1] ?? '', /^\s+8 User 8/, 'moving up inside the window does not scroll');
    assert.match(frameLines(instance)[3] ?? '', /^›\s+10 User 10/);
  });

  it('changes only two lines when the selection moves by one', () => {
    instance = renderApp(<Table columns={columns} rows={users} selected={2} width={80} height={8} />);
    const before = frameLines(instance);
    instance.rerender(<Table columns={columns} rows={users} selected={3} width={80} height={8} />);
    const after = frameLines(instance);
    const changed = after.filter((line, index) => line !== before[index]);
    assert.equal(changed.length, 2);
  });

  it('aligns columns after wide characters, emoji and accents', () => {
    const rows = [user(1, '日本語の名前'), user(2, 'Zoë 🇫🇷'), user(3, 'Ame\u0301lie 👩‍👩‍👧'), user(4, 'Plain')];
    const lines = show(<Table columns={columns} rows={rows} selected={0} width={80} height={4} />);
    const emailColumns = lines.slice(1).map((line) => displayWidth(line.slice(0, line.indexOf('user'))));
    assert.equal(new Set(emailColumns).size, 1, lines.join('\n'));
    assertFits(lines.join('\n'), 80);
  });

  it('cuts a long cell by display width with …', () => {
    const lines = show(<Table columns={columns} rows={[user(1, '長い名前長い名前長い名前長い名前長い名前')]} selected={0} width={40} height={1} />);
    assert.ok((lines[1] ?? '').includes('…'));
    assertFits(lines.join('\n'), 40);
  });

  it('shows a cell with escape sequences harmlessly', () => {
    const evil = 'Evil\u001b[31mRed\u001b]8;;https://x.example/\u0007link\u001b]52;c;aGk=\u0007\u202Egnp.exe';
    instance = renderApp(<Table columns={columns} rows={[user(1, evil)]} selected={0} width={200} height={2} />);
    const frame = instance.lastFrame() ?? '';
    // Ink's own styling (if colour were forced on) is SGR only; nothing else may carry an ESC.
    assert.ok(!frame.replace(/\u001b\[[0-9;]*m/gu, '').includes('\u001b'), JSON.stringify(frame));
    assert.ok(!frame.includes('\u0007') && !frame.includes('\u202e'));
    assert.ok(frame.includes('Evil␛[31mRed␛]8;;'));
    assert.ok(frame.includes('⟪RLO⟫gnp.exe'));
  });

  it('shows rows that are not loaded yet as a dim … placeholder', () => {
    const rows = [user(0), undefined, undefined, user(3)];
    const lines = show(<Table columns={columns} rows={rows} selected={1} width={60} height={4} />);
    assert.equal(lines[2], '› …');
    assert.equal(lines[3], '  …');
    assert.match(lines[4] ?? '', /^\s+3 User 3/);
  });

  it('pads the body with blank lines and shows the empty text', () => {
    const lines = show(<Table columns={columns} rows={[]} selected={0} width={60} height={4} emptyText="no user matches “zz”" />);
    assert.equal(lines.length, 5);
    assert.equal(lines[1], '  no user matches “zz”');
    assert.deepEqual(lines.slice(2).map((line) => line.trim()), ['', '', '']);
    const short = show(<Table columns={columns} rows={users.slice(0, 2)} selected={0} width={60} height={4} />);
    assert.equal(short.length, 5);
  });

  it('marks the sort column and its direction in the header', () => {
    const ascending = show(<Table columns={columns} rows={users} selected={0} width={80} height={2} sortColumn="name" />);
    assert.match(ascending[0] ?? '', /Name▲/);
    instance?.unmount();
    const descending = show(<Table columns={columns} rows={users} selected={0} width={80} height={2} sortColumn="exten" sortDirection="desc" />);
    assert.match(descending[0] ?? '', /Exten▼/);
    assert.doesNotMatch(descending[0] ?? '', /Name▲/);
  });

  it('keeps the marker without colour', () => {
    const lines = show(
      <ThemeContext.Provider value={makeTheme(false)}>
        <Table columns={columns} rows={users} selected={1} width={60} height={3} sortColumn="name" />
      </ThemeContext.Provider>,
    );
    assert.match(lines[2] ?? '', /^›\s+1 User 1/);
  });
});
