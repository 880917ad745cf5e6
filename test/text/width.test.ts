import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {displayWidth, graphemes, pad, stringWidthOf, truncate, truncateStart} from '../../source/text/width.js';

const family = '👩‍👩‍👧';
const flag = '🇫🇷';
const accented = 'e\u0301'; // é as e + combining acute accent

describe('displayWidth', () => {
  it('counts terminal columns, not code units', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('日本語'), 6);
    assert.equal(displayWidth(flag), 2);
    // Counted as its parts, as terminals that do not join emoji draw it (sanitize shapes it so).
    assert.equal(displayWidth(family), 6);
    assert.equal(displayWidth('क्ष'), 2);
    assert.equal(displayWidth(accented), 1);
    assert.equal(displayWidth(''), 0);
  });
});

describe('stringWidthOf', () => {
  it('is string-width’s width, for random text of every script, emoji, marks and escapes', () => {
    const pieces = ['a', 'Noël', '漢字', 'さくら', '한국어', 'ᄀ\u1161', 'Ελένη', 'محمد', 'שלום', 'क्ष', 'กำ', 'ấ', flag, family, accented, '👍🏽', '😀', '1️⃣',
      '\u200b', '\u00ad', '\u0301', '\u001b[7m', '\u001b[27m', '\u001b]8;;x\u0007', '\u009b1m', '\t', '…', '›', '─', '§', '\u{1f600}', '\u{20000}', '\ud800'];
    let state = 11;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    for (let round = 0; round < 20_000; round++) {
      let text = '';
      const count = 1 + (next() % 6);
      for (let index = 0; index < count; index++) {
        // A random code point now and then, from anywhere in Unicode.
        text += next() % 4 === 0 ? String.fromCodePoint(next() % 0x110000) : pieces[next() % pieces.length];
      }
      assert.equal(stringWidthOf(text), stringWidth(text), JSON.stringify(text));
    }
  });
});

describe('graphemes', () => {
  it('keeps clusters whole', () => {
    assert.deepEqual(graphemes(`a${flag}${family}${accented}`), ['a', flag, family, accented]);
  });
});

describe('truncate', () => {
  it('returns text that fits unchanged', () => {
    assert.equal(truncate('abc', 3), 'abc');
    assert.equal(truncate('日本語', 6), '日本語');
    assert.equal(truncate(family, 6), family);
  });

  it('cuts ASCII with an ellipsis', () => {
    assert.equal(truncate('abcdef', 4), 'abc…');
  });

  it('never splits a wide character, even when that leaves a column free', () => {
    assert.equal(truncate('日本語', 5), '日本…');
    assert.equal(truncate('日本語', 4), '日…');
    assert.ok(displayWidth(truncate('日本語', 4)) <= 4);
  });

  it('never splits a flag, an emoji family or a letter from its accent', () => {
    assert.equal(truncate(`${flag}${flag}${flag}`, 5), `${flag}${flag}…`);
    assert.equal(truncate(`${flag}${flag}${flag}`, 4), `${flag}…`);
    assert.equal(truncate(`${family}x`, 6), '…');
    assert.equal(truncate(`${family}xy`, 7), `${family}…`);
    assert.equal(truncate(`${accented}${accented}${accented}`, 2), `${accented}…`);
  });

  it('handles tiny widths', () => {
    assert.equal(truncate('abc', 0), '');
    assert.equal(truncate('abc', -3), '');
    assert.equal(truncate('abc', 1), '…');
    assert.equal(truncate('日本', 1), '…');
  });

  it('keeps the width bound for every width and mixed text', () => {
    const text = `Zoë ${flag} 日本語 ${family} e${accented}nd`;
    for (let width = 0; width <= displayWidth(text) + 1; width += 1) {
      const cut = truncate(text, width);
      assert.ok(displayWidth(cut) <= width, `width ${width}: ${cut}`);
      assert.ok(text.startsWith(cut.replace(/…$/u, '')), `width ${width} is not a prefix: ${cut}`);
    }
  });
});

describe('truncateStart', () => {
  it('keeps the end', () => {
    assert.equal(truncateStart('abcdef', 4), '…def');
    assert.equal(truncateStart('abc', 3), 'abc');
    assert.equal(truncateStart('日本語', 5), '…本語');
    assert.equal(truncateStart(`x${family}`, 6), '…');
    assert.equal(truncateStart('abc', 0), '');
  });
});

describe('pad', () => {
  it('fills to exactly the width, left or right', () => {
    assert.equal(pad('ab', 4), 'ab  ');
    assert.equal(pad('ab', 4, 'right'), '  ab');
    assert.equal(pad('日本', 5), '日本 ');
    assert.equal(pad('日本', 5, 'right'), ' 日本');
  });

  it('cuts what is too long and pads the free column a wide character leaves', () => {
    assert.equal(pad('abcdef', 4), 'abc…');
    assert.equal(pad('日本語', 4), '日… ');
  });

  it('keeps CJK, emoji and accented columns aligned', () => {
    for (const text of ['Alice', '日本語の名前', flag, family, `Ame${accented}lie`, '']) {
      for (const width of [1, 3, 7, 12]) assert.equal(displayWidth(pad(text, width)), width, `${text} at ${width}`);
    }
  });
});
