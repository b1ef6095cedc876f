import type { z } from 'zod';
import { importArgs, type ImportResults } from './import';
import { mappingArgs, type MappingResults } from './mapping';
import { exportArgs, type ExportResults } from './export';
import { checksArgs, type ChecksResults } from './checks';
import { dedupeArgs, type DedupeResults } from './dedupe';
import { historyArgs, type HistoryResults } from './history';
import { jobsArgs, type JobsResults } from './jobs';

/**
 * The typed RPC contract between UI and engine. Each domain declares its part in
 * `shared/contract/<domain>.ts`: a map of zod schemas for the arguments (`<domain>Args`, validated
 * by the dispatcher because the renderer is untrusted) and an interface of result types.
 * Add a domain by spreading its args here and adding its results to `Results`.
 */
export const handlerArgs = {
  ...jobsArgs,
  ...historyArgs,
  ...importArgs,
  ...mappingArgs,
  ...exportArgs,
  ...checksArgs,
  ...dedupeArgs,
};

export type HandlerName = keyof typeof handlerArgs;

type Results = JobsResults &
  HistoryResults &
  ImportResults &
  MappingResults &
  ExportResults &
  ChecksResults &
  DedupeResults;

export type HandlerArgs<K extends HandlerName> = z.input<(typeof handlerArgs)[K]>;
export type HandlerResult<K extends HandlerName> = K extends keyof Results ? Results[K] : never;

/** What the UI calls: `send(name, args)` → Promise of the result. Hosts implement this map. */
export type Handlers = {
  [K in HandlerName]: (args: z.output<(typeof handlerArgs)[K]>) => Promise<HandlerResult<K>>;
};
