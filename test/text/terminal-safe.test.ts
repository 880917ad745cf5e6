import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {PLACEHOLDER, spellOut, terminalSafe} from '../../source/text/terminal-safe.js';
import {sanitize} from '../../source/text/sanitize.js';
import {displayWidth} from '../../source/text/width.js';
import {HOSTILE_SAMPLES} from '../terminal/hostile-text.js';
import {createEmulator} from '../terminal/xterm.js';

describe('terminalSafe: sequences terminals measure differently become their parts', () => {
  it('splits ZWJ sequences into their emoji, dropping modifiers and variation selectors', () => {
    assert.equal(terminalSafe('👨‍👩‍👧‍👦'), '👨👩👧👦');
    assert.equal(terminalSafe('👩🏽‍💻'), '👩💻');
    assert.equal(terminalSafe('👁‍🗨'), '👁🗨');
    assert.equal(terminalSafe('🏳️‍🌈'), '🏳🌈');
  });

  it('keeps the emoji of a skin-tone sequence, and a modifier on its own', () => {
    assert.equal(terminalSafe('👍🏽'), '👍');
    assert.equal(terminalSafe('☝🏽'), '☝');
    assert.equal(terminalSafe('🏽'), '🏽');
  });

  it('drops VS15 and VS16 and ideographic variation selectors', () => {
    assert.equal(terminalSafe('❤️ ⚠️ 😀︎ 葛\u{E0100}'), '❤ ⚠ 😀 葛');
  });

  it('gives a keycap as its key, a flag as its letters, a tag flag as its black flag', () => {
    assert.equal(terminalSafe('1️⃣ #️⃣ 9⃣'), '1 # 9');
    assert.equal(terminalSafe('🇫🇷🇯🇵 🇦'), 'FRJP A');
    assert.equal(terminalSafe('🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'), '🏴');
  });

  it('composes Hangul jamo and replaces the vowel and final jamo left alone', () => {
    assert.equal(terminalSafe('\u1100\u1161\u11a8'), '각');
    assert.equal(terminalSafe('\u1161\u11a8'), PLACEHOLDER + PLACEHOLDER);
    assert.equal(terminalSafe('\u1100'), '\u1100');
  });

  it('keeps at most two combining marks on a character', () => {
    assert.equal(terminalSafe('x\u0300\u0301\u0302\u0303'), 'x\u0300\u0301');
    assert.equal(terminalSafe('e\u0301'), 'é');
  });

  it('replaces what is newer than the terminals’ tables, and unassigned code points', () => {
    assert.equal(terminalSafe('🥲🫨🩷 \u{31350}\u{30000}'), `${PLACEHOLDER.repeat(3)} ${PLACEHOLDER.repeat(2)}`);
    assert.equal(terminalSafe('\u{E0FFF}'), PLACEHOLDER);
    assert.equal(terminalSafe('😀🥱🪐 \u{20000}'), '😀🥱🪐 \u{20000}');
  });

  it('leaves Latin, CJK, RTL, Indic and Thai text as it is', () => {
    for (const text of ['Émilie Tremblay', 'Zoë Ødegaard', '山田太郎', 'ｱｲｳ', 'محمد', 'כהן', 'क्षत्रिय', 'กำลัง', '±§°…›']) {
      assert.equal(terminalSafe(text), text.normalize('NFC'));
    }
  });
});

describe('terminalSafe: the width we count is the width drawn', () => {
  it('gives every hostile sample, sanitised, the same width in xterm.js as displayWidth', async () => {
    const emulator = createEmulator(2000, 2);
    try {
      for (const {name, text} of HOSTILE_SAMPLES) {
        const shown = sanitize(text);
        await emulator.write(`\u001B[H\u001B[2J${shown}`);
        assert.equal(emulator.cursorX(), displayWidth(shown), `${name}: ${JSON.stringify(shown)}`);
      }
    } finally {
      emulator.dispose();
    }
  });

  it('leaves no joiner between emoji, no selector, modifier, tag or regional indicator', () => {
    const left = /\p{Extended_Pictographic}\u200d|[\ufe00-\ufe0f\u{e0020}-\u{e01ef}\u{1f1e6}-\u{1f1ff}\u20e3]|\p{Extended_Pictographic}[\u{1f3fb}-\u{1f3ff}]/u;
    for (const {name, text} of HOSTILE_SAMPLES) assert.doesNotMatch(sanitize(text), left, name);
  });
});

describe('spellOut: the exact value, safe too, for the raw view', () => {
  it('escapes what shaping would change and keeps the rest', () => {
    assert.equal(spellOut('👍🏽 ok'), '👍\\ud83c\\udffd ok');
    assert.equal(spellOut('🇫🇷'), '\\ud83c\\uddeb\\ud83c\\uddf7');
    assert.equal(spellOut('❤️'), '❤\\ufe0f');
    assert.equal(spellOut('Émilie 山田 e\u0301'), 'Émilie 山田 e\u0301');
  });

  it('gives back the value when its escapes are read as JSON, and is as safe as the shaped form', () => {
    for (const {name, text} of HOSTILE_SAMPLES) {
      const spelled = spellOut(text);
      assert.equal(JSON.parse(`"${spelled.replaceAll('"', '\\"')}"`), text, name);
      assert.equal(terminalSafe(spelled), spelled.normalize('NFC'), `${name}: shaping leaves it alone`);
    }
  });
});
