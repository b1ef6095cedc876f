import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Set to `1` to run workers from the esbuild bundle (`dist/workers/`) even when running from sources. */
export const BUNDLED_WORKERS_ENV = 'CONTACT_PREP_BUNDLED_WORKERS';

/** True inside the dist/ bundle itself (esbuild defines `__BUNDLED__`). */
function isBundle(): boolean {
  return typeof __BUNDLED__ !== 'undefined' && __BUNDLED__;
}

/**
 * Whether worker threads start from the bundle: always inside dist/, and from sources when
 * CONTACT_PREP_BUNDLED_WORKERS=1. The bench sets it so it measures workers as users run them
 * (a worker started through tsx compiles its TypeScript first: 0.3 to 1 s); tests leave it
 * unset so they exercise the sources without a build. Settings tuned to worker start-up cost
 * (e.g. the CSV import's parallel threshold) follow this too.
 */
export function usesBundledWorkers(): boolean {
  return isBundle() || process.env[BUNDLED_WORKERS_ENV] === '1';
}

/**
 * `dist/workers/<name>.worker.mjs` as seen from the sources: this file is
 * `src-main/core/workers/spawn.ts`, so the repository root is three levels up.
 */
export function bundledWorkerPath(name: string): string {
  return fileURLToPath(new URL(`../../../dist/workers/${name}.worker.mjs`, import.meta.url));
}

/**
 * The parent's Node flags minus tsx's loader: a worker inherits `--import tsx` by default, and
 * registering the loader costs it ~70 ms of start-up that the bundle (run by plain node in the
 * product) neither needs nor pays.
 */
export function withoutTsxLoader(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (
      (arg === '--import' || arg === '--require' || arg === '--loader') &&
      /^tsx(\/|$)/.test(execArgv[i + 1] ?? '')
    ) {
      i++;
      continue;
    }
    if (/^--(import|require|loader)=tsx(\/|$)/.test(arg)) continue;
    out.push(arg);
  }
  return out;
}

/**
 * Starts a bundled worker with the parent's Node flags minus tsx's loader. Flags given
 * explicitly are validated (inherited ones are not): V8 and process-wide flags such as
 * `--expose-gc` make the Worker constructor throw, so those it names are dropped, as they are
 * when inherited.
 */
export function startBundledWorker(
  file: string,
  parentExecArgv: readonly string[],
  options: WorkerOptions,
): Worker {
  if (options.execArgv) return new Worker(file, options);
  const execArgv = withoutTsxLoader(parentExecArgv);
  try {
    return new Worker(file, { ...options, execArgv });
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    const message = (e as Error).message;
    return new Worker(file, { ...options, execArgv: execArgv.filter((flag) => !message.includes(flag)) });
  }
}

/**
 * Starts a worker thread from `src-main/core/workers/<name>.worker.ts`.
 * From the dist/ bundle it loads `dist/workers/<name>.worker.mjs`; from sources (tsx, vitest)
 * it loads the .ts file through tsx, so the same code path is tested without a build, unless
 * CONTACT_PREP_BUNDLED_WORKERS=1 asks for the built bundle (see `usesBundledWorkers`).
 */
export function spawnWorker(name: string, options: WorkerOptions = {}): Worker {
  if (isBundle()) {
    return new Worker(new URL(`../workers/${name}.worker.mjs`, import.meta.url), options);
  }
  if (process.env[BUNDLED_WORKERS_ENV] === '1') {
    const file = bundledWorkerPath(name);
    if (!existsSync(file)) {
      throw new Error(
        `${BUNDLED_WORKERS_ENV}=1 but the bundled worker ${file} does not exist: run \`npm run build\` first ` +
          `(or unset ${BUNDLED_WORKERS_ENV} to run the worker from sources)`,
      );
    }
    return startBundledWorker(file, process.execArgv, options);
  }
  // Node 20 refuses a .ts worker entry even with `--import tsx` in execArgv ("Unknown file
  // extension"): bootstrap through tsx's API instead, which loads the whole module tree.
  const entry = new URL(`./${name}.worker.ts`, import.meta.url).href;
  const code = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(code, { ...options, eval: true });
}
