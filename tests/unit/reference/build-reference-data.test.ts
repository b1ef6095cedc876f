import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../helpers/shared-data';

const ROOT = join(import.meta.dirname, '../../..');
const POSTAL = sharedData('postal');

describe('scripts/build-reference-data.mjs', () => {
  const out = mkdtempSync(join(tmpdir(), 'cprep-ref-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('rebuilds the shipped postal files byte for byte from the open-data copies', () => {
    execFileSync(
      process.execPath,
      [join(ROOT, 'scripts/build-reference-data.mjs'), '--postal', POSTAL, '--out', out],
      {
        stdio: 'pipe',
      },
    );
    const shipped = readdirSync(join(ROOT, 'resources/postal')).sort();
    expect(readdirSync(join(out, 'postal')).sort()).toEqual(shipped);
    for (const f of shipped)
      expect(
        readFileSync(join(out, 'postal', f), 'utf8') ===
          readFileSync(join(ROOT, 'resources/postal', f), 'utf8'),
        f,
      ).toBe(true);
  }, 120_000);
});
