/**
 * Child-process entry of `ensureBenchFile`: `generate-file.ts <path> <rows> <csv|xlsx> <seed>`.
 * Kept apart so generating a 1M-row file never inflates the heap of the bench that measures it.
 */
import { writeBenchFile, type BenchFileFormat } from './generate-contacts';

const [path, rows, format, seed] = process.argv.slice(2);
if (!path || !rows || (format !== 'csv' && format !== 'xlsx') || !seed) {
  console.error('usage: generate-file.ts <path> <rows> <csv|xlsx> <seed>');
  process.exit(1);
}
await writeBenchFile(path, Number(rows), format as BenchFileFormat, Number(seed));
