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
  return scanFlatStrings(json) ?? (JSON.parse(json) as ContactData);
}

/** The object of a flat `{"K":"V",...}` text without backslashes, or undefined when not that shape. */
function scanFlatStrings(s: string): ContactData | undefined {
  // Without a backslash every `"` delimits a string; raw control characters are invalid JSON.
  if (s.charCodeAt(0) !== 123 || s.indexOf('\\') >= 0 || CONTROL.test(s)) return undefined; // {
  const out: ContactData = {};
  if (s.charCodeAt(1) === 125) return s.length === 2 ? out : undefined; // {}
  for (let i = 1; ;) {
    if (s.charCodeAt(i) !== 34) return undefined; // "
    const keyEnd = s.indexOf('"', i + 1);
    if (keyEnd < 0 || s.charCodeAt(keyEnd + 1) !== 58 || s.charCodeAt(keyEnd + 2) !== 34) return undefined; // :"
    const valueEnd = s.indexOf('"', keyEnd + 3);
    if (valueEnd < 0) return undefined;
    const next = s.charCodeAt(valueEnd + 1);
    if (next !== 44 && !(next === 125 && valueEnd + 2 === s.length)) return undefined; // , or final }
    const key = s.slice(i + 1, keyEnd);
    // JSON.parse makes `__proto__` an own property; an assignment would set the prototype.
    if (key === '__proto__') return undefined;
    out[key] = s.slice(keyEnd + 3, valueEnd);
    if (next === 125) return out;
    i = valueEnd + 2;
  }
}
