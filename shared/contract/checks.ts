import type { z as _z } from 'zod';

/** RPC arguments (zod schemas) of the checks domain: 'checks.<verb>' names. Filled by the checks module. */
export const checksArgs = {} satisfies Record<string, _z.ZodType>;

/** Result types of the checks domain's handlers, keyed like checksArgs. */
export type ChecksResults = Record<never, never>;
