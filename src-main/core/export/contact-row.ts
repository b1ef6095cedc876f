import type { Contact, ContactKind } from '../../../shared/domain';
import type { ExportOptions } from '../../../shared/contract/export';
import { deriveKind } from '../../../shared/secutix/contact-kind';
import {
  PERSON_NAME_CODES,
  SECUTIX_FIELDS,
  STRUCTURE_NAME_CODE,
  fieldByCode,
  type InvalidEffect,
  type SecutixField,
} from '../../../shared/secutix/fields';
import { checkRowValues, type RowValues } from '../../../shared/secutix/row-rules';
import {
  CLEAR_MARKER,
  checkValue,
  normalizeValue,
  type ValueRuleOptions,
} from '../../../shared/secutix/value-rules';
import { isCountryCode } from '../../../shared/reference/countries';
import { secutixPhone } from './phone';

export interface ContactProblem {
  /** Field code ('' for the whole row). */
  column: string;
  problem: string;
  message: string;
  severity: 'error' | 'warning';
  value?: string;
}

export interface ExportRow {
  /** Values to write, keyed by field code; absent = empty cell. */
  values: Record<string, string>;
  problems: ContactProblem[];
  /** SecuTix would reject the row: it goes to the error report instead of the file. */
  rejected: boolean;
}

const FIELD_COUNT = SECUTIX_FIELDS.length;
/** Field code → position in SECUTIX_FIELDS (= field.order). */
const ORDER_OF = new Map(SECUTIX_FIELDS.map((f) => [f.code, f.order]));
const INSTITUTION = fieldByCode('INSTITUTION')!;
const ORGANIZATION = fieldByCode('ORGANIZATION')!;
const OPERATION = fieldByCode('OPERATION')!;
const COUNTRY = ORDER_OF.get('COUNTRY')!;

/**
 * The SecuTix values of one contact, by field order (reused from row to row: no object per
 * contact). Keys that are not SecuTix fields are never exported, so they are not kept.
 */
export class ContactFields {
  /** Raw value per field order; undefined = the contact has no such key. */
  readonly raw: (string | undefined)[] = new Array<string | undefined>(FIELD_COUNT).fill(undefined);
  /** Orders set since the last reset, each once (to reset and to visit cheaply). */
  readonly set: number[] = [];

  reset(): void {
    for (const i of this.set) this.raw[i] = undefined;
    this.set.length = 0;
  }

  /** Sets a key of the contact's data (last one wins, as in JSON.parse); returns its field order, -1 if not a field. */
  put(code: string, value: string): number {
    const i = ORDER_OF.get(code);
    if (i === undefined) return -1;
    this.putAt(i, value);
    return i;
  }

  /** put() by field order (-1: ignored). An undefined value is no value (as `?? ''` read it). */
  putAt(i: number, value: string | undefined): void {
    if (i < 0 || value === undefined) return;
    if (this.raw[i] === undefined) this.set.push(i);
    this.raw[i] = value;
  }

  get(code: string): string | undefined {
    const i = ORDER_OF.get(code);
    return i === undefined ? undefined : this.raw[i];
  }

  fromData(data: Readonly<Record<string, string>>): this {
    this.reset();
    for (const code in data) this.put(code, data[code]!);
    return this;
  }
}

/** The contact besides its values: what the row rules need. */
export interface ContactHead {
  cleared: readonly string[];
  kindOverride: ContactKind | null;
  operation: string | null;
}

/**
 * The row built for one contact (reused from row to row): values by field order, the orders
 * written (OPERATION first, then table order — the order of ExportRow.values) and problems.
 */
export class BuiltRow implements RowValues {
  readonly values: (string | undefined)[] = new Array<string | undefined>(FIELD_COUNT).fill(undefined);
  /** Orders written, in write order. */
  readonly written: number[] = [];
  problems: ContactProblem[] = [];
  rejected = false;
  /** checkRowValues' view: the written fields in write order. */
  readonly fields: SecutixField[] = [];

  reset(): void {
    for (const i of this.written) this.values[i] = undefined;
    this.written.length = 0;
    this.fields.length = 0;
    this.problems = [];
    this.rejected = false;
  }

  write(f: SecutixField, value: string): void {
    this.values[f.order] = value;
    this.written.push(f.order);
    this.fields.push(f);
  }

  get(code: string): string | undefined {
    const i = ORDER_OF.get(code);
    return i === undefined ? undefined : this.values[i];
  }

  getField(f: SecutixField): string | undefined {
    return this.values[f.order];
  }

  toExportRow(): ExportRow {
    const values: Record<string, string> = {};
    for (const i of this.written) values[SECUTIX_FIELDS[i]!.code] = this.values[i]!;
    return { values, problems: this.problems, rejected: this.rejected };
  }
}

const CLEAR_OPERATIONS = new Set(['UPDATE', 'UPDATEACT']);
const STRUCTURE_ONLY = SECUTIX_FIELDS.filter((f) => f.appliesTo.every((k) => k === 'S')).map((f) => f.code);
const PERSON_ONLY = SECUTIX_FIELDS.filter((f) => !f.appliesTo.includes('S')).map((f) => f.code);

/** Columns a kind override removes so SecuTix derives the kind the user chose (spec §1.2). */
function columnsDroppedByOverride(override: ContactKind | null, derived: ContactKind | null): string[] {
  if (!override || override === derived) return [];
  if (override === 'individual') return STRUCTURE_ONLY;
  if (override === 'structure') return PERSON_ONLY;
  return [];
}

/** deriveKind on the name fields only (all it reads). */
function derivedKind(fields: ContactFields): ContactKind | null {
  const names: Record<string, string> = {};
  for (const code of [...PERSON_NAME_CODES, STRUCTURE_NAME_CODE]) {
    const v = fields.get(code);
    if (v !== undefined) names[code] = v;
  }
  return deriveKind(names);
}

export function ruleOptionsOf(options: ExportOptions): ValueRuleOptions {
  return {
    today: options.today ? new Date(`${options.today}T00:00:00Z`) : new Date(),
    extraTitles: options.extraTitles,
    configuredColumns: new Set(Object.keys(options.configCodes ?? {})),
    allowHttps: options.allowHttps,
  };
}

/**
 * Turns one workspace contact into the cells of one SecuTix row, never silently: every value
 * dropped or kept despite a problem is reported. Values are never truncated.
 */
export function buildExportRow(contact: Contact, options: ExportOptions, rules: ValueRuleOptions): ExportRow {
  return exportRowBuilder(options, rules)(contact);
}

/**
 * The row builder of one export. (A per-value memo of the value rules was measured and did not
 * pay: most values are unique, and the cached entries cost more in GC than the checks.)
 */
export function exportRowBuilder(options: ExportOptions, rules: ValueRuleOptions): (c: Contact) => ExportRow {
  const build = fieldRowBuilder(options, rules);
  const fields = new ContactFields();
  return (contact) => build(fields.fromData(contact.data), contact).toExportRow();
}

/**
 * The row builder on ContactFields, for the export's batches: returns one BuiltRow reused from
 * call to call (consume it before the next call).
 */
export function fieldRowBuilder(
  options: ExportOptions,
  rules: ValueRuleOptions,
): (fields: ContactFields, head: ContactHead) => BuiltRow {
  const row = new BuiltRow();
  const policy = options.undocumentedInvalid;
  const institution = options.institution ?? '';
  const organization = options.organization ?? '';
  const institutionCountry = options.institutionCountry?.toUpperCase();
  // checkValue's "today" (it reads the clock per call when none is given: no fast path then).
  const today = rules.today ? dayKey(rules.today) : -1;
  /** Per field order: asked to clear (only filled for rows with cleared fields). */
  const clearedMark = new Uint8Array(FIELD_COUNT);
  const todo: number[] = [];

  return (fields, head) => {
    row.reset();
    const data = fields.raw;
    const operation = head.operation ?? 'INSERT';
    const cleared = head.cleared;
    const override = head.kindOverride;

    const derived = override ? derivedKind(fields) : null;
    const dropped = override ? new Set(columnsDroppedByOverride(override, derived)) : null;
    if (override === 'structure_relay' && derived !== 'structure_relay' && operation === 'INSERT')
      addProblem(
        row,
        policy,
        '',
        'kind-override-unmet',
        'Structure + relay needs both a person name and OFFICIAL_NAME.',
        'row-rejected',
      );

    const country = (data[COUNTRY] ?? '').trim().toUpperCase();
    const refCountry = isCountryCode(country) ? country : institutionCountry;

    row.write(OPERATION, operation);
    // The fields to visit, in table order: those the contact has, those it clears, and
    // INSTITUTION and ORGANIZATION always (defaults); OPERATION is written above.
    todo.length = 0;
    for (const i of fields.set) todo.push(i);
    if (data[INSTITUTION.order] === undefined) todo.push(INSTITUTION.order);
    if (data[ORGANIZATION.order] === undefined) todo.push(ORGANIZATION.order);
    for (const code of cleared) {
      const i = ORDER_OF.get(code);
      if (i === undefined || clearedMark[i] === 1) continue;
      clearedMark[i] = 1;
      if (data[i] === undefined && i !== INSTITUTION.order && i !== ORGANIZATION.order) todo.push(i);
    }
    sortAscending(todo);
    for (const i of todo) {
      let raw = data[i];
      const isCleared = clearedMark[i] === 1;
      const f = SECUTIX_FIELDS[i]!;
      if (f === OPERATION) continue;
      raw ??= '';
      let trimmed = raw.trim();
      if (trimmed === '' && f === INSTITUTION) trimmed = (raw = institution).trim();
      else if (trimmed === '' && f === ORGANIZATION) trimmed = (raw = organization).trim();
      if (isCleared) {
        if (CLEAR_OPERATIONS.has(operation)) {
          row.write(f, CLEAR_MARKER);
          continue;
        }
        row.problems.push({
          column: f.code,
          problem: 'clear-ignored',
          message: `Clearing ${f.code} needs an UPDATE row; on ${operation} nothing is cleared.`,
          severity: 'warning',
        });
      }
      if (trimmed === '') continue;
      if (dropped?.has(f.code)) {
        row.problems.push({
          column: f.code,
          problem: 'dropped-by-kind',
          message: `${f.code} left out: the contact kind was set to ${override}.`,
          severity: 'warning',
          value: raw,
        });
        continue;
      }
      if (trimmed === CLEAR_MARKER) {
        // A source "=" is data, not the user's clear action: never export it as a clear marker.
        row.problems.push({
          column: f.code,
          problem: 'literal-clear-marker',
          message: `The source value of ${f.code} is "=", which SecuTix reads as "clear this value"; left empty.`,
          severity: 'warning',
          value: raw,
        });
        continue;
      }
      const value = exportValue(row, policy, f, raw, refCountry, rules, today);
      if (value !== null) row.write(f, value);
    }
    if (cleared.length > 0) clearedMark.fill(0);
    for (const p of checkRowValues(row)) {
      if (p.advisory)
        row.problems.push({ column: p.column, problem: p.problem, message: p.message, severity: 'warning' });
      else
        addProblem(
          row,
          policy,
          p.column,
          p.problem,
          p.message,
          p.effect === 'unknown' ? p.effect : 'row-rejected',
        );
    }
    return row;
  };
}

/** Insertion sort: ~15 small integers, often nearly sorted. */
function sortAscending(a: number[]): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i;
    while (j > 0 && a[j - 1]! > v) {
      a[j] = a[j - 1]!;
      j--;
    }
    a[j] = v;
  }
}

/**
 * Records a problem; returns true when the value is kept anyway (SecuTix truncates it itself).
 * An undocumented effect (spec §8.6) follows the configured policy.
 */
function addProblem(
  row: BuiltRow,
  policy: ExportOptions['undocumentedInvalid'],
  column: string,
  problem: string,
  message: string,
  effect: InvalidEffect,
  value?: string,
): boolean {
  const reject = effect === 'row-rejected' || (effect === 'unknown' && policy === 'reject-row');
  if (reject) row.rejected = true;
  row.problems.push({ column, problem, message, severity: reject ? 'error' : 'warning', value });
  return effect === 'truncated';
}

/** y·10⁴ + m·10² + d of a UTC date: dates compare as numbers. */
const dayKey = (d: Date) => d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two ASCII digits at s[i, i + 2) as a number, or -1. */
function twoDigitsAt(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The usual date, already written as SecuTix wants it: exactly `dd.mm.yyyy` (year from 1000), a
 * real calendar day, not after `today` (a dayKey). normalizeValue returns it unchanged and
 * checkValue accepts it, so it is exported as is without their regexes and Date arithmetic
 * (0.9 µs a date, measured). False: anything else, left to them (and their messages).
 */
export function isCanonicalPastDate(raw: string, today: number): boolean {
  if (raw.length !== 10 || raw.charCodeAt(2) !== 46 || raw.charCodeAt(5) !== 46) return false; // .
  const d = twoDigitsAt(raw, 0);
  const m = twoDigitsAt(raw, 3);
  const hi = twoDigitsAt(raw, 6);
  const lo = twoDigitsAt(raw, 8);
  if (d < 1 || m < 1 || m > 12 || hi < 10 || lo < 0) return false;
  const y = hi * 100 + lo;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return false;
  return y * 10_000 + m * 100 + d <= today;
}

function exportValue(
  row: BuiltRow,
  policy: ExportOptions['undocumentedInvalid'],
  f: SecutixField,
  raw: string,
  refCountry: string | undefined,
  rules: ValueRuleOptions,
  today: number,
): string | null {
  if (f.type === 'date' && (f.maxLength ?? 10) >= 10 && isCanonicalPastDate(raw, today)) return raw;
  let value = normalizeValue(f, raw);
  if (f.type === 'phone') {
    const r = secutixPhone(value, refCountry);
    if ('problem' in r) {
      addProblem(row, policy, f.code, r.problem, r.message, 'field-ignored', raw);
      return null;
    }
    value = r.value;
  }
  const p = checkValue(f, value, rules);
  if (!p) return value;
  return addProblem(row, policy, f.code, p.problem, p.message, p.effect, raw) ? value : null;
}
