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

const NONE: string[] = [];
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
  const values: Record<string, string> = {};
  const problems: ContactProblem[] = [];
  let rejected = false;
  const operation = contact.operation ?? 'INSERT';
  const cleared = new Set(contact.cleared.length ? contact.cleared : NONE);
  const onProblem = (
    column: string,
    problem: string,
    message: string,
    effect: InvalidEffect,
    value?: string,
  ) => {
    // Undocumented effect (spec §8.6): the configured policy decides.
    const reject =
      effect === 'row-rejected' || (effect === 'unknown' && options.undocumentedInvalid === 'reject-row');
    if (reject) rejected = true;
    problems.push({ column, problem, message, severity: reject ? 'error' : 'warning', value });
    // Kept: SecuTix truncates itself (we say so) — everything else invalid is left out.
    return effect === 'truncated';
  };

  const derived = deriveKind(contact.data);
  const dropped = new Set(columnsDroppedByOverride(contact.kindOverride, derived));
  if (contact.kindOverride === 'structure_relay' && derived !== 'structure_relay' && operation === 'INSERT')
    onProblem(
      '',
      'kind-override-unmet',
      'Structure + relay needs both a person name and OFFICIAL_NAME.',
      'row-rejected',
    );

  const refCountry = (() => {
    const c = (contact.data.COUNTRY ?? '').trim().toUpperCase();
    return isCountryCode(c) ? c : options.institutionCountry?.toUpperCase();
  })();

  values.OPERATION = operation;
  for (const f of fieldsToWrite(contact)) {
    let raw = contact.data[f.code] ?? '';
    if (f.code === 'INSTITUTION' && raw.trim() === '') raw = options.institution ?? '';
    if (f.code === 'ORGANIZATION' && raw.trim() === '') raw = options.organization ?? '';
    if (cleared.has(f.code)) {
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
    if (raw.trim() === '') continue;
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
    if (raw.trim() === CLEAR_MARKER) {
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
    const value = exportValue(f, raw, refCountry, rules, onProblem);
    if (value !== null) values[f.code] = value;
  }
  for (const p of checkRow(values)) {
    if (p.advisory)
      problems.push({ column: p.column, problem: p.problem, message: p.message, severity: 'warning' });
    else onProblem(p.column, p.problem, p.message, p.effect === 'unknown' ? p.effect : 'row-rejected');
  }
  return { values, problems, rejected };
}

const ALWAYS = ['INSTITUTION', 'ORGANIZATION'];

/** The fields a contact has a value for (or asked to clear), in table order: rows are sparse. */
function fieldsToWrite(contact: Contact): SecutixField[] {
  const out: SecutixField[] = [];
  const add = (code: string) => {
    const f = fieldByCode(code);
    if (f && f.code !== 'OPERATION' && !out.includes(f)) out.push(f);
  };
  ALWAYS.forEach(add);
  for (const code in contact.data) add(code);
  contact.cleared.forEach(add);
  return out.sort((a, b) => a.order - b.order);
}

type OnProblem = (
  column: string,
  problem: string,
  message: string,
  effect: InvalidEffect,
  value?: string,
) => boolean;

function exportValue(
  f: SecutixField,
  raw: string,
  refCountry: string | undefined,
  rules: ValueRuleOptions,
  onProblem: OnProblem,
): string | null {
  let value = normalizeValue(f, raw);
  if (f.type === 'phone') {
    const r = secutixPhone(value, refCountry);
    if ('problem' in r) {
      onProblem(f.code, r.problem, r.message, 'field-ignored', raw);
      return null;
    }
    value = r.value;
  }
  const p = checkValue(f, value, rules);
  if (!p) return value;
  return onProblem(f.code, p.problem, p.message, p.effect, raw) ? value : null;
}
