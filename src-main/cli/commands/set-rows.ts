import type { ContactKind, Operation } from '../../../shared/domain';
import { OPERATIONS } from '../../../shared/secutix/fields';
import { setContactsKind, setContactsOperation } from '../../core/mapping/row-settings';
import { optionalInt, UsageError, type CliCommand } from '../command';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

const KINDS = ['individual', 'structure', 'structure_relay'];

/** `1-5,9` → [1,2,3,4,5,9]. */
export function parseIdList(spec: string): number[] {
  const ids: number[] = [];
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new UsageError(`--contacts takes ids and ranges like 1-5,9; got "${part}".`);
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b < a) throw new UsageError(`--contacts range ${part} runs backwards.`);
    for (let i = a; i <= b; i++) ids.push(i);
  }
  return ids;
}

/** `contact-prep set`: operation (INSERT/UPDATE/…) or kind override of selected contacts, undoable. */
export const setRowsCommand: CliCommand = {
  name: 'set',
  summary: 'Set the operation (INSERT, UPDATE…) or the contact kind of selected contacts (undoable)',
  usage:
    'contact-prep set --workspace <file.cprep> (--contacts 1-5,9 | --source N) ' +
    `[--operation ${OPERATIONS.join('|')}] [--kind ${KINDS.join('|')}|derived] [--json]`,
  options: {
    ...workspaceOption,
    contacts: { type: 'string', short: 'c' },
    source: { type: 'string', short: 's' },
    operation: { type: 'string' },
    kind: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const operation = (ctx.values.operation as string | undefined)?.toUpperCase();
    const kind = ctx.values.kind as string | undefined;
    if (!operation && !kind) throw new UsageError('Give --operation and/or --kind.');
    if (operation && !(OPERATIONS as readonly string[]).includes(operation))
      throw new UsageError(`--operation must be one of ${OPERATIONS.join(', ')}; got "${operation}".`);
    if (kind && kind !== 'derived' && !KINDS.includes(kind))
      throw new UsageError(`--kind must be one of ${KINDS.join(', ')} or derived; got "${kind}".`);
    const sourceId = optionalInt(ctx, 'source');
    const spec = ctx.values.contacts as string | undefined;
    if ((spec === undefined) === (sourceId === undefined))
      throw new UsageError('Give either --contacts or --source.');
    const ws = openCheckedWorkspace(ctx); // findings follow the change (and its undo)
    try {
      const ids =
        spec !== undefined
          ? parseIdList(spec)
          : (ws.db
              .prepare("SELECT id FROM contacts WHERE source_id = ? AND status = 'active' ORDER BY id")
              .pluck()
              .all(sourceId) as number[]);
      const result: Record<string, unknown> = { contacts: ids.length };
      const lines: string[] = [];
      if (operation) {
        const op = setContactsOperation(ws, ids, operation as Operation);
        result.operation = { value: operation, changed: op.changed, opId: op.opId };
        lines.push(`Operation ${operation}: ${op.changed} of ${ids.length} contacts changed.`);
      }
      if (kind) {
        const op = setContactsKind(ws, ids, kind === 'derived' ? null : (kind as ContactKind));
        result.kind = { value: kind, changed: op.changed, opId: op.opId };
        lines.push(`Kind ${kind}: ${op.changed} of ${ids.length} contacts changed.`);
      }
      ctx.out(
        ctx.values.json
          ? JSON.stringify(result, null, 2) + '\n'
          : lines.join('\n') + '\nUndo with `contact-prep undo`.\n',
      );
    } finally {
      ws.close();
    }
  },
};
