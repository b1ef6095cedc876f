import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from `src-main/core/workers/<name>.worker.ts`.
 * From the dist/ bundle it loads `dist/workers/<name>.worker.mjs`; from sources (tsx, vitest)
 * it loads the .ts file through tsx, so the same code path is tested without a build.
 */
export function spawnWorker(name: string, options: WorkerOptions = {}): Worker {
  const bundled = typeof __BUNDLED__ !== 'undefined' && __BUNDLED__;
  if (bundled) {
    return new Worker(new URL(`../workers/${name}.worker.mjs`, import.meta.url), options);
  }
  return new Worker(new URL(`./${name}.worker.ts`, import.meta.url), {
    ...options,
    execArgv: [...(options.execArgv ?? []), '--import', 'tsx'],
  });
}
