/**
 * Names of every kind of Unicode that terminals measure differently or that can wreck a frame,
 * one class per entry, for the shaping tests and the end-to-end run through the real binary.
 */
export interface HostileSample {
  /** What the class is. */
  name: string;
  text: string;
}

export const HOSTILE_SAMPLES: readonly HostileSample[] = [
  {name: 'the issue’s name', text: '😀🎉 Family👨‍👩‍👧‍👦🇫🇷👍🏽'},
  {name: 'ZWJ sequences', text: 'Team 👩‍💻👨🏽‍🚀👁‍🗨🏳️‍🌈❤️‍🔥'},
  {name: 'regional-indicator flags', text: 'Flags 🇫🇷🇯🇵🇧🇷 lone 🇦'},
  {name: 'emoji modifiers', text: 'Thumbs 👍🏻👍🏿☝🏽 alone 🏽'},
  {name: 'VS15 and VS16', text: 'Warn ⚠️ heart ❤️ text 😀︎ ☺︎'},
  {name: 'keycaps', text: 'Key 1️⃣#️⃣*️⃣ 9⃣'},
  {name: 'subdivision flag', text: 'England 🏴󠁧󠁢󠁥󠁮󠁧󠁿 fans'},
  {name: 'emoji newer than the terminals', text: 'New 🥲🫠🫨🩷 faces'},
  {name: 'East Asian ambiguous', text: 'Ambiguous ±§°×÷αβ…›─'},
  {name: 'Hangul jamo', text: 'Jamo 가각 \u1100\u1161\u11a8 lone \u1161\u11a8 \u115f'},
  {name: 'soft hyphen and zero-width characters', text: 'Soft\u00adhyphen zero\u200bwidth join\u2060er \ufeffbom'},
  {name: 'combining mark stacks', text: 'Zalgo Z\u0351\u0352\u0353\u0354\u0355a\u0300\u0301\u0302\u0303\u0304lgo e\u0301'},
  {name: 'CJK', text: '山田太郎 中文名字 日本語の名前 ｱｲｳ ＡＢＣ'},
  {name: 'Indic and Thai clusters', text: 'क्षत्रिय किताब กำลัง ไทย'},
  {name: 'RTL text and controls', text: 'محمد عبد الله כהן \u202Egnp.exe \u2067isolate\u2069'},
  {name: 'new CJK extensions', text: 'Ext \u{30000}\u{31350} B \u{20000}'},
  {name: '500-character name', text: `Long ${'Wolfeschlegelsteinhausenbergerdorff-'.repeat(13)}`.slice(0, 500)},
  {name: '500 characters of emoji', text: '👨‍👩‍👧‍👦🇫🇷👍🏽'.repeat(30).slice(0, 500)},
];
