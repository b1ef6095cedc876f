import type { z as _z } from 'zod';

/** RPC arguments (zod schemas) of the dedupe domain: 'dedupe.<verb>' names. Filled by the dedupe module. */
export const dedupeArgs = {} satisfies Record<string, _z.ZodType>;

/** Result types of the dedupe domain's handlers, keyed like dedupeArgs. */
export type DedupeResults = Record<never, never>;
