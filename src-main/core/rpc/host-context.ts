import type { Handlers } from '../../../shared/contract/handlers';
import type { Workspace } from '../db/workspace';
import type { JobManager } from '../jobs/job-runner';

/** What every host (web, Electron worker, tests) gives the handlers: one open workspace and its jobs. */
export interface HostContext {
  ws: Workspace;
  jobs: JobManager;
}

/** A domain's handler factory: returns the part of the contract it implements. */
export type HandlerFactory = (host: HostContext) => Partial<Handlers>;
