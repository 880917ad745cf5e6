/** Text helpers that mimic PostgreSQL's unaccent/ILIKE and Python's repr(). */

const LIGATURES: Record<string, string> = {ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th', ı: 'i', ð: 'd'};
const LIGATURE_PATTERN = /[ßæœøłđþıð]/g;
const COMBINING_MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Case- and accent-free form of a value, like `lower(unaccent(x))`: NFD, combining marks removed,
 * lower case, and the few letters unaccent rewrites (ß → ss, ø → o, …).
 */
export function fold(value: string): string {
  if (ASCII.test(value)) return value.toLowerCase();
  const cached = foldCache.get(value);
  if (cached !== undefined) return cached;
  const folded = value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(LIGATURE_PATTERN, (letter) => LIGATURES[letter] ?? letter);
  // Generated names repeat a lot; the cache is bounded so arbitrary search terms cannot grow it forever.
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(value, folded);
  return folded;
}

const FOLD_CACHE_LIMIT = 50_000;
const foldCache = new Map<string, string>();

/** Python's `repr()` of a str: the quoting confd's 401 bodies show (`"('<token>', 'acl')"`). */
export function pythonRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/u.test(char) || (/\p{Zs}/u.test(char) && char !== ' ')) {
      out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return out + quote;
}

/** Python's `str()` of a tuple of strings and None, e.g. `('tok', 'confd.users.read', None)`. */
export function pythonTuple(values: ReadonlyArray<string | null>): string {
  const parts = values.map((value) => (value === null ? 'None' : pythonRepr(value)));
  return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
}

/**
 * A matcher for `unaccent(col) ILIKE '%term%'`: `%` and `_` in the term are wildcards and `\` escapes,
 * as in SQL; a term without them is a plain substring test. `separator` never matches a wildcard, so a
 * term cannot span two columns of a joined haystack.
 */
export function likeMatcher(term: string, separator: string): (haystack: string) => boolean {
  const folded = fold(term);
  if (!/[%_\\]/.test(folded)) return (haystack) => haystack.includes(folded);
  let pattern = '';
  for (let index = 0; index < folded.length; index++) {
    const char = folded[index] ?? '';
    if (char === '\\' && index + 1 < folded.length) pattern += escapeRegExp(folded[++index] ?? '');
    else if (char === '%') pattern += `[^${separator}]*`;
    else if (char === '_') pattern += `[^${separator}]`;
    else pattern += escapeRegExp(char);
  }
  const regex = new RegExp(pattern);
  return (haystack) => regex.test(haystack);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A value Python's `repr()` can print: what marshmallow error messages are made of. */
export type PythonValue = string | number | boolean | null | PythonValue[] | {[key: string]: PythonValue};

/** Python's `repr()` of dicts, lists, strings, ints, booleans and None. */
export function pythonReprValue(value: PythonValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pythonRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonReprValue).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${pythonRepr(key)}: ${pythonReprValue(item)}`)
    .join(', ')}}`;
}
