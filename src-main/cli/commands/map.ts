import { basename } from 'node:path';
import type { Mapping, MappingRule } from '../../../shared/mapping/schema';
import { compactKey } from '../../../shared/text/normalize';
import type { SuggestionResult } from '../../../shared/mapping/suggest';
import {
  bindTemplate,
  templateFromMapping,
  unmappedColumns,
  type BoundTemplate,
} from '../../../shared/mapping/template';
import { Workspace } from '../../core/db/workspace';
import { applyMapping, type ApplyMappingResult } from '../../core/mapping/apply-mapping';
import { distinctColumnValues } from '../../core/mapping/column-values';
import { getSourceMapping } from '../../core/mapping/mapping-store';
import { suggestForSource } from '../../core/mapping/suggest-source';
import { readTemplateFile, writeTemplateFile } from '../../core/mapping/template-files';
import { getSource, listSources, type SourceInfo } from '../../core/sources/source-store';
import { optionalInt, requireOption, UsageError, type CliCommand, type CommandContext } from '../command';
import { runCliJob } from '../run-job';
import { workspaceOption } from './open-workspace';

/** The source to map: `--source N`, or the only input source of the workspace. */
function pickSource(ctx: CommandContext, ws: Workspace): SourceInfo {
  const id = optionalInt(ctx, 'source');
  if (id !== undefined) return getSource(ws.db, id);
  const inputs = listSources(ws.db, 'input');
  if (inputs.length === 1) return inputs[0]!;
  if (inputs.length === 0)
    throw new UsageError('The workspace has no input source yet: run `contact-prep import` first.');
  throw new UsageError(
    `The workspace has ${inputs.length} input sources; choose one with --source N: ${inputs.map((s) => `${s.id} (${s.fileName})`).join(', ')}.`,
  );
}

export function describeRule(r: MappingRule): string {
  const t = r.transform;
  const params =
    t.type === 'valueMap'
      ? `valueMap${t.preset ? ` ${t.preset}` : ''}${Object.keys(t.map).length ? ` +${Object.keys(t.map).length} entries` : ''}, unmapped: ${t.unmapped}`
      : t.type === 'constant'
        ? `constant "${t.value}"`
        : t.type === 'join'
          ? `join with "${t.separator}"`
          : t.type;
  const from = r.sources.length ? r.sources.map((s) => `"${s}"`).join(' + ') : '(no column)';
  return `${r.targets.join(' + ')} ← ${from} (${params})`;
}

function showSuggestions(s: SuggestionResult): string[] {
  const width = Math.max(6, ...s.columns.map((c) => c.column.length));
  const lines = [`${'Column'.padEnd(width)}  ${'Field'.padEnd(20)}  Conf.  Reason`];
  for (const c of s.columns) {
    const sug = c.suggestion;
    const field = sug ? (sug.targets.length ? sug.targets.join('+') : sug.key) : '—';
    lines.push(
      `${c.column.padEnd(width)}  ${field.padEnd(20)}  ${sug ? sug.confidence.toFixed(2) : '    '}   ${sug?.reason ?? 'no field suggested'}`,
    );
    if (c.alternatives.length)
      lines.push(
        `${''.padEnd(width)}  alternatives: ${c.alternatives.map((a) => `${a.key} ${a.confidence.toFixed(2)}`).join(', ')}`,
      );
  }
  return lines;
}

function showMapping(m: Mapping): string[] {
  return m.rules.length ? m.rules.map((r) => `  ${describeRule(r)}`) : ['  (no rules)'];
}

function showApplied(r: ApplyMappingResult): string {
  const codes = Object.entries(r.problemCodes).map(([c, n]) => `${c} ${n}`);
  return (
    `Created ${r.contacts} contacts` +
    (r.replaced ? ` (replacing ${r.replaced})` : '') +
    (r.skippedEmpty ? `; ${r.skippedEmpty} empty rows skipped` : '') +
    `; ${r.problems} cell problems${codes.length ? ` (${codes.join(', ')})` : ''}.`
  );
}

/** `contact-prep map`: suggest, apply (auto or template), show and save mappings. */
export const mapCommand: CliCommand = {
  name: 'map',
  summary: 'Map source columns to SecuTix fields (suggest, apply, templates) and create contacts',
  usage:
    'contact-prep map --workspace <file.cprep> [--source N] [--auto | --template t.json] [--replace] [--discard-edits] ' +
    '[--save-template t.json] [--show] [--values COLUMN] [--json]',
  options: {
    ...workspaceOption,
    source: { type: 'string', short: 's' },
    auto: { type: 'boolean' },
    template: { type: 'string', short: 't' },
    'save-template': { type: 'string' },
    show: { type: 'boolean' },
    values: { type: 'string' },
    replace: { type: 'boolean' },
    'discard-edits': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const templatePath = ctx.values.template as string | undefined;
    const savePath = ctx.values['save-template'] as string | undefined;
    if (ctx.values.auto && templatePath) throw new UsageError('Use either --auto or --template, not both.');
    const valuesOf = ctx.values.values as string | undefined;
    const show = ctx.values.show === true || (!ctx.values.auto && !templatePath && !savePath && !valuesOf);
    const ws = Workspace.open(requireOption(ctx, 'workspace'));
    try {
      const source = pickSource(ctx, ws);
      const out: Record<string, unknown> = {
        source: { id: source.id, fileName: source.fileName, rows: source.rowCount },
      };
      const text: string[] = [
        `Source ${source.id}: ${source.fileName} (${source.columns.length} columns, ${source.rowCount} rows)`,
      ];
      let suggestions: SuggestionResult | undefined;
      const suggest = () => (suggestions ??= suggestForSource(ws.db, source.id));

      let toApply: { mapping: Mapping; origin: 'suggested' | 'template'; templateName?: string } | undefined;
      if (ctx.values.auto) toApply = { mapping: suggest().mapping, origin: 'suggested' };
      if (templatePath) {
        const template = readTemplateFile(templatePath);
        const bound: BoundTemplate = bindTemplate(template, source.columns);
        out.template = {
          path: templatePath,
          name: template.name,
          missing: bound.missing,
          renamed: bound.renamed,
        };
        if (bound.missing.length)
          ctx.err(
            `Warning: ${source.fileName} lacks template columns ${bound.missing.map((m) => `"${m}"`).join(', ')}; ` +
              `${bound.droppedRules.length} rule(s) reading them were left out.\n`,
          );
        for (const r of bound.renamed) text.push(`Template column "${r.template}" matched "${r.source}".`);
        toApply = {
          mapping: bound.mapping,
          origin: 'template',
          templateName: template.name || basename(templatePath),
        };
      }
      if (toApply) {
        const apply = toApply;
        const result = await runCliJob(ctx, 'mapping.apply', ws.db, (job) =>
          applyMapping(ws, source.id, apply.mapping, job, {
            replace: ctx.values.replace === true,
            discardEdits: ctx.values['discard-edits'] === true,
            origin: apply.origin,
            templateName: apply.templateName,
          }),
        );
        out.applied = result;
        text.push(showApplied(result));
      }

      const current = getSourceMapping(ws.db, source.id);
      if (savePath) {
        const mapping = current?.mapping ?? suggest().mapping;
        if (!current) text.push('No mapping applied yet: the template holds the suggested mapping.');
        writeTemplateFile(
          savePath,
          templateFromMapping(mapping, source.columns, basename(savePath, '.json')),
        );
        out.savedTemplate = savePath;
        text.push(`Mapping template written to ${savePath} (${mapping.rules.length} rules).`);
      }
      if (show) {
        const s = suggest();
        out.suggestions = s.columns.map((c) => ({
          column: c.column,
          suggestion: c.suggestion,
          alternatives: c.alternatives,
        }));
        // Unmapped = columns no rule of the current mapping reads (or of the suggestion, before any apply).
        const unmapped = current ? unmappedColumns(current.mapping, source.columns) : s.unmapped;
        out.unmapped = unmapped;
        text.push('', 'Suggestions:', ...showSuggestions(s));
        text.push(
          '',
          `Unmapped columns (kept in the source layer): ${unmapped.length ? unmapped.join(', ') : 'none'}`,
        );
      }
      if (show || ctx.values.json) {
        out.mapping = current
          ? {
              origin: current.origin,
              templateName: current.templateName,
              appliedAt: current.appliedAt,
              rules: current.mapping.rules,
            }
          : null;
        if (show)
          text.push(
            '',
            current
              ? `Current mapping (${current.origin}${current.templateName ? ` "${current.templateName}"` : ''}):`
              : 'No mapping applied yet (run with --auto or --template).',
            ...(current ? showMapping(current.mapping) : []),
          );
      }
      if (valuesOf) {
        // The column's rule in the current mapping, so a value map shows what each value becomes.
        const rule = current?.mapping.rules.find((r) =>
          r.sources.some((c) => compactKey(c) === compactKey(valuesOf)),
        );
        const v = distinctColumnValues(ws.db, source.id, valuesOf, { transform: rule?.transform });
        out.values = v;
        text.push('', `Values of "${v.column}" (${v.distinct} distinct, most frequent first):`);
        for (const x of v.values)
          text.push(
            `  ${String(x.count).padStart(7)}  ${x.value === '' ? '(empty)' : x.value}${x.mapped ? ` → ${x.mapped}` : ''}`,
          );
      }
      ctx.out(ctx.values.json ? JSON.stringify(out, null, 2) + '\n' : text.join('\n') + '\n');
    } finally {
      ws.close();
    }
  },
};
