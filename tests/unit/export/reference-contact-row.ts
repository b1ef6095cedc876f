/**
 * The export's row builder as it was before the field-indexed rewrite (Contact.data object,
 * values record): the reference the fast builder is compared with, value for value.
 */
import type { Contact, ContactKind } from '../../../shared/domain';
import type { ExportOptions } from '../../../shared/contract/export';
import { deriveKind } from '../../../shared/secutix/contact-kind';
import {
  SECUTIX_FIELDS,
  fieldByCode,
  type InvalidEffect,
  type SecutixField,
} from '../../../shared/secutix/fields';
import { checkRow } from '../../../shared/secutix/row-rules';
import {
  CLEAR_MARKER,
  checkValue,
  normalizeValue,
  type ValueRuleOptions,
} from '../../../shared/secutix/value-rules';
import { isCountryCode } from '../../../shared/reference/countries';
import { secutixPhone } from '../../../src-main/core/export/phone';
import type { ExportRow } from '../../../src-main/core/export/contact-row';

const NO_COLUMNS: ReadonlySet<string> = new Set();
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

/**
 * Turns one workspace contact into the cells of one SecuTix row, never silently: every value
 * dropped or kept despite a problem is reported. Values are never truncated.
 */
export function buildReferenceRow(
  contact: Contact,
  options: ExportOptions,
  rules: ValueRuleOptions,
): ExportRow {
  return buildRow(contact, options, rules);
}

function buildRow(contact: Contact, options: ExportOptions, rules: ValueRuleOptions): ExportRow {
  const row: ExportRow = { values: {}, problems: [], rejected: false };
  const { values, problems } = row;
  const policy = options.undocumentedInvalid;
  const operation = contact.operation ?? 'INSERT';
  const cleared = contact.cleared;

  const derived = contact.kindOverride ? deriveKind(contact.data) : null;
  const dropped = contact.kindOverride
    ? new Set(columnsDroppedByOverride(contact.kindOverride, derived))
    : NO_COLUMNS;
  if (contact.kindOverride === 'structure_relay' && derived !== 'structure_relay' && operation === 'INSERT')
    addProblem(
      row,
      policy,
      '',
      'kind-override-unmet',
      'Structure + relay needs both a person name and OFFICIAL_NAME.',
      'row-rejected',
    );

  const country = (contact.data.COUNTRY ?? '').trim().toUpperCase();
  const refCountry = isCountryCode(country) ? country : options.institutionCountry?.toUpperCase();

  values.OPERATION = operation;
  for (const f of fieldsToWrite(contact)) {
    let raw = contact.data[f.code] ?? '';
    let trimmed = raw.trim();
    if (trimmed === '' && f === INSTITUTION) trimmed = (raw = options.institution ?? '').trim();
    else if (trimmed === '' && f === ORGANIZATION) trimmed = (raw = options.organization ?? '').trim();
    if (cleared.length > 0 && cleared.includes(f.code)) {
      if (CLEAR_OPERATIONS.has(operation)) {
        values[f.code] = CLEAR_MARKER;
        continue;
      }
      problems.push({
        column: f.code,
        problem: 'clear-ignored',
        message: `Clearing ${f.code} needs an UPDATE row; on ${operation} nothing is cleared.`,
        severity: 'warning',
      });
    }
    if (trimmed === '') continue;
    if (dropped.has(f.code)) {
      problems.push({
        column: f.code,
        problem: 'dropped-by-kind',
        message: `${f.code} left out: the contact kind was set to ${contact.kindOverride}.`,
        severity: 'warning',
        value: raw,
      });
      continue;
    }
    if (trimmed === CLEAR_MARKER) {
      // A source "=" is data, not the user's clear action: never export it as a clear marker.
      problems.push({
        column: f.code,
        problem: 'literal-clear-marker',
        message: `The source value of ${f.code} is "=", which SecuTix reads as "clear this value"; left empty.`,
        severity: 'warning',
        value: raw,
      });
      continue;
    }
    const value = exportValue(row, policy, f, raw, refCountry, rules);
    if (value !== null) values[f.code] = value;
  }
  for (const p of checkRow(values)) {
    if (p.advisory)
      problems.push({ column: p.column, problem: p.problem, message: p.message, severity: 'warning' });
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
}

const INSTITUTION = fieldByCode('INSTITUTION')!;
const ORGANIZATION = fieldByCode('ORGANIZATION')!;

/** The fields a contact has a value for (or asked to clear), in table order: rows are sparse. */
function fieldsToWrite(contact: Contact): SecutixField[] {
  if (contact.cleared.length > 0) return collectFields(contact);
  // Usual case without an allocation: reuse one array, insertion-sort the ~15 fields by order.
  const out = scratchFields;
  out.length = 0;
  out.push(INSTITUTION, ORGANIZATION);
  for (const code in contact.data) {
    const f = fieldByCode(code);
    if (!f || f === INSTITUTION || f === ORGANIZATION || f.code === 'OPERATION') continue;
    let i = out.length;
    while (i > 0 && out[i - 1]!.order > f.order) i--;
    out.splice(i, 0, f);
  }
  return out;
}

/** Consumed before the next call: buildRow iterates it once, synchronously. */
const scratchFields: SecutixField[] = [];

function collectFields(contact: Contact): SecutixField[] {
  const out: SecutixField[] = [INSTITUTION, ORGANIZATION];
  for (const code in contact.data) {
    const f = fieldByCode(code);
    if (f && f !== INSTITUTION && f !== ORGANIZATION && f.code !== 'OPERATION') out.push(f);
  }
  for (const code of contact.cleared) {
    const f = fieldByCode(code);
    if (f && f.code !== 'OPERATION' && !out.includes(f)) out.push(f);
  }
  return out.sort(byOrder);
}

function byOrder(a: SecutixField, b: SecutixField): number {
  return a.order - b.order;
}

/**
 * Records a problem; returns true when the value is kept anyway (SecuTix truncates it itself).
 * An undocumented effect (spec §8.6) follows the configured policy.
 */
function addProblem(
  row: ExportRow,
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

function exportValue(
  row: ExportRow,
  policy: ExportOptions['undocumentedInvalid'],
  f: SecutixField,
  raw: string,
  refCountry: string | undefined,
  rules: ValueRuleOptions,
): string | null {
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
