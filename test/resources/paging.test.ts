import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {pageAfter, pagesInView, pagesToEvict} from '../../source/resources/paging.js';

describe('pagesInView', () => {
  test('covers every page the window touches', () => {
    assert.deepEqual(pagesInView({offset: 0, count: 10}, 100, 25), [0]);
    assert.deepEqual(pagesInView({offset: 20, count: 10}, 100, 25), [0, 1]);
    assert.deepEqual(pagesInView({offset: 25, count: 25}, 100, 25), [1]);
  });

  test('with an unknown total, asks for the pages of the window as they are', () => {
    assert.deepEqual(pagesInView({offset: 9000, count: 10}, undefined, 25), [360]);
  });

  test('clamps to the total; nothing for an empty collection or no view', () => {
    assert.deepEqual(pagesInView({offset: 95, count: 10}, 100, 25), [3]);
    assert.deepEqual(pagesInView({offset: 500, count: 10}, 100, 25), [3]);
    assert.deepEqual(pagesInView({offset: 0, count: 10}, 0, 25), []);
    assert.deepEqual(pagesInView(undefined, 100, 25), []);
  });
});

describe('pageAfter', () => {
  test('is the next page only when the server has rows there', () => {
    assert.equal(pageAfter([0], 100, 25), 1);
    assert.equal(pageAfter([2, 3], 100, 25), undefined);
    assert.equal(pageAfter([3], 101, 25), 4);
    assert.equal(pageAfter([0], undefined, 25), undefined);
    assert.equal(pageAfter([], 100, 25), undefined);
  });
});

describe('pagesToEvict', () => {
  test('keeps the wanted pages, then the nearest ones', () => {
    assert.deepEqual(pagesToEvict([0, 1, 2, 3, 4, 5, 6, 7], new Set([5, 6]), 5, 4).toSorted((a, b) => a - b), [0, 1, 2, 7]);
  });

  test('drops nothing at or under the bound, and never a wanted page', () => {
    assert.deepEqual(pagesToEvict([1, 2, 3], new Set([2]), 2, 5), []);
    assert.deepEqual(pagesToEvict([0, 1, 2, 9], new Set([0, 1, 2]), 0, 2), [9]);
  });
});
