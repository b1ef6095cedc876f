import { compactKey } from '../text/normalize';
import { resolveColumn, type ColumnRef } from './interpret';
import {
  TEMPLATE_VERSION,
  mappingTemplateSchema,
  type Mapping,
  type MappingRule,
  type MappingTemplate,
} from './schema';
import { AppError } from '../errors';

/** Makes a reusable template from a mapping and the headers of the file it was made on. */
export function templateFromMapping(
  mapping: Mapping,
  columns: readonly ColumnRef[],
  name = '',
  now: Date = new Date(),
): MappingTemplate {
  return {
    format: 'contact-prep.mapping-template',
    version: TEMPLATE_VERSION,
    name,
    createdAt: now.toISOString(),
    columns: columns.map((c) => c.name),
    mapping,
  };
}

/** Parses template JSON (text or object), with messages that say what is wrong. */
export function parseTemplate(input: unknown): MappingTemplate {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new AppError(
        'template.not-json',
        `The mapping template is not valid JSON: ${(e as Error).message}`,
      );
    }
  }
  const v = value as { format?: unknown; version?: unknown } | null;
  if (
    v &&
    v.format === 'contact-prep.mapping-template' &&
    typeof v.version === 'number' &&
    v.version > TEMPLATE_VERSION
  )
    throw new AppError(
      'template.too-new',
      `This mapping template has version ${v.version}; this ContactPrep reads up to version ${TEMPLATE_VERSION}. Update ContactPrep.`,
    );
  const parsed = mappingTemplateSchema.safeParse(value);
  if (!parsed.success)
    throw new AppError(
      'template.invalid',
      `Not a ContactPrep mapping template: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export interface BoundTemplate {
  /** The template's rules, reading this source's columns (renamed where matched by compact key). */
  mapping: Mapping;
  /** Template columns this source lacks; rules reading them were left out. */
  missing: string[];
  /** Columns matched by compact key rather than exact name (`E-Mail` ↔ `email`). */
  renamed: Array<{ template: string; source: string }>;
  /** Rules left out because a column is missing (their targets stay empty). */
  droppedRules: MappingRule[];
}

/**
 * Applies a template to a source whose columns may be in another order or spelled differently:
 * columns are matched by exact header, then compact key. Position is never used, so a reordered
 * file maps the same. Rules reading a missing column are dropped and reported, not guessed.
 */
export function bindTemplate(template: MappingTemplate, columns: readonly ColumnRef[]): BoundTemplate {
  const missing = new Set<string>();
  const renamed = new Map<string, string>();
  const rules: MappingRule[] = [];
  const droppedRules: MappingRule[] = [];
  for (const rule of template.mapping.rules) {
    const sources: string[] = [];
    let ok = true;
    for (const name of rule.sources) {
      const c = resolveColumn(columns, name);
      if (!c) {
        missing.add(name);
        ok = false;
        continue;
      }
      if (c.name !== name && compactKey(c.name) === compactKey(name)) renamed.set(name, c.name);
      sources.push(c.name);
    }
    if (ok) rules.push({ ...rule, sources });
    else droppedRules.push(rule);
  }
  return {
    mapping: { rules },
    missing: [...missing],
    renamed: [...renamed].map(([t, s]) => ({ template: t, source: s })),
    droppedRules,
  };
}

/** Source columns that no rule of the mapping reads: they stay in the source layer only. */
export function unmappedColumns(mapping: Mapping, columns: readonly ColumnRef[]): string[] {
  const read = new Set<string>();
  for (const rule of mapping.rules)
    for (const name of rule.sources) {
      const c = resolveColumn(columns, name);
      if (c) read.add(c.name);
    }
  return columns.filter((c) => !read.has(c.name)).map((c) => c.name);
}
