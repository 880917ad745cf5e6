import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {inertText, sanitize} from '../../source/text/sanitize.js';
import {tsvRows} from '../../source/output/rows.js';

/** Characters no sanitised string may contain, whatever its neighbours. */
const dangerous = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Cs}]/u;

describe('sanitize: escape sequences', () => {
  it('shows ESC as a visible symbol, so colours cannot be injected', () => {
    assert.equal(sanitize('Evil\u001b[31mRed'), 'Evil␛[31mRed');
  });

  it('neutralises an OSC 8 hyperlink', () => {
    const link = '\u001b]8;;https://evil.example/\u0007click me\u001b]8;;\u0007';
    assert.equal(sanitize(link), '␛]8;;https://evil.example/␇click me␛]8;;␇');
  });

  it('neutralises an OSC 52 clipboard write (BEL and ST terminated)', () => {
    assert.equal(sanitize('\u001b]52;c;cm0gLXJmIH4=\u0007'), '␛]52;c;cm0gLXJmIH4=␇');
    assert.equal(sanitize('\u001b]52;c;cm0gLXJmIH4=\u001b\\'), '␛]52;c;cm0gLXJmIH4=␛\\');
  });

  it('shows the one-byte C1 CSI and the other C1 controls as \\x escapes', () => {
    assert.equal(sanitize('a\u009b31mb'), 'a\\x9b31mb');
    assert.equal(sanitize('\u0080\u0085\u009d\u009f'), '\\x80\\x85\\x9d\\x9f');
  });

  it('shows DEL as \\x7f', () => {
    assert.equal(sanitize('a\u007fb'), 'a\\x7fb');
  });

  it('maps every C0 control to its control picture', () => {
    for (let code = 0; code < 0x20; code += 1) {
      assert.equal(sanitize(`a${String.fromCharCode(code)}b`), `a${String.fromCodePoint(0x2400 + code)}b`);
    }
    assert.equal(sanitize('one\r\ntwo\tthree\u0000'), 'one␍␊two␉three␀');
  });
});

describe('sanitize: bidirectional and invisible characters', () => {
  it('shows a right-to-left override, so a file name cannot be reversed', () => {
    assert.equal(sanitize('\u202Egnp.exe'), '⟪RLO⟫gnp.exe');
  });

  it('names every bidi control', () => {
    const names: Array<[string, string]> = [
      ['\u202a', 'LRE'], ['\u202b', 'RLE'], ['\u202c', 'PDF'], ['\u202d', 'LRO'], ['\u202e', 'RLO'],
      ['\u2066', 'LRI'], ['\u2067', 'RLI'], ['\u2068', 'FSI'], ['\u2069', 'PDI'],
      ['\u200e', 'LRM'], ['\u200f', 'RLM'], ['\u061c', 'ALM'],
    ];
    for (const [char, name] of names) assert.equal(sanitize(`x${char}y`), `x⟪${name}⟫y`);
  });

  it('shows zero-width and other invisible characters that could make two names look alike', () => {
    assert.equal(sanitize('ad\u200Bmin'), 'ad⟪ZWSP⟫min');
    assert.equal(sanitize('ad\u2060min'), 'ad⟪WJ⟫min');
    assert.equal(sanitize('\uFEFFadmin'), '⟪BOM⟫admin');
    assert.equal(sanitize('ad\u00ADmin'), 'ad⟪SHY⟫min');
    assert.equal(sanitize('a\u2028b\u2029c'), 'a⟪LS⟫b⟪PS⟫c');
    assert.equal(sanitize('\u3164'), '⟪U+3164⟫');
    assert.equal(sanitize('a\u2061b'), 'a⟪U+2061⟫b');
  });

  it('shows joiners between Latin letters (a look-alike trick) but keeps them where scripts need them', () => {
    assert.equal(sanitize('ad\u200Dmin'), 'ad⟪ZWJ⟫min');
    assert.equal(sanitize('ad\u200Cmin'), 'ad⟪ZWNJ⟫min');
    assert.equal(sanitize('\u200Dadmin'), '⟪ZWJ⟫admin');
    const persian = 'می\u200Cخواهم';
    assert.equal(sanitize(persian), persian);
    const devanagari = 'क्\u200Dष';
    assert.equal(sanitize(devanagari), devanagari);
  });

  it('does not mark zero-width joiners inside emoji sequences (shaping then draws their parts)', () => {
    const parts: Array<[string, string]> = [['👩‍👩‍👧', '👩👩👧'], ['🏳️‍🌈', '🏳🌈'], ['👨🏽‍💻', '👨💻'], ['❤️‍🔥', '❤🔥']];
    for (const [emoji, shaped] of parts) assert.equal(sanitize(emoji), shaped);
    assert.equal(sanitize('👩\u200D'), '👩⟪ZWJ⟫');
  });

  it('does not mark one variation selector after a character (shaping drops it) and shows a run of them (hidden data)', () => {
    assert.equal(sanitize('❤️'), '❤');
    assert.equal(sanitize('葛\u{E0100}'), '葛');
    assert.equal(sanitize('x\u{E0100}\u{E0101}\u{E0102}'), 'x⟪U+E0101⟫⟪U+E0102⟫');
    assert.equal(sanitize('\uFE0Fx'), '⟪U+FE0F⟫x');
  });

  it('does not mark tag characters in a subdivision flag (shaping keeps its 🏴) and shows stray ones', () => {
    const england = '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    assert.equal(sanitize(`${england} team`), '🏴 team');
    assert.equal(sanitize('hi\u{E0041}\u{E0042}'), 'hi⟪U+E0041⟫⟪U+E0042⟫');
    assert.equal(sanitize('🏴\u{E0067}\u{E0062}'), '🏴⟪U+E0067⟫⟪U+E0062⟫');
  });

  it('replaces lone surrogates', () => {
    assert.equal(sanitize('a\uD800b'), 'a\uFFFDb');
    assert.equal(sanitize('\uDC00'), '\uFFFD');
    assert.equal(sanitize('ok\uD83D'), 'ok\uFFFD');
  });

  it('leaves no control, bidi, format or separator character for any code point between Latin letters', () => {
    const leftover = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
    const planes = [[0, 0xffff], [0x1f000, 0x1ffff], [0xe0000, 0xe0fff]] as const;
    for (const [from, to] of planes) {
      for (let code = from; code <= to; code += 1) {
        const out = sanitize(`a${String.fromCodePoint(code)}b`);
        if (leftover.test(out) || dangerous.test(out)) assert.fail(`U+${code.toString(16)} survives: ${JSON.stringify(out)}`);
      }
    }
  });
});

describe('sanitize: values', () => {
  it('returns ordinary text unchanged', () => {
    for (const text of ['Alice', 'Élodie Müller', '日本語', '😀 Paris', 'é', '']) assert.equal(sanitize(text), text);
  });

  it('turns non-strings into strings', () => {
    assert.equal(sanitize(null), '');
    assert.equal(sanitize(undefined), '');
    assert.equal(sanitize(42), '42');
    assert.equal(sanitize(-1.5), '-1.5');
    assert.equal(sanitize(false), 'false');
    assert.equal(sanitize(10n), '10');
    assert.equal(sanitize(() => 'x'), '');
  });

  it('joins arrays and shows objects as JSON, both sanitised', () => {
    assert.equal(sanitize([1, 'a\u001bb', null]), '1, a␛b, ');
    assert.equal(sanitize({name: '\u202Eevil'}), '{"name":"⟪RLO⟫evil"}');
    assert.equal(sanitize({name: '\u001b'}), '{"name":"\\u001b"}');
  });

  it('survives a circular object', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    assert.equal(sanitize(loop), '[object Object]');
  });
});

describe('inertText: script output that goes to a pipe', () => {
  it('escapes what a terminal would act on, as sanitize does', () => {
    for (const hostile of ['Evil\u001b[31mRed', 'a\tb\nc', '\u202Egnp.exe', 'x\u009b2J']) {
      assert.equal(inertText(hostile), sanitize(hostile), hostile);
      assert.doesNotMatch(inertText(hostile), dangerous);
    }
  });

  it('keeps the characters that sanitize shapes for the terminal, so TSV carries the data', () => {
    const names = ['🇫🇷 Paris', '👍🏽', '1️⃣', '👨‍👩‍👧‍👦'];
    for (const name of names) assert.equal(inertText(name), name);
    assert.notEqual(sanitize('🇫🇷 Paris'), '🇫🇷 Paris', 'the dashboard still shapes the flag');
    assert.equal(tsvRows([['🇫🇷 Paris', 'a\tb']]), '🇫🇷 Paris\ta␉b\n');
  });
});
