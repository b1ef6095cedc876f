import { deriveKind, kindLetters } from './contact-kind';
import type { ContactKind } from '../domain';
import {
  PERSON_NAME_CODES,
  SECUTIX_FIELDS,
  STRUCTURE_NAME_CODE,
  fieldByCode,
  type InvalidEffect,
  type KindLetter,
  type SecutixField,
} from './fields';
import { CLEAR_MARKER } from './value-rules';

/**
 * Rules that look at a whole row of the Extended format (spec §1.2, §2.4, §3.2, §3.5), on the
 * values as they are (or will be) written, keyed by column code. Shared by export and validator.
 */
export interface RowProblem {
  /** Column code the problem is about ('' for the whole row). */
  column: string;
  problem: string;
  message: string;
  effect: InvalidEffect;
  /** True for notes that never make SecuTix reject anything (always warnings). */
  advisory?: boolean;
}

const REQUIRES_CONTACT_NR = new Set(['UPDATE', 'UPDATEACT', 'INVALIDATE', 'DELETE', 'ANONYMIZE', 'DROP']);
const CLEAR_OPERATIONS = new Set(['UPDATE', 'UPDATEACT']);

/** Characters (not UTF-16 units) of TOWN + TOWN_COMPLEMENT; units bound characters from above. */
function townLength(town: string, complement: string): number {
  const units = town.length + complement.length;
  return units < 100 ? units : [...town].length + [...complement].length;
}

const LETTER_BIT: Record<KindLetter, number> = { I: 1, S: 2, R: 4 };
const lettersMask = (letters: readonly KindLetter[]) => letters.reduce((m, k) => m | LETTER_BIT[k], 0);
/** Per field order: its appliesTo letters as bits (one AND per cell instead of two list scans). */
const APPLIES_MASK = SECUTIX_FIELDS.map((f) => lettersMask(f.appliesTo));
const MANDATORY = ['INSTITUTION', 'ORGANIZATION'];

/** A row's values as the rules read them: by column code, and the known fields in column order. */
export interface RowValues {
  get(code: string): string | undefined;
  /** get(field.code), for a field of `fields` (a representation may index by field). */
  getField(field: SecutixField): string | undefined;
  /** The row's SecuTix fields in the order the row holds them (unknown codes left out). */
  readonly fields: readonly SecutixField[];
}

export function checkRow(row: Readonly<Record<string, string | undefined>>): RowProblem[] {
  const fields: SecutixField[] = [];
  for (const code in row) {
    const f = fieldByCode(code);
    if (f) fields.push(f);
  }
  return checkRowValues({ get: (code) => row[code], getField: (f) => row[f.code], fields });
}

/** deriveKind on the name columns only (all it reads). */
function kindOf(row: RowValues): ContactKind | null {
  const names: Record<string, string> = {};
  for (const code of KIND_CODES) {
    const v = row.get(code);
    if (v !== undefined) names[code] = v;
  }
  return deriveKind(names);
}
const KIND_CODES = [...PERSON_NAME_CODES, STRUCTURE_NAME_CODE];

/** checkRow on any row representation (the export passes its field-indexed rows). */
export function checkRowValues(row: RowValues): RowProblem[] {
  const problems: RowProblem[] = [];
  const v = (code: string) => (row.get(code) ?? '').trim();
  const operation = v('OPERATION');
  if (operation === '')
    problems.push({
      column: 'OPERATION',
      problem: 'operation-empty',
      message:
        'OPERATION is empty: read as INSERT by the newest rules (S1), mandatory in S2. Write it explicitly.',
      effect: 'unknown',
      advisory: true,
    });
  for (const code of MANDATORY)
    if (v(code) === '')
      problems.push({
        column: code,
        problem: 'mandatory-missing',
        message: `${code} is mandatory on every row.`,
        effect: 'unknown',
      });
  if (operation === 'CONFIG') return problems;

  const op = operation || 'INSERT';
  const kind = kindOf(row);
  if (op === 'INSERT' && kind === null)
    problems.push({
      column: '',
      problem: 'no-name',
      message: 'A creation row needs FIRSTNAME, LASTNAME or OFFICIAL_NAME (spec §1.2).',
      effect: 'row-rejected',
    });
  if (REQUIRES_CONTACT_NR.has(op) && v('CONTACT_NR') === '')
    problems.push({
      column: 'CONTACT_NR',
      problem: 'contact-nr-missing',
      message: `CONTACT_NR is mandatory for ${op} rows: SecuTix matches them on it.`,
      effect: 'row-rejected',
    });
  const town =
    row.get('TOWN') || row.get('TOWN_COMPLEMENT') ? townLength(v('TOWN'), v('TOWN_COMPLEMENT')) : 0;
  if (town >= 100)
    problems.push({
      column: 'TOWN',
      problem: 'town-too-long',
      message: `TOWN + TOWN_COMPLEMENT are ${town} characters; they must stay under 100.`,
      effect: 'unknown',
    });
  const letters = kind ? lettersMask(kindLetters(kind)) : 0;
  for (const f of row.fields) {
    const value = (row.getField(f) ?? '').trim();
    if (value === '') continue;
    if (value === CLEAR_MARKER && !CLEAR_OPERATIONS.has(op))
      problems.push({
        column: f.code,
        problem: 'clear-marker-ignored',
        message: `"=" clears a value only on UPDATE rows; on ${op} it has no meaning.`,
        effect: 'unknown',
        advisory: true,
      });
    else if (op === 'INSERT' && letters !== 0 && (APPLIES_MASK[f.order]! & letters) === 0)
      problems.push({
        column: f.code,
        problem: 'not-applicable',
        message: `${f.code} does not apply to a ${kind === 'structure' ? 'structure' : 'individual'} row.`,
        effect: 'unknown',
        advisory: true,
      });
  }
  return problems;
}
