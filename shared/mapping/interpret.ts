import { AppError } from '../errors';
import type { ContactData } from '../domain';
import { fieldByCode } from '../secutix/fields';
import { compactKey } from '../text/normalize';
import { splitPostcodeTown, splitStreetNumber } from './address';
import { formatSecutixDate, isFutureDate, parseDate } from './dates';
import { splitFullName } from './names';
import type { CellProblem, Mapping, MappingRule, Transform } from './schema';
import { presetLookup, valueKey } from './value-maps';

/** A source column as the interpreter needs it: its position in the row and its header. */
export interface ColumnRef {
  index: number;
  name: string;
}

export interface MappedRow {
  data: ContactData;
  problems: CellProblem[];
}

export interface InterpretOptions {
  /** "Today" for future-date checks and two-digit years (tests pin it). */
  now?: Date;
}

/**
 * Collects one row's values and problems. A class rather than closures made per row: on 1M rows
 * the per-row closures cost more than the transforms themselves.
 */
class RowSink {
  data: ContactData = {};
  problems: CellProblem[] = [];
  /** Column(s) and value(s) of the rule being run, for problem messages. */
  column = '';
  values: readonly string[] = [];

  emit(field: string, out: string): void {
    if (out === '') return;
    this.data[field] = out;
    checkField(field, out, this);
  }

  report(p: Omit<CellProblem, 'column' | 'value'>): void {
    this.problems.push({
      column: this.column,
      value: this.values.join(' | '),
      code: p.code,
      field: p.field,
      message: p.message,
    });
  }
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Runs one transform on the values of its source columns. Never throws on bad data: reports it. */
function runTransform(t: Transform, rule: MappingRule, values: string[], out: RowSink, now: Date): void {
  const [target0, target1, target2] = rule.targets as [string, string?, string?];
  const v = values[0] ?? '';
  switch (t.type) {
    case 'copy':
      out.emit(target0, v);
      return;
    case 'trim':
      out.emit(target0, collapse(v));
      return;
    case 'constant':
      out.emit(target0, t.value);
      return;
    case 'join':
      out.emit(target0, values.map(collapse).filter(Boolean).join(t.separator));
      return;
    case 'splitFullName': {
      const { first, last } = splitFullName(v, t.order);
      out.emit(target0, first);
      if (target1) out.emit(target1, last);
      return;
    }
    case 'splitStreetNumber': {
      const s = splitStreetNumber(v);
      if (target1) {
        out.emit(target0, s.street);
        out.emit(target1, s.number);
      } else if (t.format === 'keep' || s.position === 'none') out.emit(target0, collapse(v));
      else
        out.emit(
          target0,
          t.format === 'streetNumber' ? `${s.street} ${s.number}` : `${s.number} ${s.street}`,
        );
      return;
    }
    case 'splitPostcodeTown': {
      const p = splitPostcodeTown(v);
      if (!p) {
        if (collapse(v)) {
          // Nothing is lost: the whole value goes to the town and the user is told.
          out.emit(target1 ?? target0, collapse(v));
          out.report({
            code: 'mapping.postcode-town-unparsed',
            field: target0,
            message: `no postcode found; the whole value was put into ${target1 ?? target0}`,
          });
        }
        return;
      }
      out.emit(target0, p.postcode);
      if (target1) out.emit(target1, p.town);
      if (target2) out.emit(target2, p.country);
      return;
    }
    case 'valueMap': {
      const raw = collapse(v);
      if (!raw) return;
      const key = valueKey(raw);
      const explicit = Object.entries(t.map).find(([k]) => valueKey(k) === key)?.[1];
      const mapped = explicit ?? (t.preset ? presetLookup(t.preset, raw) : undefined);
      if (mapped !== undefined) return out.emit(target0, mapped);
      if (t.unmapped === 'keep') return out.emit(target0, raw);
      if (t.unmapped === 'default') return out.emit(target0, t.default ?? '');
      if (t.unmapped === 'error')
        out.report({
          code: 'mapping.value-unmapped',
          field: target0,
          message: `value not in the value map${t.preset ? ` (${t.preset})` : ''}; ${target0} left empty`,
        });
      return;
    }
    case 'dateFormat': {
      const raw = collapse(v);
      if (!raw) return;
      const d = parseDate(raw, t.input, now);
      if (!d.ok)
        return out.report({
          code: 'mapping.date-invalid',
          field: target0,
          message: `${d.reason}; ${target0} left empty`,
        });
      if (isFutureDate(d, now))
        return out.report({
          code: 'mapping.date-future',
          field: target0,
          message: `date is in the future (SecuTix drops it); ${target0} left empty`,
        });
      out.emit(target0, formatSecutixDate(d));
      return;
    }
  }
}

/** Checks that hold whatever the transform: contact numbers are digits only (spec §5). */
function checkField(field: string, value: string, sink: RowSink): void {
  if (field === 'CONTACT_NR' && !/^\d+$/.test(value))
    sink.report({
      code: 'mapping.contact-nr-not-digits',
      field,
      message: 'a contact number may contain digits only (SecuTix refuses letters, dots, dashes)',
    });
}

/** Finds the column a rule names: exact header first, then the compact key (`E-Mail` = `email`). */
export function resolveColumn(columns: readonly ColumnRef[], name: string): ColumnRef | undefined {
  return columns.find((c) => c.name === name) ?? columns.find((c) => compactKey(c.name) === compactKey(name));
}

/**
 * Compiles a mapping against a source's columns into a pure row function
 * `(cells) → {data, problems}`. Column lookups happen once here, not per row.
 * Throws AppError 'mapping.unknown-column' when a rule names a column the source lacks, and
 * 'mapping.unknown-field' for a target that is not a field of shared/secutix/fields.ts.
 */
export function compileMapping(
  mapping: Mapping,
  columns: readonly ColumnRef[],
  options: InterpretOptions = {},
): (cells: readonly string[]) => MappedRow {
  for (const rule of mapping.rules)
    for (const t of rule.targets)
      if (!fieldByCode(t))
        throw new AppError(
          'mapping.unknown-field',
          `The mapping writes "${t}", which is not a SecuTix field code.`,
          {
            field: t,
          },
        );
  const compiled = mapping.rules.map((rule) => {
    const cols = rule.sources.map((name) => {
      const c = resolveColumn(columns, name);
      if (!c)
        throw new AppError(
          'mapping.unknown-column',
          `The mapping reads column "${name}", which this source does not have.`,
          { column: name },
        );
      return c;
    });
    return { rule, cols, label: cols.map((c) => c.name).join(' + ') };
  });
  return (cells) => {
    const now = options.now ?? new Date();
    const sink = new RowSink();
    for (const { rule, cols, label } of compiled) {
      const values = cols.map((c) => cells[c.index] ?? '');
      sink.column = label;
      sink.values = values;
      runTransform(rule.transform, rule, values, sink, now);
    }
    return { data: sink.data, problems: sink.problems };
  };
}

/** One-off convenience: maps a single row. Prefer compileMapping for many rows. */
export function interpretRow(
  mapping: Mapping,
  cells: readonly string[],
  columns: readonly ColumnRef[],
  options: InterpretOptions = {},
): MappedRow {
  return compileMapping(mapping, columns, options)(cells);
}

/** Human sentence for a problem, naming column and value: `Column "Geburtsdatum", value "31.02.1980": …`. */
export function describeProblem(p: CellProblem): string {
  return `Column "${p.column}", value "${p.value}": ${p.message}`;
}
