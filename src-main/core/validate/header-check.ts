import type { ValidationProblem } from '../../../shared/contract/export';
import { FIELD_CODES, LEGACY_CODES, fieldByCode } from '../../../shared/secutix/fields';
import { columnLetter } from './file-rows';

type Problem = Omit<ValidationProblem, 'severity'> & { severity: 'error' | 'warning' };

/** Documented position of a code; COUNTRY/DEPARTMENT share one slot (their order differs, spec §2.2 [X]). */
function rank(code: string): number {
  const i = FIELD_CODES.indexOf(code);
  return code === 'DEPARTMENT' ? FIELD_CODES.indexOf('COUNTRY') : i;
}

/**
 * Checks row 4 (the field codes): unknown, legacy, duplicate and missing codes, and the order —
 * the documented order of spec §3.11, or exactly the customer's template row 4 when given.
 */
export function checkHeaderCodes(codes: readonly string[], templateCodes?: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const at = (i: number, code: string, message: string, severity: 'error' | 'warning', field = '') =>
    problems.push({ row: 4, column: i < 0 ? '' : columnLetter(i), field, code, message, severity });
  const seen = new Set<string>();
  const templateSet = new Set(templateCodes ?? []);
  codes.forEach((c, i) => {
    if (c === '') return;
    if (seen.has(c))
      at(i, 'duplicate-column', `Column code ${c} appears more than once in row 4.`, 'error', c);
    seen.add(c);
    if (fieldByCode(c)) return;
    if (templateSet.has(c))
      at(
        i,
        'template-column',
        `${c} is not a documented SecuTix field (kept from the template).`,
        'warning',
        c,
      );
    else if (LEGACY_CODES[c]) at(i, 'legacy-column', LEGACY_CODES[c], 'error', c);
    else at(i, 'unknown-column', `${c} is not a SecuTix field code.`, 'error', c);
  });
  if (templateCodes) {
    const n = Math.max(codes.length, templateCodes.length);
    for (let i = 0; i < n; i++)
      if ((codes[i] ?? '') !== (templateCodes[i] ?? '')) {
        at(
          i,
          'column-order',
          `Row 4 differs from the template at column ${columnLetter(i)}: "${codes[i] ?? ''}" instead of "${templateCodes[i] ?? ''}". Columns must not be moved, added or removed.`,
          'error',
        );
        break;
      }
    return problems;
  }
  let last = -1;
  let lastCode = '';
  codes.forEach((c, i) => {
    if (!fieldByCode(c)) return;
    const r = rank(c);
    if (r < last)
      at(
        i,
        'column-order',
        `${c} comes after ${lastCode}; the documented order puts it before (spec §3.11).`,
        'error',
        c,
      );
    else {
      last = r;
      lastCode = c;
    }
  });
  const missing = FIELD_CODES.filter((c) => !seen.has(c));
  if (missing.length > 0)
    at(
      -1,
      'columns-missing',
      `Documented columns absent from row 4 (SecuTix asks to keep every template column): ${missing.join(', ')}.`,
      'warning',
    );
  return problems;
}

/** Index of the row holding the codes among the first rows (1-based), or 0. */
export function findCodesRow(firstRows: readonly string[][]): number {
  for (let i = 0; i < firstRows.length; i++) {
    const known = firstRows[i]!.filter((c) => fieldByCode(c.trim())).length;
    if (known >= 2) return i + 1;
  }
  return 0;
}
