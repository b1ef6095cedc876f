import { z } from 'zod';
import type { ContactData, HistoryChange, Operation } from '../domain';

/**
 * RPC part of merge, existing-contact match and search (issue 6), spread into the dedupe
 * domain by shared/contract/dedupe.ts. The types here are also the core's own result types
 * (src-main/core/dedupe/{survivorship,merge,reference-match,search}.ts re-export them).
 */

/** Survivorship rule of one field or group (`ADDRESS`, `EMAILS`, `PHONES`); see survivorship-rules.ts. */
export const survivorshipRuleSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('mostRecentSource') }),
  z.object({ rule: z.literal('mostComplete') }),
  z.object({ rule: z.literal('preferredSource'), sourceId: z.number().int().positive() }),
  z.object({ rule: z.literal('lowestContactNr') }),
]);
export type SurvivorshipRule = z.infer<typeof survivorshipRuleSchema>;
export type RuleSet = Record<string, SurvivorshipRule>;

/** A user's choice for one field of one merge: a member's value or a typed value (null clears). */
export const userPickSchema = z.union([
  z.object({ contactId: z.number().int().positive() }),
  z.object({ value: z.string().max(2000).nullable() }),
]);
export type UserPick = z.infer<typeof userPickSchema>;

const fieldKey = z.string().regex(/^[A-Z0-9_]+$/);

/** Where a surviving or lost value came from. `contactId` null = typed by the user. */
export interface ValueOrigin {
  contactId: number | null;
  sourceId: number | null;
  fileName: string | null;
  rowNumber: number | null;
  /** The field of that contact it was read from (EMAIL1 of B may become EMAIL2). */
  field: string | null;
}

/** One field of the merged contact, with its provenance and the rule that chose it. */
export interface SurvivingValue {
  field: string;
  value: string | null;
  rule: string;
  origin: ValueOrigin;
}

/** A value moved to a second SecuTix field (EMAIL2, CELLPHONE) or lost (still in source layer and history). */
export interface MergeConflict {
  field: string;
  value: string;
  origin: ValueOrigin;
  resolution: 'moved' | 'lost';
  movedTo: string | null;
  reason: string;
}

export interface SkippedMember {
  contactId: number;
  reason: string;
}

export interface MergeOutcome {
  survivorId: number;
  memberIds: number[];
  data: ContactData;
  operation: Operation;
  values: SurvivingValue[];
  conflicts: MergeConflict[];
  clusterId: number | null;
  skipped: SkippedMember[];
  changes: HistoryChange[];
  opId: number | null;
  applied: boolean;
}

export interface BulkMergeResult {
  clusters: number;
  merged: number;
  contactsMerged: number;
  moved: number;
  lost: number;
  skippedClusters: Array<{ clusterId: number; reason: string; skipped: SkippedMember[] }>;
  opId: number | null;
  applied: boolean;
}

export interface MatchExplanation {
  field: string;
  evidence: 'exact' | 'similar' | 'different' | 'missing';
  points: number;
}

export interface ContactMatch {
  contactId: number;
  referenceId: number;
  contactNr: string | null;
  band: 'sure' | 'review' | 'collision';
  score: number;
  reason: string;
  explanation: MatchExplanation[];
}

export interface MatchRunResult {
  scanned: number;
  references: number;
  sure: number;
  review: number;
  collisions: number;
  alreadyUpdates: number;
  matches: ContactMatch[];
  opId: number | null;
  applied: boolean;
}

export interface ReferenceLoadSummary {
  sourceId: number;
  fileName: string;
  contacts: number;
  withoutNumber: number;
  duplicateNumbers: string[];
  ignoredColumns: string[];
}

export interface SearchHit {
  contactId: number;
  score: number;
  name: string;
  email: string;
  town: string;
  contactNr: string;
}

export const mergeArgs = {
  /** Merges one duplicate group (`clusterId`) or given contacts; `dryRun` = preview only. */
  'dedupe.merge': z
    .object({
      clusterId: z.number().int().positive().optional(),
      contactIds: z.array(z.number().int().positive()).min(2).max(1000).optional(),
      rules: z.record(fieldKey, survivorshipRuleSchema).default({}),
      picks: z.record(fieldKey, userPickSchema).default({}),
      dryRun: z.boolean().default(false),
    })
    .refine((a) => (a.clusterId === undefined) !== (a.contactIds === undefined), {
      message: 'give exactly one of clusterId or contactIds',
    }),
  /** Auto-merges every sure group as ONE history operation; a job (result: BulkMergeResult). */
  'dedupe.mergeAllSure': z.object({
    rules: z.record(fieldKey, survivorshipRuleSchema).default({}),
    dryRun: z.boolean().default(false),
  }),
  /** Loads a SecuTix export (optional) and matches contacts against existing ones; a job (result: {loads, ...MatchRunResult}). */
  'dedupe.matchExisting': z.object({
    referencePath: z.string().min(1).optional(),
    headerRow: z.number().int().min(1).default(4),
    sheet: z.string().min(1).optional(),
    dryRun: z.boolean().default(false),
  }),
  /** Stored results of the last match run (review screen). */
  'dedupe.matches': z.object({
    band: z.enum(['sure', 'review', 'collision']).optional(),
    limit: z.number().int().positive().max(10_000).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  /** A reviewer accepts one match: the contact becomes an UPDATE of that existing contact. */
  'dedupe.acceptMatch': z.object({
    contactId: z.number().int().positive(),
    referenceId: z.number().int().positive(),
  }),
  /** "Find a contact": name, email, town (typo tolerant) or exact CONTACT_NR. */
  'contacts.search': z.object({
    query: z.string().max(200),
    limit: z.number().int().positive().max(500).default(20),
  }),
};

export interface MergeResults {
  'dedupe.merge': MergeOutcome;
  'dedupe.mergeAllSure': { jobId: string };
  'dedupe.matchExisting': { jobId: string };
  'dedupe.matches': { total: number; matches: ContactMatch[] };
  'dedupe.acceptMatch': { opId: number | null };
  'contacts.search': SearchHit[];
}
