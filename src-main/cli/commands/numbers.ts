import { assignNumbers, type AssignResult } from '../../core/numbers/assign-numbers';
import { numbersStatus, reservedRangeViolations } from '../../core/numbers/number-report';
import { getNumberRange, setNumberRange, setReservedRange } from '../../core/numbers/number-settings';
import { optionalInt, UsageError, type CliCommand, type CommandContext } from '../command';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

function digitsOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v))
    throw new UsageError(`--${name} must be digits only, got "${String(v)}".`);
  return v;
}

/** `contact-prep numbers`: configure ranges, assign new contact numbers, report the highest and violations. */
export const numbersCommand: CliCommand = {
  name: 'numbers',
  summary:
    'Contact numbers: configure ranges, assign numbers to new contacts, report highest number and violations',
  usage:
    'contact-prep numbers --workspace <file.cprep> [--start N --end N [--width W]] [--reserved-start N --reserved-end N] ' +
    '[--assign] [--violations] [--json]',
  options: {
    ...workspaceOption,
    start: { type: 'string' },
    end: { type: 'string' },
    width: { type: 'string' },
    'reserved-start': { type: 'string' },
    'reserved-end': { type: 'string' },
    assign: { type: 'boolean' },
    violations: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const start = digitsOption(ctx, 'start');
    const end = digitsOption(ctx, 'end');
    const width = optionalInt(ctx, 'width');
    const rStart = digitsOption(ctx, 'reserved-start');
    const rEnd = digitsOption(ctx, 'reserved-end');
    const ws = openCheckedWorkspace(ctx); // findings follow the change (and its undo)
    try {
      const text: string[] = [];
      if (start !== undefined || end !== undefined || width !== undefined) {
        const current = getNumberRange(ws);
        const s = start ?? current?.start;
        const e = end ?? current?.end;
        if (s === undefined || e === undefined)
          throw new UsageError('Give both --start and --end for the new-number range.');
        const r = setNumberRange(ws, { start: s, end: e, width: width ?? current?.width ?? 0 });
        text.push(
          `New-number range set to ${r.start}–${r.end}${r.width ? `, padded to ${r.width} digits` : ''}.`,
        );
      }
      if (rStart !== undefined || rEnd !== undefined) {
        if (rStart === undefined || rEnd === undefined)
          throw new UsageError('Give both --reserved-start and --reserved-end for the reserved range.');
        const r = setReservedRange(ws, { start: rStart, end: rEnd });
        text.push(`Reserved range for existing contacts set to ${r.start}–${r.end}.`);
      }
      let assigned: AssignResult | undefined;
      if (ctx.values.assign) {
        assigned = assignNumbers(ws);
        text.push(
          assigned.assigned
            ? `Assigned ${assigned.assigned} numbers (${assigned.first}–${assigned.last}); undo with \`contact-prep undo\`.`
            : 'Every new contact already has a number.',
        );
      }
      const status = numbersStatus(ws);
      const violations = ctx.values.violations ? reservedRangeViolations(ws) : undefined;
      if (ctx.values.json) {
        ctx.out(
          JSON.stringify(
            {
              ...status,
              assigned: assigned
                ? { count: assigned.assigned, first: assigned.first, last: assigned.last }
                : null,
              violationList: violations,
            },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      text.push(
        `Contacts: ${status.contacts}, with a number: ${status.withNumber}, new contacts without one: ${status.withoutNumber}.`,
        `Highest contact number: ${status.highest ?? 'none'}${status.highest ? ' (SecuTix must start its sequence above it)' : ''}.`,
        `New-number range: ${status.range ? `${status.range.start}–${status.range.end}, width ${status.range.width}` : 'not set'}.`,
        `Reserved range for existing contacts: ${status.reserved ? `${status.reserved.start}–${status.reserved.end}` : 'not set'}; ${status.violations} violation(s).`,
      );
      for (const v of (violations ?? []).slice(0, 50)) text.push(`  contact ${v.contactId}: ${v.message}`);
      if (violations && violations.length > 50)
        text.push(`  … and ${violations.length - 50} more (use --json for all).`);
      ctx.out(text.join('\n') + '\n');
    } finally {
      ws.close();
    }
  },
};
