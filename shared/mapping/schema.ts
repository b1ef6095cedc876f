import { z } from 'zod';

/**
 * A mapping is DATA: a list of rules, each reading source columns (by header name) and writing
 * SecuTix fields through one transform. It is stored per source, saved as a template file and
 * sent over RPC, so everything here is plain JSON validated by zod.
 */

const fieldCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a SecuTix field code in capitals');

export const copyTransform = z.object({ type: z.literal('copy') });
/** Trims and collapses inner whitespace (the usual choice for text columns). */
export const trimTransform = z.object({ type: z.literal('trim') });

/** One full-name column → FIRSTNAME, LASTNAME. `auto`: "Last, First" when a comma is present, else "First Last". */
export const splitFullNameTransform = z.object({
  type: z.literal('splitFullName'),
  order: z.enum(['auto', 'firstLast', 'lastFirst']).default('auto'),
});

/**
 * One street column → LINE1 (SecuTix has no house-number field, so the number stays in LINE1),
 * re-ordered to `format`; a second target receives the house number alone when asked.
 */
export const splitStreetNumberTransform = z.object({
  type: z.literal('splitStreetNumber'),
  format: z.enum(['keep', 'streetNumber', 'numberStreet']).default('keep'),
});

/** `1003 Lausanne`, `CH-1003 Lausanne` → ZIPCODE, TOWN (and COUNTRY when a third target is given). */
export const splitPostcodeTownTransform = z.object({ type: z.literal('splitPostcodeTown') });

/** Several columns → one field, empty parts skipped. */
export const joinTransform = z.object({ type: z.literal('join'), separator: z.string().default(' ') });

export const constantTransform = z.object({ type: z.literal('constant'), value: z.string() });

export const VALUE_MAP_PRESETS = ['title', 'boolean', 'language', 'country'] as const;
export type ValueMapPreset = (typeof VALUE_MAP_PRESETS)[number];

/**
 * Value → code, keys compared case- and accent-insensitively. `preset` adds a built-in table
 * (explicit entries win). `unmapped` says what happens to a value found in neither:
 * keep it as is, drop it, use `default`, or keep it and report a problem.
 */
export const valueMapTransform = z.object({
  type: z.literal('valueMap'),
  map: z.record(z.string(), z.string()).default({}),
  preset: z.enum(VALUE_MAP_PRESETS).optional(),
  unmapped: z.enum(['keep', 'empty', 'default', 'error']).default('error'),
  default: z.string().optional(),
});

/** Source date → `dd.mm.yyyy` (spec §3.3). `auto` reads dd.mm.yyyy, dd/mm/yyyy, yyyy-mm-dd, yyyymmdd and Excel serials. */
export const dateFormatTransform = z.object({
  type: z.literal('dateFormat'),
  input: z.enum(['auto', 'dmy', 'mdy', 'ymd', 'yyyymmdd', 'excelSerial']).default('auto'),
});

export const transformSchema = z.discriminatedUnion('type', [
  copyTransform,
  trimTransform,
  splitFullNameTransform,
  splitStreetNumberTransform,
  splitPostcodeTownTransform,
  joinTransform,
  constantTransform,
  valueMapTransform,
  dateFormatTransform,
]);
export type Transform = z.output<typeof transformSchema>;
export type TransformType = Transform['type'];

/** How many source columns and target fields each transform takes: [min, max]. */
export const TRANSFORM_ARITY: Record<
  TransformType,
  { sources: [number, number]; targets: [number, number] }
> = {
  copy: { sources: [1, 1], targets: [1, 1] },
  trim: { sources: [1, 1], targets: [1, 1] },
  splitFullName: { sources: [1, 1], targets: [2, 2] },
  splitStreetNumber: { sources: [1, 1], targets: [1, 2] },
  splitPostcodeTown: { sources: [1, 1], targets: [2, 3] },
  join: { sources: [1, 20], targets: [1, 1] },
  constant: { sources: [0, 0], targets: [1, 1] },
  valueMap: { sources: [1, 1], targets: [1, 1] },
  dateFormat: { sources: [1, 1], targets: [1, 1] },
};

export const mappingRuleSchema = z
  .object({
    /** Field codes written, in the transform's output order (e.g. [FIRSTNAME, LASTNAME]). */
    targets: z.array(fieldCode).min(1),
    /** Source column names (headers) read, in order. */
    sources: z.array(z.string()).default([]),
    transform: transformSchema,
  })
  .superRefine((rule, ctx) => {
    const arity = TRANSFORM_ARITY[rule.transform.type];
    const check = (what: 'sources' | 'targets', n: number) => {
      const [min, max] = arity[what];
      if (n < min || n > max)
        ctx.addIssue({
          code: 'custom',
          path: [what],
          message: `${rule.transform.type} takes ${min === max ? min : `${min}–${max}`} ${what}, got ${n}`,
        });
    };
    check('sources', rule.sources.length);
    check('targets', rule.targets.length);
  });
export type MappingRule = z.output<typeof mappingRuleSchema>;

export const mappingSchema = z.object({ rules: z.array(mappingRuleSchema) }).superRefine((m, ctx) => {
  const seen = new Set<string>();
  m.rules.forEach((r, i) => {
    for (const t of r.targets) {
      if (seen.has(t))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'targets'],
          message: `field ${t} is written by two rules`,
        });
      seen.add(t);
    }
  });
});
export type Mapping = z.output<typeof mappingSchema>;
export type MappingInput = z.input<typeof mappingSchema>;

export const TEMPLATE_VERSION = 1;

/** A mapping saved to a file for reuse on other customers' files (columns matched by header name). */
export const mappingTemplateSchema = z.object({
  format: z.literal('contact-prep.mapping-template'),
  version: z.literal(TEMPLATE_VERSION),
  name: z.string().default(''),
  createdAt: z.string().optional(),
  /** Headers of the file the template was made from, for the report of missing columns. */
  columns: z.array(z.string()).default([]),
  mapping: mappingSchema,
});
export type MappingTemplate = z.output<typeof mappingTemplateSchema>;

/** One problem met while mapping one cell; names the column and the value so a user can find it. */
export interface CellProblem {
  code: string;
  /** Source column name (empty for constants). */
  column: string;
  value: string;
  /** The field the value was meant for. */
  field: string;
  message: string;
}
