import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContactData } from '../../shared/domain';
import { contactInserter } from '../../src-main/core/contacts/contact-store';
import { Workspace } from '../../src-main/core/db/workspace';
import { generateContacts, type ContactRow } from './generate-contacts';
import type { BenchContext } from './harness';

/**
 * Fills a bench workspace straight from generated records (no import/mapping), 10k rows per
 * transaction. Each section passes its own column → field map (raw values for checks, cleaned
 * codes for export) and says so in its bench output.
 */
export function fillFromGenerator(
  ws: Workspace,
  rows: number,
  toFields: (r: ContactRow) => ContactData,
): void {
  const insert = contactInserter(ws.db);
  const tx = ws.db.transaction((batch: ContactRow[]) => {
    for (const r of batch) insert({ data: toFields(r) });
  });
  let batch: ContactRow[] = [];
  for (const g of generateContacts(rows)) {
    batch.push(g.row);
    if (batch.length === 10_000) {
      tx(batch);
      batch = [];
    }
  }
  tx(batch);
}

/**
 * Runs `body` on a temporary workspace filled with `rows` generated contacts (logged with the
 * fill time), then closes and deletes it.
 */
export async function withGeneratedWorkspace<T>(
  ctx: BenchContext,
  name: string,
  rows: number,
  toFields: (r: ContactRow) => ContactData,
  body: (ws: Workspace, dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `cprep-bench-${name}-`));
  const ws = Workspace.create(join(dir, 'bench.cprep'));
  try {
    const t0 = Date.now();
    fillFromGenerator(ws, rows, toFields);
    ctx.log(
      `filled ${rows} contacts directly from generator records in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    return await body(ws, dir);
  } finally {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
