/** A record as read, before it is stored: where it starts in the file and its cells. */
export interface RawRecord {
  rowNumber: number;
  cells: string[];
}

/** Field codes SecuTix puts on row 4 of its template (rows 1–3 are titles and descriptions). */
const SECUTIX_CODES = new Set([
  'INSTITUTION',
  'ORGANIZATION',
  'OPERATION',
  'CONTACT_NR',
  'TITLE',
  'FIRSTNAME',
  'LASTNAME',
  'EMAIL',
  'ZIPCODE',
  'TOWN',
  'COUNTRY',
  'STREET1',
  'LANGUAGE',
  'BIRTHDATE',
  'COMPANY',
]);

function nonEmptyCount(cells: string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() !== '') n++;
  return n;
}

/**
 * Guesses the header row among the first records: a row of SecuTix field codes if there is one,
 * otherwise the first row filled at least 60% as much as the fullest row of the sample (so a
 * title or note above the table is passed over). Returns 0 for an empty sample.
 */
export function detectHeaderRow(sample: RawRecord[]): number {
  const head = sample.slice(0, 30);
  for (const r of head.slice(0, 10)) {
    let codes = 0;
    for (const c of r.cells) if (SECUTIX_CODES.has(c.trim())) codes++;
    if (codes >= 3) return r.rowNumber;
  }
  let widest = 0;
  for (const r of head) widest = Math.max(widest, nonEmptyCount(r.cells));
  if (widest === 0) return head[0]?.rowNumber ?? 0;
  const threshold = Math.max(1, Math.ceil(widest * 0.6));
  for (const r of head) if (nonEmptyCount(r.cells) >= threshold) return r.rowNumber;
  return head[0]!.rowNumber;
}

/**
 * Column names from the header cells: trimmed, empty ones named `Column_<n>` (1-based position),
 * duplicates suffixed `_2`, `_3`… (`Email`, `Email_2`). Names compare case-insensitively so a
 * later mapping by name is unambiguous.
 */
export function uniqueColumnNames(header: string[]): string[] {
  const used = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < header.length; i++) {
    const base = header[i]!.replace(/\s+/g, ' ').trim() || `Column_${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    used.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** Names for cells beyond the header width (`_extra_1`, …), so no cell is left without a column. */
export function extraColumnName(n: number): string {
  return `_extra_${n}`;
}
