/**
 * The writer reads a run of text without a grapheme segmenter when no code point of it can join
 * another (source/text/joining.ts). That holds only if the segmenter breaks between any
 * two code points that JOINING leaves out: checked here for every BMP code point beside a letter,
 * beside itself and beside a CJK ideograph, and for random pairs and triples over all of Unicode.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {parseLine, textAt} from '../../source/terminal/cells.js';
import {JOINING} from '../../source/text/joining.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const count = (text: string) => Array.from(segmenter.segment(text)).length;
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

describe('runs read one grapheme per code point', () => {
  test('every BMP code point outside JOINING breaks from a letter, from itself and from 漢', () => {
    const wrong: string[] = [];
    for (let code = 0x20; code <= 0xffff; code++) {
      if (isSurrogate(code)) continue;
      const char = String.fromCodePoint(code);
      if (JOINING.test(char)) continue;
      for (const pair of [`a${char}`, `${char}a`, char + char, `漢${char}`, `${char}漢`]) {
        if (count(pair) !== 2) wrong.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')} in ${JSON.stringify(pair)}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 20), []);
  });

  test('random pairs and triples over all of Unicode outside JOINING are that many graphemes', () => {
    let state = 7;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    const pick = () => {
      for (;;) {
        const code = next() % 0x110000;
        if (code < 0x20 || isSurrogate(code)) continue;
        const char = String.fromCodePoint(code);
        if (!JOINING.test(char)) return char;
      }
    };
    for (let round = 0; round < 100_000; round++) {
      const parts = round % 2 === 0 ? [pick(), pick()] : [pick(), pick(), pick()];
      assert.equal(count(parts.join('')), parts.length, JSON.stringify(parts.map((part) => part.codePointAt(0)!.toString(16))));
    }
  });

  test('a line with joining characters is still read by graphemes: an accent rides on its letter', () => {
    const line = parseLine('e\u0301t\u00e9 👍🏽!');
    // The emoji and its modifier are one grapheme, as wide as its two code points (wcwidth's count).
    assert.deepEqual(
      Array.from({length: line.width}, (_, col) => textAt(line, col)),
      ['e\u0301', 't', '\u00e9', ' ', '👍🏽', '', '', '', '!'],
    );
    assert.equal(line.addressable, false);
  });
});
