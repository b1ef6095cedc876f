import type { ContactData } from '../../../shared/domain';

/** Any JSON-illegal raw control character: JSON.parse rejects those, the scanner must not accept them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f]/;

/**
 * `JSON.parse(json)` for a contact's `data` column, with a direct scan of the usual shape: a flat
 * object of string values as JSON.stringify writes it (`{"K":"V",...}`, no spaces, no escapes).
 * V8's JSON.parse costs several µs on such a row and the checks read every contact, so the
 * common case is cut on the quotes instead; anything else (escapes, spaces, numbers, nesting,
 * a `__proto__` key, malformed text) goes through JSON.parse, which also throws as before.
 * Same object, same key order, same values: tests/unit/checks/contact-data-json.test.ts.
 */
export function parseContactData(json: string): ContactData {
  // Without a backslash every `"` delimits a string; raw control characters are invalid JSON.
  if (json.indexOf('\\') < 0 && !CONTROL.test(json)) {
    const out: ContactData = {};
    const shaped = walkFlatStrings(json, 0, json.length, (s, keyStart, keyEnd, valueStart, valueEnd) => {
      const key = s.slice(keyStart, keyEnd);
      // JSON.parse makes `__proto__` an own property; an assignment would set the prototype.
      if (key === '__proto__') return false;
      out[key] = s.slice(valueStart, valueEnd);
      return true;
    });
    if (shaped) return out;
  }
  return JSON.parse(json) as ContactData;
}

/** One pair of a flat object: positions of the key and of the value in the scanned text, quotes excluded. */
export type FlatPairVisitor = (
  s: string,
  keyStart: number,
  keyEnd: number,
  valueStart: number,
  valueEnd: number,
) => boolean;

/**
 * Walks s[start, end) when it is `{"K":"V",...}` as JSON.stringify writes a flat object of
 * strings (no spaces), calling `visit` for each pair in order. The caller has checked that the
 * range holds no backslash, so every `"` delimits a string. False when the text is not that shape
 * or `visit` refused a pair (pairs visited so far are then to be discarded). Shared by the checks
 * (contact objects) and the export (fields read in place, without an object).
 */
export function walkFlatStrings(s: string, start: number, end: number, visit: FlatPairVisitor): boolean {
  if (s.charCodeAt(start) !== 123) return false; // {
  let i = start + 1;
  if (s.charCodeAt(i) === 125) return end === start + 2; // {}
  for (;;) {
    if (i >= end || s.charCodeAt(i) !== 34) return false; // "
    const keyEnd = s.indexOf('"', i + 1);
    if (keyEnd < 0 || keyEnd + 2 >= end) return false;
    if (s.charCodeAt(keyEnd + 1) !== 58 || s.charCodeAt(keyEnd + 2) !== 34) return false; // :"
    const valueEnd = s.indexOf('"', keyEnd + 3);
    if (valueEnd < 0 || valueEnd + 1 >= end) return false;
    const next = s.charCodeAt(valueEnd + 1);
    if (next !== 44 && !(next === 125 && valueEnd + 2 === end)) return false; // , or final }
    if (!visit(s, i + 1, keyEnd, keyEnd + 3, valueEnd)) return false;
    if (next === 125) return true;
    i = valueEnd + 2;
  }
}
