import { existsSync } from 'node:fs';
import { join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '../..');

/**
 * The test data made by others (`../shared/data` beside the checkout: FEBRL, messy CSV/XLSX,
 * postal data). Resolved from the repository so a clone anywhere (CI's fresh clone) finds it.
 */
export const SHARED_DATA =
  [join(REPO_ROOT, '../shared/data'), '/work/shared/data'].find((d) => existsSync(d)) ??
  join(REPO_ROOT, '../shared/data');

export function sharedData(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}
