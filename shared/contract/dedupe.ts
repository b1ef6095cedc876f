import type { z as _z } from 'zod';
import { detectArgs, type DetectResults } from './dedupe-detect';
import { mergeArgs, type MergeResults } from './merge';

/** RPC arguments (zod schemas) of the dedupe domain: 'dedupe.<verb>' names. Filled by the dedupe module. */
export const dedupeArgs = {
  // detection, thresholds, groups and decisions (shared/contract/dedupe-detect.ts)
  ...detectArgs,
  // merge, existing-contact match and search (shared/contract/merge.ts)
  ...mergeArgs,
} satisfies Record<string, _z.ZodType>;

/** Result types of the dedupe domain's handlers, keyed like dedupeArgs. */
export type DedupeResults = MergeResults & DetectResults;
