import { isCountryCode } from '../reference/countries';
import { fieldByCode, type InvalidEffect, type SecutixField } from './fields';

/**
 * Per-cell rules of the field model, shared by the export (on normalised values) and the
 * standalone validator (on the cells of any file). Pure: no Node, no parsing libraries.
 */

/** SecuTix's own email check (spec §3.6), lower-case only. */
export const SECUTIX_EMAIL_REGEX = /^[0-9a-z+$_-]+(\.[0-9a-z+$_-]+)*@[0-9a-z+_-]+(\.[0-9a-z+_-]+)+$/;

/** The cell content that tells SecuTix to clear the stored value (spec §2.4). */
export const CLEAR_MARKER = '=';

export interface ValueProblem {
  /** Stable problem code (report column "code"): 'too-long', 'bad-date', … */
  problem: string;
  message: string;
  /** What SecuTix does with it, from the field table (onInvalid / onTooLong). */
  effect: InvalidEffect;
}

export interface ValueRuleOptions {
  /** "Today" for the future-birthdate rule (injectable for tests). */
  today?: Date;
  /** Institution-specific TITLE codes beyond the standard ones. */
  extraTitles?: readonly string[];
  /** Columns whose default code was set by a CONFIG row: a bare value is then allowed (spec §2.5). */
  configuredColumns?: ReadonlySet<string>;
  /** Accept https:// in WEB_SITE (the spec only mentions http://, §8.11). Default true. */
  allowHttps?: boolean;
}

const DATE_IN = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const CODE = '[A-Za-z0-9_.-]+';
const CODEVALUE = new RegExp(`^${CODE}=[^|=]+(\\|[^|]+)*$`);
const BARE_VALUES = /^[^|]+(\|[^|]+)*$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether d.m.y is a real calendar date (proleptic Gregorian, as Date). Years below 100 are not:
 * Date.UTC reads them as 19xx, which is how this rule was first written (kept; no Date object).
 */
function realDate(d: number, m: number, y: number): boolean {
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a date written dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy (SecuTix's formats) or yyyy-mm-dd
 * (ISO, how the workspace may store it). Returns the SecuTix form dd.mm.yyyy, or null.
 */
export function toSecutixDate(value: string): string | null {
  const v = value.trim();
  let d: number, m: number, y: number;
  const a = DATE_IN.exec(v);
  const iso = a ? null : ISO_DATE.exec(v);
  if (a) [d, m, y] = [Number(a[1]), Number(a[3]), Number(a[4])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  return realDate(d, m, y) ? `${pad2(d)}.${pad2(m)}.${y}` : null;
}

/**
 * Canonical export form of a value: trimmed; emails lower-cased; dates dd.mm.yyyy; codes in
 * their documented case; CodeValue parts trimmed. Phones are normalised in the core
 * (libphonenumber), not here. Returns '' for a blank value.
 */
export function normalizeValue(field: SecutixField, raw: string): string {
  const v = raw.trim();
  if (v === '') return '';
  switch (field.type) {
    case 'email':
      return v.toLowerCase();
    case 'date':
      return toSecutixDate(v) ?? v;
    case 'country':
    case 'addrtype':
    case 'enum':
      return v.toUpperCase();
    case 'language':
      return v.toLowerCase();
    case 'codevalue':
      return v
        .split('|')
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .join('|')
        .replace(/^([^=]+?)\s*=\s*/, '$1=');
    default:
      return v;
  }
}

const allowedSets = new WeakMap<SecutixField, ReadonlySet<string>>();

/** field.allowed as a set (the language list has ~180 codes): built once per field. */
function allowedSet(field: SecutixField): ReadonlySet<string> {
  let set = allowedSets.get(field);
  if (!set) allowedSets.set(field, (set = new Set(field.allowed ?? [])));
  return set;
}

const fail = (field: SecutixField, problem: string, message: string): ValueProblem => ({
  problem,
  message,
  effect: field.onInvalid,
});

/** Checks one non-empty cell value against its field; null when SecuTix accepts it. */
export function checkValue(
  field: SecutixField,
  value: string,
  options: ValueRuleOptions = {},
): ValueProblem | null {
  // .length counts UTF-16 units (≥ characters): count characters only when it may be too long.
  if (field.maxLength !== undefined && value.length > field.maxLength && [...value].length > field.maxLength)
    return {
      problem: 'too-long',
      message: `${field.code} is ${[...value].length} characters long; SecuTix allows ${field.maxLength}.`,
      effect: field.onTooLong ?? field.onInvalid,
    };
  switch (field.type) {
    case 'digits':
      return /^\d+$/.test(value)
        ? null
        : fail(field, 'not-digits', `${field.code} must contain digits only.`);
    case 'integer':
      return /^\d+$/.test(value) ? null : fail(field, 'not-integer', `${field.code} must be a whole number.`);
    case 'date': {
      const a = DATE_IN.exec(value);
      if (!a || a[1]!.length !== 2 || a[3]!.length !== 2 || !realDate(+a[1]!, +a[3]!, +a[4]!))
        return fail(field, 'bad-date', `${field.code} must be a real date written dd.mm.yyyy.`);
      const today = options.today ?? new Date();
      const date = Date.UTC(+a[4]!, +a[3]! - 1, +a[1]!);
      if (date > Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()))
        return fail(field, 'future-date', `${field.code} is in the future.`);
      return null;
    }
    case 'enum': {
      const extra = field.code === 'TITLE' ? (options.extraTitles ?? []) : [];
      if (allowedSet(field).has(value) || extra.includes(value)) return null;
      const allowed = [...(field.allowed ?? []), ...extra];
      return fail(field, 'not-allowed', `${field.code} "${value}" is not one of ${allowed.join(', ')}.`);
    }
    case 'language':
      return allowedSet(field).has(value)
        ? null
        : fail(
            field,
            'bad-language',
            `${field.code} must be a lower-case ISO 639-1 language code (en, fr, de…).`,
          );
    case 'country':
      return /^[A-Z]{2}$/.test(value) && isCountryCode(value)
        ? null
        : fail(field, 'bad-country', `${field.code} "${value}" is not an ISO 3166-1 alpha-2 country code.`);
    case 'addrtype':
      return /^[MSB]{1,3}$/.test(value) && new Set(value).size === value.length
        ? null
        : fail(field, 'bad-addr-type', `${field.code} must combine M, S and B (e.g. M, MB, MBS).`);
    case 'email':
      return SECUTIX_EMAIL_REGEX.test(value)
        ? null
        : fail(field, 'bad-email', `${field.code} does not pass SecuTix's email check; SecuTix drops it.`);
    case 'codevalue':
      if (field.code === 'ADMIN_NUMBER' && value.includes('|'))
        return fail(field, 'one-admin-number', 'ADMIN_NUMBER holds one number per row (spec §3.4).');
      if (CODEVALUE.test(value)) return null;
      if (options.configuredColumns?.has(field.code) && BARE_VALUES.test(value) && !value.includes('='))
        return null;
      return fail(field, 'bad-codevalue', `${field.code} must be written CODE=value (values joined with |).`);
    case 'url': {
      const ok = options.allowHttps === false ? /^http:\/\/\S+$/ : /^https?:\/\/\S+$/;
      return ok.test(value) ? null : fail(field, 'bad-url', `${field.code} must start with http://.`);
    }
    case 'code':
      return /^[^\s=|]+$/.test(value)
        ? null
        : fail(field, 'bad-code', `${field.code} must be a code without spaces.`);
    case 'phone':
      return /\d/.test(value) ? null : fail(field, 'bad-phone', `${field.code} contains no digits.`);
    default:
      return null;
  }
}

/** Shorthand for checks by column code; unknown codes are never checked here. */
export function checkCell(code: string, value: string, options?: ValueRuleOptions): ValueProblem | null {
  const f = fieldByCode(code);
  return f ? checkValue(f, value, options) : null;
}
