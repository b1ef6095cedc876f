import type { Finding } from './check';

/**
 * How a finding is stored: a **template** — field, code, severity, message key, params JSON,
 * message, suggestion JSON, confidence — with up to two **arguments** cut out of its three texts.
 *
 * Why: a checks run writes ~2 findings per row, and nearly all of them are a few sentences around
 * one or two values (`Write {value} as {e164}.`). Stored whole, every finding repeated its long
 * texts and the run spent most of its single-threaded time inserting and indexing them. Stored as
 * (contact, template id, a, b), a finding is two integers and two short strings; the `findings`
 * view (migration 0007) puts the arguments back in SQL, so readers see the same rows as before.
 *
 * The cut is exact by construction: argument `a` replaces every occurrence of its text by ARG_A,
 * then `b` by ARG_B; rendering replaces ARG_B then ARG_A back. That is the exact inverse whenever
 * neither the texts nor the arguments hold the placeholder characters — checked, and a finding
 * that holds one is stored whole (no arguments). Which strings become arguments only decides how
 * well templates are shared, never what is read back: the first two string params of at least
 * three characters that occur in the texts (checks put the row's value first: `{value, e164}`,
 * `{value, suggested}`, `{value, date}`).
 */
const ARG_A = '\u0001';
const ARG_B = '\u0002';
/** Separates the template's parts in its key (the key is how templates are shared). */
const SEP = '\u0003';
// eslint-disable-next-line no-control-regex -- the placeholders are control characters on purpose
const PLACEHOLDERS = /[\u0001-\u0003]/;
const MIN_ARG_LENGTH = 3;

/** A template's columns, as stored in finding_templates. */
export interface FindingTemplate {
  field: string;
  code: string;
  severity: Finding['severity'];
  messageKey: string;
  paramsJson: string;
  message: string;
  suggestionJson: string | null;
  confidence: number;
}

/** A finding in stored form: its template's key and its arguments (null when unused). */
export type StoredForm = [key: string, a: string | null, b: string | null];

/**
 * The stored form of a finding whose params and suggestion are already serialised. Two families
 * of keys that cannot meet: SEP-joined parts (starting with SEP; the usual case, cheap) and, for
 * a finding holding a placeholder character, the JSON array of its parts (starting with `[`).
 */
export function storedForm(
  f: Pick<Finding, 'field' | 'code' | 'severity' | 'messageKey' | 'params' | 'message' | 'confidence'>,
  paramsJson: string,
  suggestionJson: string | null,
): StoredForm {
  const { field, code, severity, messageKey, message, confidence } = f;
  // Only the message can hold a placeholder character: params and suggestion are JSON, which
  // escapes control characters (FindingEncoder's contract), so an argument holding one can only
  // occur in the message; field, code and message key are identifiers written in the checks' code.
  if (PLACEHOLDERS.test(message))
    return [
      JSON.stringify([field, code, severity, messageKey, paramsJson, message, suggestionJson, confidence]),
      null,
      null,
    ];
  let p = paramsJson;
  let m = message;
  let s = suggestionJson;
  let a: string | null = null;
  let b: string | null = null;
  for (const name in f.params) {
    const value = f.params[name];
    if (typeof value !== 'string' || value.length < MIN_ARG_LENGTH || value === a) continue;
    const mark = a === null ? ARG_A : ARG_B;
    const p2 = replaceEvery(p, value, mark);
    const m2 = replaceEvery(m, value, mark);
    const s2 = s === null ? null : replaceEvery(s, value, mark);
    if (p2 === p && m2 === m && s2 === s) continue; // not in the texts: nothing to share
    p = p2;
    m = m2;
    s = s2;
    if (a === null) a = value;
    else {
      b = value;
      break;
    }
  }
  return [
    SEP +
      field +
      SEP +
      code +
      SEP +
      severity +
      SEP +
      messageKey +
      SEP +
      p +
      SEP +
      m +
      SEP +
      (s ?? '') +
      SEP +
      confidence,
    a,
    b,
  ];
}

/**
 * `text.replaceAll(value, mark)` for a plain mark, by indexOf and slices: twice as fast as
 * replaceAll here (measured on phone findings), which matters at ~2 findings per row.
 */
function replaceEvery(text: string, value: string, mark: string): string {
  let at = text.indexOf(value);
  if (at < 0) return text;
  let out = '';
  let from = 0;
  do {
    out += text.slice(from, at) + mark;
    from = at + value.length;
    at = text.indexOf(value, from);
  } while (at >= 0);
  return out + text.slice(from);
}

/** The template a key stands for (the inverse of storedForm's key). */
export function templateOfKey(key: string): FindingTemplate {
  const parts: unknown[] = key.charAt(0) === SEP ? key.slice(1).split(SEP) : (JSON.parse(key) as unknown[]);
  const [field, code, severity, messageKey, paramsJson, message, suggestion, confidence] = parts as string[];
  return {
    field: field!,
    code: code!,
    severity: severity as FindingTemplate['severity'],
    messageKey: messageKey!,
    paramsJson: paramsJson!,
    message: message!,
    // A suggestion is JSON (never empty), so '' in a SEP key and null in a JSON key mean none.
    suggestionJson: suggestion === '' || suggestion === null ? null : suggestion!,
    confidence: Number(confidence),
  };
}
