/**
 * Regenerates `resources/samples/customers-sample.csv`, the small synthetic file the README's demo
 * command runs on: `node --import tsx tests/bench/make-sample.ts`. Deterministic (fixed seed), with
 * more duplicates and dirt than the bench files so a 200-row demo shows every kind of problem.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeContactsCsv } from './generate-contacts';

export const SAMPLE_ROWS = 200;
export const SAMPLE_SEED = 4711;
export const SAMPLE_OPTIONS = { duplicateRate: 0.15, dirtRate: 0.15 };

const root = fileURLToPath(new URL('../..', import.meta.url));
const path = join(root, 'resources/samples/customers-sample.csv');
const stats = writeContactsCsv(path, SAMPLE_ROWS, SAMPLE_SEED, SAMPLE_OPTIONS);
console.log(`wrote ${path}: ${stats.rows} rows, ${stats.duplicates} near-duplicates, ${stats.bytes} bytes`);
