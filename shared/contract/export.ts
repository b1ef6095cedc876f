import type { z as _z } from 'zod';

/** RPC arguments (zod schemas) of the export domain: 'export.<verb>' names. Filled by the export module. */
export const exportArgs = {} satisfies Record<string, _z.ZodType>;

/** Result types of the export domain's handlers, keyed like exportArgs. */
export type ExportResults = Record<never, never>;
