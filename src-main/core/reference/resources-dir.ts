import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the shipped `resources/` folder: $CONTACTPREP_RESOURCES when set (the Electron shell
 * points it at process.resourcesPath), else the nearest ancestor of this module that has
 * `resources/postal` — which works from sources (src-main/core/reference) and from dist bundles.
 */
export function findResourcesDir(start = dirname(fileURLToPath(import.meta.url))): string {
  const fromEnv = process.env.CONTACTPREP_RESOURCES;
  if (fromEnv) return fromEnv;
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'resources', 'postal'))) return join(dir, 'resources');
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`resources/postal not found above ${start}`);
    dir = parent;
  }
}
