import type { z as _z } from 'zod';

/** RPC arguments (zod schemas) of the import domain: 'import.<verb>' names. Filled by the import module. */
export const importArgs = {} satisfies Record<string, _z.ZodType>;

/** Result types of the import domain's handlers, keyed like importArgs. */
export type ImportResults = Record<never, never>;
