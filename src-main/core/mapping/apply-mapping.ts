import type { Database } from 'better-sqlite3';
import type { ContactData, Operation } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { compileMapping } from '../../../shared/mapping/interpret';
import { mappingSchema, type CellProblem, type MappingInput } from '../../../shared/mapping/schema';
import { OPERATIONS } from '../../../shared/secutix/fields';
import { contactInserter } from '../contacts/contact-store';
import { stagedWrite } from '../db/staged-write';
import type { Workspace } from '../db/workspace';
import type { JobContext } from '../jobs/job-runner';
import { getSource, iterateSourceRows } from '../sources/source-store';
import { saveSourceMapping, type MappingOrigin } from './mapping-store';

export interface ApplyMappingOptions {
  /** Required when the source already has contacts from an earlier apply. */
  replace?: boolean;
  /** Required too when those contacts were edited (history): the edits are set aside with them. */
  discardEdits?: boolean;
  origin?: MappingOrigin;
  templateName?: string | null;
  batchSize?: number;
}

export interface ApplyMappingResult {
  sourceId: number;
  /** Contacts created. */
  contacts: number;
  /** Source rows that gave no value at all (blank lines): no contact, still in the source layer. */
  skippedEmpty: number;
  /** Contacts of the previous apply set aside (status 'removed'). */
  replaced: number;
  problems: number;
  /** Problem counts by code (`mapping.date-invalid`: 3). */
  problemCodes: Record<string, number>;
}

/** Contacts of a source that are still part of the working layer. */
function liveContactsOfSource(db: Database, sourceId: number): number {
  return (
    db
      .prepare("SELECT count(*) AS n FROM contacts WHERE source_id = ? AND status != 'removed'")
      .get(sourceId) as {
      n: number;
    }
  ).n;
}

/** How many of those contacts have a change in an operation that is done (not undone). */
function editedContactsOfSource(db: Database, sourceId: number): { contacts: number; operations: number } {
  return db
    .prepare(
      `SELECT count(DISTINCT hc.contact_id) AS contacts, count(DISTINCT hc.op_id) AS operations
       FROM history_changes hc JOIN history_ops o ON o.id = hc.op_id AND o.state = 'done'
       WHERE hc.contact_id IN (SELECT id FROM contacts WHERE source_id = ? AND status != 'removed')`,
    )
    .get(sourceId) as { contacts: number; operations: number };
}

/**
 * Re-apply rule (safe by default): a source that already has contacts is refused unless
 * `replace`; if any of them was edited, merged or fixed (a done history operation touches it),
 * `discardEdits` is required as well and the error says how many. Replaced contacts are not
 * deleted but set to status 'removed' in the same transaction: history entries keep pointing at
 * real rows (undo stays consistent) and the audit trail is kept; they are never exported.
 */
function checkReapply(
  db: Database,
  sourceId: number,
  fileName: string,
  options: ApplyMappingOptions,
): number {
  const existing = liveContactsOfSource(db, sourceId);
  if (existing === 0) return 0;
  if (!options.replace)
    throw new AppError(
      'mapping.contacts-exist',
      `${fileName} already has ${existing} contacts from an earlier mapping. Re-applying would replace them: confirm with replace (CLI: --replace).`,
      { sourceId, existing },
    );
  const edited = editedContactsOfSource(db, sourceId);
  if (edited.contacts > 0 && !options.discardEdits)
    throw new AppError(
      'mapping.edits-exist',
      `${edited.contacts} of the ${existing} contacts of ${fileName} were changed after mapping (${edited.operations} operations in the history: edits, fixes or merges). Re-applying the mapping would set those changes aside; confirm with discardEdits (CLI: --discard-edits), or keep the current contacts.`,
      { sourceId, existing, editedContacts: edited.contacts, operations: edited.operations },
    );
  return existing;
}

const OPERATION_SET = new Set<string>(OPERATIONS);

/**
 * Creates contacts from a source's rows through a mapping, as one job: all rows are written in one
 * transaction on a job connection, so a cancel or error leaves the workspace exactly as before.
 * The mapping is saved as the source's current mapping in the same transaction.
 */
export async function applyMapping(
  ws: Workspace,
  sourceId: number,
  mappingInput: MappingInput,
  job: JobContext,
  options: ApplyMappingOptions = {},
): Promise<ApplyMappingResult> {
  const mapping = mappingSchema.parse(mappingInput);
  const source = getSource(ws.db, sourceId);
  if (source.role === 'reference')
    throw new AppError(
      'mapping.reference-source',
      `${source.fileName} is a reference export of existing SecuTix contacts; it is used for contact numbers and matching, not mapped into new contacts.`,
      { sourceId },
    );
  if (mapping.rules.length === 0)
    throw new AppError(
      'mapping.empty',
      `The mapping for ${source.fileName} has no rules, so it would create empty contacts: map at least one column.`,
      { sourceId },
    );
  const mapRow = compileMapping(mapping, source.columns);
  checkReapply(ws.db, sourceId, source.fileName, options);
  const batchSize = options.batchSize ?? 2000;

  const conn = ws.openJobConnection();
  try {
    return await stagedWrite(conn, async (db) => {
      // Checked again inside the write lock: another writer may have mapped the source meanwhile.
      const replaced = checkReapply(db, sourceId, source.fileName, options);
      if (replaced)
        db.prepare(
          "UPDATE contacts SET status = 'removed', updated_at = ? WHERE source_id = ? AND status != 'removed'",
        ).run(new Date().toISOString(), sourceId);
      db.prepare('DELETE FROM mapping_problems WHERE source_id = ?').run(sourceId);
      const insert = contactInserter(db);
      const insertProblem = db.prepare(
        `INSERT INTO mapping_problems(source_id, source_row_id, contact_id, row_number, column_name, field, code, value, message)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const operationColumn =
        mapping.rules.find((r) => r.targets.includes('OPERATION'))?.sources.join(' + ') ?? '';
      const constantTargets = new Set(
        mapping.rules.filter((r) => r.transform.type === 'constant').flatMap((r) => r.targets),
      );
      const result: ApplyMappingResult = {
        sourceId,
        contacts: 0,
        skippedEmpty: 0,
        replaced,
        problems: 0,
        problemCodes: {},
      };
      let done = 0;
      job.progress('mapping', 0, source.rowCount);
      for (const batch of iterateSourceRows(db, sourceId, batchSize)) {
        for (const row of batch) {
          const { data, problems } = mapRow(row.cells);
          let operation: Operation = 'INSERT';
          const op = takeOperation(data, problems, operationColumn);
          if (op) operation = op;
          // A row that gives no value creates no contact; its problems are still recorded.
          const empty = Object.keys(data).every((k) => constantTargets.has(k));
          const contactId = empty ? null : insert({ sourceRowId: row.id, sourceId, data, operation });
          if (empty) result.skippedEmpty++;
          else result.contacts++;
          for (const p of problems) {
            insertProblem.run(
              sourceId,
              row.id,
              contactId,
              row.rowNumber,
              p.column,
              p.field,
              p.code,
              p.value,
              p.message,
            );
            result.problems++;
            result.problemCodes[p.code] = (result.problemCodes[p.code] ?? 0) + 1;
          }
        }
        done += batch.length;
        job.progress('mapping', done, source.rowCount);
        await job.checkpoint();
      }
      saveSourceMapping(db, sourceId, mapping, {
        origin: options.origin ?? 'user',
        templateName: options.templateName,
        applied: { contacts: result.contacts },
      });
      return result;
    });
  } finally {
    conn.close();
  }
}

/** A mapped OPERATION column goes to the contact's operation, not into its field values. */
function takeOperation(data: ContactData, problems: CellProblem[], column: string): Operation | null {
  const raw = data.OPERATION;
  if (raw === undefined) return null;
  delete data.OPERATION;
  const op = raw.trim().toUpperCase();
  if (OPERATION_SET.has(op)) return op as Operation;
  problems.push({
    code: 'mapping.operation-unknown',
    column,
    value: raw,
    field: 'OPERATION',
    message: `unknown operation; INSERT used (allowed: ${OPERATIONS.join(', ')})`,
  });
  return null;
}
