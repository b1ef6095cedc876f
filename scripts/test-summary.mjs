// Prints the plain closing line CI reads ("N passed, N failed, N skipped") from vitest's JSON
// report. Exits non-zero when the report is missing (tests did not run) or shows failures.
import { existsSync, readFileSync } from 'node:fs';

const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let found = false;
for (const f of files) {
  if (!existsSync(f)) {
    console.error(`test-summary: no report at ${f}`);
    continue;
  }
  found = true;
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(found && failed === 0 ? 0 : 1);
