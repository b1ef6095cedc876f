import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import {
  validateOptionsSchema,
  type ValidateOptionsInput,
  type ValidationProblem,
  type ValidationResult,
} from '../../../shared/contract/export';
import { isCountryCode } from '../../../shared/reference/countries';
import { fieldByCode, type InvalidEffect } from '../../../shared/secutix/fields';
import { checkRow } from '../../../shared/secutix/row-rules';
import { CLEAR_MARKER, checkValue, type ValueRuleOptions } from '../../../shared/secutix/value-rules';
import { loadTemplate } from '../export/template';
import { columnLetter, fileFormatOf, readFileRows, type FileRow } from './file-rows';
import { checkHeaderCodes, findCodesRow } from './header-check';

/** Undocumented effects count as errors: the validator must not call a file safe on a guess. */
const severityOf = (effect: InvalidEffect): 'error' | 'warning' =>
  effect === 'row-rejected' || effect === 'unknown' ? 'error' : 'warning';

const PHONE_FIELDS = ['TELEPHONE', 'FAX', 'CELLPHONE'];

/**
 * Validates any file claiming the SecuTix Extended format (ours, hand-made, another tool's):
 * header rows, row-4 codes and order, then every data cell against the field model. Streams the
 * file; `valid` is false when any problem would make SecuTix reject the file or a row.
 */
export async function validateSecutixFile(input: ValidateOptionsInput): Promise<ValidationResult> {
  const options = validateOptionsSchema.parse(input);
  const format = fileFormatOf(options.path);
  const templateCodes = options.template ? (await loadTemplate(options.template)).codes : undefined;
  const problems: ValidationProblem[] = [];
  let errors = 0;
  let warnings = 0;
  const add = (p: ValidationProblem) => {
    if (p.severity === 'error') errors++;
    else warnings++;
    if (problems.length < options.maxProblems) problems.push(p);
  };
  const rules: ValueRuleOptions = {
    today: options.today ? new Date(`${options.today}T00:00:00Z`) : new Date(),
    extraTitles: options.extraTitles,
    configuredColumns: new Set<string>(),
  };
  const configured = rules.configuredColumns as Set<string>;
  const contactNumbers = new Set<string>();
  const head: FileRow[] = [];
  let codes: string[] | null = null;
  let dataRows = 0;

  const checkDataRow = (row: FileRow) => {
    if (row.cells.every((c) => c.trim() === '')) return;
    dataRows++;
    const values: Record<string, string> = {};
    codes!.forEach((code, i) => {
      if (fieldByCode(code) && values[code] === undefined) values[code] = row.cells[i] ?? '';
    });
    const at = (
      i: number,
      code: string,
      message: string,
      severity: 'error' | 'warning',
      field = codes![i] ?? '',
    ) => add({ row: row.number, column: i < 0 ? '' : columnLetter(i), field, code, message, severity });
    for (const i of row.formulas)
      at(i, 'formula', 'This cell holds a spreadsheet formula; SecuTix expects plain values.', 'error');
    for (const i of row.numeric)
      if (fieldByCode(codes![i] ?? '')?.textCell)
        at(
          i,
          'numeric-cell',
          'Stored as a number or date: leading zeros or the format may be lost. Store it as text.',
          'warning',
        );
    if (values.OPERATION?.trim() === 'CONFIG') {
      codes!.forEach((code, i) => {
        if (fieldByCode(code)?.type === 'codevalue' && (row.cells[i] ?? '').trim() !== '')
          configured.add(code);
      });
    } else {
      codes!.forEach((code, i) => {
        const f = fieldByCode(code);
        const value = row.cells[i] ?? '';
        if (!f || value === '' || value === CLEAR_MARKER) return;
        if (value !== value.trim()) at(i, 'whitespace', `${code} has leading or trailing spaces.`, 'warning');
        if (value.includes('\uFFFD'))
          at(i, 'encoding', `${code} holds bytes that are not UTF-8: save the CSV as UTF-8.`, 'error');
        if (format === 'csv' && /^[=@\t\r]/.test(value))
          at(
            i,
            'formula-like',
            `${code} starts with "${value[0]}": a spreadsheet may run it as a formula.`,
            'warning',
          );
        const p = checkValue(f, value.trim(), rules);
        if (p) at(i, p.problem, p.message, severityOf(p.effect));
      });
      checkPhonePrefixes(values, (code, message) =>
        at(codes!.indexOf(code), 'phone-prefix-ignored', message, 'warning'),
      );
      const nr = values.CONTACT_NR?.trim();
      if (nr) {
        if (contactNumbers.has(nr))
          at(
            codes!.indexOf('CONTACT_NR'),
            'duplicate-contact-nr',
            `CONTACT_NR ${nr} appears more than once.`,
            'error',
          );
        contactNumbers.add(nr);
      }
    }
    for (const p of checkRow(values)) {
      const i = p.column ? codes!.indexOf(p.column) : -1;
      at(i, p.problem, p.message, p.advisory ? 'warning' : severityOf(p.effect), p.column);
    }
  };

  for await (const row of readFileRows(options.path)) {
    if (codes) {
      checkDataRow(row);
      continue;
    }
    // XLSX readers skip empty rows: positions come from row numbers, not from the count read.
    head.push(row);
    if (row.number < 6) continue;
    codes = startData(head, templateCodes, add);
    if (!codes) break;
    for (const r of head) if (r.number > 4) checkDataRow(r);
  }
  if (!codes && (head.at(-1)?.number ?? 0) < 6) {
    codes = startData(head, templateCodes, add);
    if (codes) for (const r of head) if (r.number > 4) checkDataRow(r);
  }
  return {
    file: options.path,
    valid: errors === 0 && (!options.strict || warnings === 0),
    rows: dataRows,
    errors,
    warnings,
    problems,
    truncated: problems.length < errors + warnings,
  };
}

/** Checks rows 1–4 once the first rows are read; returns the codes, or null when unusable. */
function startData(
  head: FileRow[],
  templateCodes: readonly string[] | undefined,
  add: (p: ValidationProblem) => void,
): string[] | null {
  const found = findCodesRow(head.map((r) => r.cells));
  const codesRow = found === 0 ? 0 : head[found - 1]!.number;
  if (codesRow === 0) {
    add({
      row: 4,
      column: '',
      field: '',
      code: 'no-codes-row',
      message: 'Row 4 holds no SecuTix field codes (INSTITUTION, OPERATION, …).',
      severity: 'error',
    });
    return null;
  }
  if (codesRow !== 4) {
    add({
      row: codesRow,
      column: '',
      field: '',
      code: 'header-rows',
      message: `The field codes are on row ${codesRow}; SecuTix expects the 4 template rows with the codes on row 4 and data from row 5.`,
      severity: 'error',
    });
    return null;
  }
  const codes = head[found - 1]!.cells.map((c) => c.trim());
  while (codes.length > 0 && codes[codes.length - 1] === '') codes.pop();
  for (const p of checkHeaderCodes(codes, templateCodes)) add(p);
  for (const r of head.filter((x) => x.number <= 4))
    for (const i of r.formulas)
      add({
        row: r.number,
        column: columnLetter(i),
        field: '',
        code: 'formula',
        message: 'Header cell holds a formula.',
        severity: 'error',
      });
  return codes;
}

/** Spec §3.6: a +CC / 00CC prefix is ignored when the address is in another country. */
function checkPhonePrefixes(
  values: Record<string, string>,
  warn: (code: string, message: string) => void,
): void {
  const country = values.COUNTRY?.trim();
  if (!country || !isCountryCode(country)) return;
  const own = getCountryCallingCode(country as CountryCode);
  for (const code of PHONE_FIELDS) {
    const m = /^\s*(?:\+|00)\s*(\d{1,3})/.exec(values[code] ?? '');
    if (m && !m[1]!.startsWith(own))
      warn(
        code,
        `${code} starts with an international prefix but COUNTRY is ${country}: SecuTix ignores the prefix. Write (CC) instead, e.g. (41)0216132111.`,
      );
  }
}
