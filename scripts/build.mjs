// Bundles the Node entry points (CLI, worker threads) into dist/ with esbuild.
// npm packages stay external: better-sqlite3 is native and must be loaded from node_modules.
import { build } from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workerDir = join(root, 'src-main/core/workers');
const workers = existsSync(workerDir)
  ? readdirSync(workerDir)
      .filter((f) => f.endsWith('.worker.ts'))
      .map((f) => join(workerDir, f))
  : [];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  define: { __BUNDLED__: 'true' },
  banner: {
    // esbuild's ESM output needs require() for the few CJS interop paths.
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
};

await build({
  ...common,
  entryPoints: { 'cli/main': join(root, 'src-main/cli/bin.ts') },
  outdir: join(root, 'dist'),
  outExtension: { '.js': '.mjs' },
});
if (workers.length) {
  await build({
    ...common,
    entryPoints: workers,
    outdir: join(root, 'dist/workers'),
    outExtension: { '.js': '.mjs' },
  });
}
