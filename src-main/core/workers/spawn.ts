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
  // Node 20 refuses a .ts worker entry even with `--import tsx` in execArgv ("Unknown file
  // extension"): bootstrap through tsx's API instead, which loads the whole module tree.
  const entry = new URL(`./${name}.worker.ts`, import.meta.url).href;
  const code = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(code, { ...options, eval: true });
}
