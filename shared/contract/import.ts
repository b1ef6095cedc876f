import { z } from 'zod';

/** How to read a file; every field is optional (detected when absent). */
export const importOptionsSchema = z.object({
  /** XLSX: name of the sheet to import (default: first non-empty visible worksheet). */
  sheet: z.string().min(1).optional(),
  /** XLSX: import every non-empty visible worksheet, one source per sheet. */
  allSheets: z.boolean().optional(),
  /** CSV: text encoding (utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, iso-8859-15…). */
  encoding: z.string().min(1).optional(),
  /** CSV: one of `,` `;` tab `|` (or any single character). */
  delimiter: z.string().length(1).optional(),
  /** 1-based row (physical line for CSV) holding the column names; 0 = the file has no header row. */
  headerRow: z.number().int().min(0).optional(),
  role: z.enum(['input', 'reference']).optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** A problem found while reading; the row is still kept (flagged) unless the code says skipped. */
export interface ImportWarning {
  /** 1-based row (XLSX) or physical line (CSV) in the file; null for file-level warnings. */
  row: number | null;
  column?: string;
  code: string;
  message: string;
}

export interface ImportedSource {
  id: number;
  fileName: string;
  sheet: string | null;
  rows: number;
  columns: string[];
  encoding: string | null;
  delimiter: string | null;
  headerRow: number;
  warnings: ImportWarning[];
}

export interface ImportSummary {
  sources: ImportedSource[];
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  state: SheetState;
  /** Chart sheets hold no cells and cannot be imported. */
  kind: 'worksheet' | 'chartsheet';
}

/** What the UI shows before importing: detected settings and the first rows as they will be read. */
export interface FilePreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  quoteChar: string | null;
  sheet: string | null;
  sheets: SheetInfo[];
  headerRow: number;
  columns: string[];
  rows: Array<{ rowNumber: number; cells: string[]; flags: string[] }>;
  warnings: ImportWarning[];
}

export interface SourceSummary {
  id: number;
  fileName: string;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  rows: number;
  columns: string[];
  encoding: string | null;
  delimiter: string | null;
  role: 'input' | 'reference';
  importedAt: string;
}

export const importArgs = {
  'import.preview': z.object({
    path: z.string().min(1),
    options: importOptionsSchema.default({}),
    limit: z.number().int().positive().max(1000).default(50),
  }),
  'import.start': z.object({ path: z.string().min(1), options: importOptionsSchema.default({}) }),
  'import.sources': z.object({}),
};

export interface ImportResults {
  'import.preview': FilePreview;
  /** The job's result (ImportSummary) arrives with the job.finished event. */
  'import.start': { jobId: string };
  'import.sources': SourceSummary[];
}
