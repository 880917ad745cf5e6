/**
 * The streamed export shapes, piece by piece: the JSON document is JSON.stringify's whole text
 * whatever the pages, and aligned columns keep the first page's widths for every later page.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {exportFormat, type ExportColumn} from '../../source/output/export-formats.js';
import {toSafeJson} from '../../source/output/json.js';

const columns: ExportColumn[] = [
  {title: 'Name', value: (item: {name: string}) => item.name},
  {title: 'ID', align: 'right', value: (item: {id: number}) => item.id},
];

function written(format: ReturnType<typeof exportFormat>, total: number, pages: unknown[][]): string {
  return format.start(total) + pages.map((page) => format.items(page)).join('') + format.end();
}

test('the JSON document written page by page is the text of the whole, for no, one and several pages', () => {
  const items = [{id: 1, name: 'a\u001b[2Jb', nested: {list: [1, 2]}}, {id: 2, name: 'é\u202e'}, {id: 3, name: ''}];
  for (const pages of [[], [[]], [items], [items.slice(0, 1), items.slice(1), []]]) {
    const all = pages.flat();
    assert.equal(written(exportFormat('json', columns), all.length, pages), `${toSafeJson({total: all.length, items: all})}\n`);
  }
});

test('NDJSON is one escaped object a line', () => {
  const text = written(exportFormat('ndjson', columns), 2, [[{id: 1, name: 'x\u009by'}], [{id: 2, name: 'z'}]]);
  assert.equal(text, '{"id":1,"name":"x\\u009by"}\n{"id":2,"name":"z"}\n');
});

test('aligned columns take the first page’s widths; a wider cell of a later page is shown whole, never cut', () => {
  const text = written(exportFormat('aligned', columns), 3, [[{id: 7, name: 'Ann'}, {id: 8, name: 'Bo'}], [{id: 12345, name: 'Bartholomew'}]]);
  assert.equal(text, 'NAME  ID\nAnn    7\nBo     8\nBartholomew  12345\n');
  assert.equal(written(exportFormat('aligned', columns), 0, []), 'NAME  ID\n', 'the titles even when nothing matched');
});

test('TSV is one header, then one line per row, tabs and line breaks in values made visible', () => {
  const text = written(exportFormat('tsv', columns), 1, [[{id: 1, name: 'a\tb\nc'}]]);
  const lines = text.split('\n');
  assert.equal(lines[0], 'Name\tID');
  assert.equal(lines[1]?.split('\t').length, 2);
  assert.equal(lines.length, 3);
});
