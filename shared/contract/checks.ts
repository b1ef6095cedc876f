import { z } from 'zod';
import type { HistoryChange } from '../domain';

/** RPC arguments (zod schemas) of the checks domain: checks, findings, fixes and quality score. */
const severity = z.enum(['error', 'warning', 'info']);
const filter = {
  code: z.string().max(100).optional(),
  field: z.string().max(100).optional(),
  severity: severity.optional(),
  contactId: z.number().int().positive().optional(),
};

export const checksArgs = {
  /** Starts the checks job over all active contacts (or the named checks); returns {jobId}. */
  'checks.run': z.object({ checks: z.array(z.string().max(50)).max(50).optional() }),
  'checks.list': z.object({}),
  'checks.lastRun': z.object({}),
  /** One page of findings with provenance; keyset paging with `afterId` (preferred) or `offset`. */
  'findings.query': z.object({
    ...filter,
    limit: z.number().int().positive().max(1000).default(100),
    afterId: z.number().int().min(0).optional(),
    offset: z.number().int().min(0).optional(),
  }),
  'findings.facets': z.object(filter),
  'findings.applyFix': z.object({ findingId: z.number().int().positive() }),
  'findings.previewFixCode': z.object({
    code: z.string().max(100),
    minConfidence: z.number().min(0).max(1).default(0),
    sampleSize: z.number().int().min(0).max(100).default(10),
  }),
  'findings.applyFixCode': z.object({
    code: z.string().max(100),
    minConfidence: z.number().min(0).max(1).default(0),
  }),
  /** Manual edit of one field; null clears it. Goes through the history like every fix. */
  'contacts.editField': z.object({
    contactId: z.number().int().positive(),
    field: z.string().min(1).max(50),
    value: z.string().max(2000).nullable(),
  }),
  'score.workspace': z.object({ fields: z.array(z.string().max(50)).max(200).optional() }),
  'score.row': z.object({ contactId: z.number().int().positive() }),
  'checks.getSettings': z.object({}),
  /** Default phone region and stale-data rules; validated by the core (AppError on bad rules). */
  'checks.setSettings': z.object({
    defaultCountry: z.string().min(2).max(3).optional(),
    staleRules: z
      .array(
        z.object({
          column: z.string().max(200).optional(),
          field: z.string().max(50).optional(),
          olderThanYears: z.number().positive().max(200).optional(),
          inactiveValues: z.array(z.string().max(100)).max(50).optional(),
        }),
      )
      .max(10)
      .optional(),
  }),
};

export interface StaleRuleData {
  column?: string;
  field?: string;
  olderThanYears?: number;
  inactiveValues?: string[];
}

export interface ChecksSettingsData {
  defaultCountry: string;
  staleRules: StaleRuleData[];
}

export type Severity = z.infer<typeof severity>;

/**
 * One problem found on one contact field. `messageKey` + `params` are for i18n; `message` is the
 * English rendering (CLI, reports). `suggestion` maps field codes to proposed values (null clears).
 */
export interface Finding {
  rowId: number;
  field: string;
  code: string;
  severity: Severity;
  messageKey: string;
  params: Record<string, string | number>;
  message: string;
  suggestion?: Record<string, string | null>;
  /** 0..1: how sure the suggestion is right; bulk apply can require a minimum. */
  confidence: number;
}

/** A stored finding with its id and the provenance of its contact's source row. */
export interface FindingRow extends Finding {
  id: number;
  sourceFile: string | null;
  sheet: string | null;
  rowNumber: number | null;
}

export interface FindingFacetsResult {
  total: number;
  byCode: Array<{ code: string; severity: Severity; count: number; fixable: number }>;
  byField: Array<{ field: string; count: number }>;
  bySeverity: Array<{ severity: Severity; count: number }>;
}

export interface ChecksRunSummary {
  rows: number;
  findings: number;
  seconds: number;
  checks: string[];
  at: string;
}

export interface FixResult {
  opId: number | null;
  changed: number;
  contactIds: number[];
}

/** Result types of the checks domain's handlers, keyed like checksArgs. */
export interface ChecksResults {
  'checks.run': { jobId: string };
  'checks.list': Array<{ name: string; codes: string[] }>;
  'checks.lastRun': ChecksRunSummary | null;
  'findings.query': FindingRow[];
  'findings.facets': FindingFacetsResult;
  'findings.applyFix': FixResult;
  'findings.previewFixCode': {
    code: string;
    findings: number;
    rows: number;
    fields: number;
    sample: HistoryChange[];
  };
  'findings.applyFixCode': FixResult;
  'contacts.editField': FixResult;
  'score.workspace': {
    rows: number;
    cleanRows: number;
    score: number;
    completeness: Array<{ field: string; filled: number; share: number }>;
  };
  'score.row': { contactId: number; errors: number; warnings: number; infos: number; clean: boolean };
  'checks.getSettings': ChecksSettingsData;
  'checks.setSettings': ChecksSettingsData;
}
