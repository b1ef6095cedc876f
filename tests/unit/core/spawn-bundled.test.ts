import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parallelMinBytes } from '../../../src-main/core/import/csv-import';
import {
  BUNDLED_WORKERS_ENV,
  bundledWorkerPath,
  spawnWorker,
  startBundledWorker,
  usesBundledWorkers,
  withoutTsxLoader,
} from '../../../src-main/core/workers/spawn';

/** First message of a worker, then stops it. */
async function firstMessage(worker: Worker): Promise<unknown> {
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe('CONTACT_PREP_BUNDLED_WORKERS', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is off by default: workers and thresholds are those of the sources', () => {
    vi.stubEnv(BUNDLED_WORKERS_ENV, '');
    expect(usesBundledWorkers()).toBe(false);
    expect(parallelMinBytes()).toBe(32 * 1024 * 1024);
  });

  it('when set, the CSV import uses the threshold of the bundled product', () => {
    vi.stubEnv(BUNDLED_WORKERS_ENV, '1');
    expect(usesBundledWorkers()).toBe(true);
    expect(parallelMinBytes()).toBe(4 * 1024 * 1024);
  });

  it('names the missing bundle file and the fix', () => {
    vi.stubEnv(BUNDLED_WORKERS_ENV, '1');
    const missing = bundledWorkerPath('no-such-worker');
    expect(missing).toMatch(/dist[\\/]workers[\\/]no-such-worker\.worker\.mjs$/);
    expect(() => spawnWorker('no-such-worker')).toThrow(missing);
    expect(() => spawnWorker('no-such-worker')).toThrow(/npm run build/);
  });

  it('bundled workers do not inherit the tsx loader, other Node flags stay', () => {
    expect(
      withoutTsxLoader(['--import', 'tsx', '--expose-gc', '--import=tsx/esm', '--max-old-space-size=2048']),
    ).toEqual(['--expose-gc', '--max-old-space-size=2048']);
    expect(withoutTsxLoader(['--import', './my-hook.mjs', '--require', 'tsx/cjs'])).toEqual([
      '--import',
      './my-hook.mjs',
    ]);
  });

  describe('with a build', () => {
    beforeAll(() => {
      execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    }, 60_000);

    it('loads dist/workers/<name>.worker.mjs, resolved from the repository root', async () => {
      // A probe file in dist/workers that reports its own URL: proves which file ran.
      const name = `spawn-probe-${process.pid}`;
      const file = bundledWorkerPath(name);
      writeFileSync(
        file,
        "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage(import.meta.url);\n",
      );
      try {
        vi.stubEnv(BUNDLED_WORKERS_ENV, '1');
        expect(await firstMessage(spawnWorker(name))).toBe(pathToFileURL(file).href);
      } finally {
        rmSync(file, { force: true });
      }
    });

    it('drops the tsx loader and the flags a worker rejects (the bench runs with --expose-gc)', async () => {
      const name = `spawn-argv-probe-${process.pid}`;
      const file = bundledWorkerPath(name);
      writeFileSync(
        file,
        "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage(process.execArgv);\n",
      );
      try {
        const parent = ['--import', 'tsx', '--expose-gc', '--no-warnings', '--max-old-space-size=3000'];
        expect(await firstMessage(startBundledWorker(file, parent, {}))).toEqual(['--no-warnings']);
      } finally {
        rmSync(file, { force: true });
      }
    });

    it('runs the real bundled dedupe worker', async () => {
      vi.stubEnv(BUNDLED_WORKERS_ENV, '1');
      const worker = spawnWorker('dedupe');
      // Pairs before the table: the worker's own error reply proves its code is running.
      worker.postMessage({ type: 'pairs', seq: 7, a: new Int32Array(0), b: new Int32Array(0) });
      expect(await firstMessage(worker)).toEqual({
        seq: 7,
        error: 'dedupe worker: no record table received',
      });
    });
  });
});
