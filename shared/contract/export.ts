import { z } from 'zod';

/**
 * Options of a SecuTix export. Every point the spec leaves open ([I]/[X]) is an option here
 * with the default documented in docs/secutix-export.md.
 */
export const exportOptionsSchema = z.object({
  /** Output file: .xlsx or .csv (decided by the extension). */
  out: z.string().min(1),
  /** Error report (.xlsx or .csv); default `<out>-errors.<ext>` when there is anything to report. */
  report: z.string().min(1).optional(),
  /** Customer's SecuTix template (.xlsx/.csv): rows 1–4 copied verbatim, columns placed by row 4. */
  template: z.string().min(1).optional(),
  /** INSTITUTION / ORGANIZATION written on rows whose contact has none (both mandatory). */
  institution: z.string().optional(),
  organization: z.string().optional(),
  /** Institution's country: reference country for phones of contacts without COUNTRY (spec §3.6). */
  institutionCountry: z.string().length(2).optional(),
  /** Built-in template only: DEPARTMENT before COUNTRY (S1) instead of COUNTRY, DEPARTMENT (S2). */
  departmentBeforeCountry: z.boolean().default(false),
  /** CSV: write a UTF-8 BOM (so Excel reads UTF-8). */
  csvBom: z.boolean().default(true),
  /** CSV: prefix `'` to values starting with = + - @ tab CR (OWASP); XLSX never needs it. */
  csvFormulaGuard: z.boolean().default(true),
  /** What to do with an invalid value whose effect in SecuTix is undocumented (spec §8.6). */
  undocumentedInvalid: z.enum(['reject-row', 'drop-field']).default('reject-row'),
  /** Institution-specific TITLE codes accepted besides MR, MRS, MISS, MR_AND_MRS, UNDEFINED. */
  extraTitles: z.array(z.string()).default([]),
  /** Write a CONFIG row first with these default codes per column (e.g. {CRIT01: 'PREFCOL'}). */
  configCodes: z.record(z.string(), z.string()).optional(),
  /** Accept https:// in WEB_SITE (the spec only shows http://). */
  allowHttps: z.boolean().default(true),
  /** "Today" (yyyy-mm-dd) for the future-birthdate rule; tests pin it. */
  today: z.string().optional(),
});
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;
export type ExportOptions = z.output<typeof exportOptionsSchema>;

export interface ExportSummary {
  exported: number;
  rejected: number;
  warnings: number;
  /** Contacts skipped because merged or removed. */
  skipped: number;
  out: string;
  report: string | null;
  /** 'builtin' or the path of the customer's template. */
  template: string;
  /** Template codes that are not SecuTix fields: columns kept empty. */
  unknownColumns: string[];
  /** SecuTix fields missing from the template, with how many contacts had a value dropped. */
  missingColumns: { code: string; contactsWithValue: number }[];
  duplicateColumns: string[];
  notes: string[];
}

export interface ValidationProblem {
  /** 1-based row in the file (0 for file-level problems). */
  row: number;
  /** Column letter(s) (A, B, … AA) or '' for row/file problems. */
  column: string;
  /** Field code of the column, when known. */
  field: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ValidationResult {
  file: string;
  valid: boolean;
  /** Data rows (from row 5). */
  rows: number;
  errors: number;
  warnings: number;
  problems: ValidationProblem[];
  /** True when problems were cut at the limit (counts stay exact). */
  truncated: boolean;
}

export const validateOptionsSchema = z.object({
  path: z.string().min(1),
  /** Compare row 4 with this template's row 4 instead of the documented order. */
  template: z.string().min(1).optional(),
  extraTitles: z.array(z.string()).default([]),
  /** Cap on listed problems (counts stay exact). */
  maxProblems: z.number().int().positive().default(1000),
  /** Also count warnings (fields SecuTix would drop, e.g. a bad BIRTHDATE) as making the file invalid. */
  strict: z.boolean().default(false),
  today: z.string().optional(),
});
export type ValidateOptionsInput = z.input<typeof validateOptionsSchema>;

/** RPC arguments (zod schemas) of the export domain. */
export const exportArgs = {
  'export.write': exportOptionsSchema,
  'export.validate': validateOptionsSchema,
};

/** Result types of the export domain's handlers, keyed like exportArgs. */
export interface ExportResults {
  /** Starts the export job; follow job.progress / job.finished (result: ExportSummary). */
  'export.write': { jobId: string };
  'export.validate': ValidationResult;
}
