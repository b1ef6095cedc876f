#!/usr/bin/env node
// Entry of the `contact-prep` command. Runs the bundle built by `npm ci` (prepare script);
// in a source checkout without a build it falls back to the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.mjs', import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src-main/cli/bin.ts', import.meta.url).href);
}
