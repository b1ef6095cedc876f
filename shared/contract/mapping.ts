import type { z as _z } from 'zod';

/** RPC arguments (zod schemas) of the mapping domain: 'mapping.<verb>' names. Filled by the mapping module. */
export const mappingArgs = {} satisfies Record<string, _z.ZodType>;

/** Result types of the mapping domain's handlers, keyed like mappingArgs. */
export type MappingResults = Record<never, never>;
