import type { Database } from 'better-sqlite3';
import { normalizeKey } from '../../../shared/text/normalize';
import { listSources } from '../sources/source-store';
import type { Check, CheckContext, CheckSettings, PrepareScope } from './check';
import { parseDate } from './date-parse';
import { finding } from './finding';

/**
 * Setting `checks.staleRules`: one rule or a list. A rule reads a source column (as named in the
 * imported file) or a working field, and marks the row when its date is older than
 * `olderThanYears`, or when its value is one of `inactiveValues` (case/accents ignored).
 */
export const STALE_RULES_SETTING = 'checks.staleRules';
export interface StaleRule {
  column?: string;
  field?: string;
  olderThanYears?: number;
  inactiveValues?: string[];
}

/** Candidate rows found through source columns: contact id → the value that made it stale. */
type StaleIndex = Record<number, string>;

function readRules(settings: CheckSettings): StaleRule[] {
  const s = settings[STALE_RULES_SETTING] as StaleRule | StaleRule[] | undefined;
  return !s ? [] : Array.isArray(s) ? s : [s];
}

/** Why a value makes a row stale, or undefined. */
export function staleReason(value: string, rule: StaleRule, today: Date): string | undefined {
  if (rule.inactiveValues?.some((v) => normalizeKey(v) === normalizeKey(value))) return 'inactive';
  if (rule.olderThanYears !== undefined) {
    const r = parseDate(value, today);
    if (r.kind !== 'date') return undefined;
    const cutoff = Date.UTC(
      today.getUTCFullYear() - rule.olderThanYears,
      today.getUTCMonth(),
      today.getUTCDate(),
    );
    if (Date.UTC(r.date.year, r.date.month - 1, r.date.day) < cutoff) return 'old';
  }
  return undefined;
}

function scanColumns(db: Database, rules: StaleRule[], scope: PrepareScope, today: Date): StaleIndex {
  const out: StaleIndex = {};
  for (const rule of rules.filter((r) => r.column)) {
    for (const source of listSources(db, 'input')) {
      const col = source.columns.find((c) => c.name === rule.column || c.originalName === rule.column);
      if (!col) continue;
      const sql = `SELECT c.id, json_extract(r.cells_json, '$[${col.index}]') AS v FROM contacts c
        JOIN source_rows r ON r.id = c.source_row_id WHERE c.status = 'active' AND r.source_id = ?`;
      const rows = scope.all
        ? (db.prepare(sql).all(source.id) as Array<{ id: number; v: unknown }>)
        : scope.contactIds.flatMap(
            (id) => db.prepare(`${sql} AND c.id = ?`).all(source.id, id) as Array<{ id: number; v: unknown }>,
          );
      for (const { id, v } of rows)
        if (v != null && v !== '' && staleReason(String(v), rule, today))
          out[id] = `${rule.column}: ${String(v)}`;
    }
  }
  return out;
}

/**
 * Stale data: rows matching the configured rule become removal candidates (info). Applying the
 * suggestion sets the contact's status to removed, through the history (undoable); nothing is
 * removed without that explicit step.
 */
export const staleCheck: Check = {
  name: 'stale',
  codes: ['stale.candidate'],
  prepare(db, settings, scope, today) {
    const rules = readRules(settings);
    return rules.some((r) => r.column) ? scanColumns(db, rules, scope, today) : {};
  },
  run(contact, ctx: CheckContext) {
    const rules = readRules(ctx.settings);
    if (rules.length === 0) return [];
    let evidence = (ctx.indexes?.stale as StaleIndex | undefined)?.[contact.id];
    for (const rule of rules) {
      if (evidence) break;
      const v = rule.field ? contact.data[rule.field] : undefined;
      if (v !== undefined && staleReason(v, rule, ctx.today)) evidence = `${rule.field}: ${v}`;
    }
    if (!evidence) return [];
    return [
      finding(
        contact,
        '@status',
        'stale.candidate',
        'info',
        'Candidate for removal ({evidence}); applying this fix marks the contact removed (undoable).',
        { evidence },
        { '@status': 'removed' },
        0.5,
      ),
    ];
  },
};
