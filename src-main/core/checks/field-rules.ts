import { fieldByCode, LANGUAGE_CODES, type SecutixField } from '../../../shared/secutix/fields';
import { checkValue } from '../../../shared/secutix/value-rules';
import { normalizeKey } from '../../../shared/text/normalize';
import type { Check, Finding } from './check';
import { finding } from './finding';

/** Field types the dedicated checks already cover (phone, email, dates, country, numbers, title). */
const COVERED_TYPES = new Set(['phone', 'email', 'date', 'country', 'digits']);
const COVERED_FIELDS = new Set(['TITLE']);
const CODED_TYPES = new Set(['language', 'country', 'enum', 'addrtype']);
/** Re-written on fix/export (phones to E.164, dates to dd.mm.yyyy): the raw length says nothing. */
const REFORMATTED_TYPES = new Set(['phone', 'date']);

/** Language names and codes customers write in PREF_LANG → the ISO 639-1 code SecuTix wants. */
const LANGUAGE_WORDS: Record<string, string> = {
  d: 'de',
  deutsch: 'de',
  german: 'de',
  allemand: 'de',
  tedesco: 'de',
  ger: 'de',
  deu: 'de',
  f: 'fr',
  francais: 'fr',
  french: 'fr',
  franzosisch: 'fr',
  francese: 'fr',
  fra: 'fr',
  fre: 'fr',
  i: 'it',
  italiano: 'it',
  italian: 'it',
  italien: 'it',
  italienisch: 'it',
  ita: 'it',
  e: 'en',
  english: 'en',
  englisch: 'en',
  anglais: 'en',
  inglese: 'en',
  eng: 'en',
  espanol: 'es',
  spanish: 'es',
  spanisch: 'es',
  espagnol: 'es',
  r: 'rm',
  rumantsch: 'rm',
  romanche: 'rm',
};

/** `de-CH`, `fr_CH`, `DE`, `Deutsch` → `de`; undefined when unknown. */
export function languageCode(value: string): string | undefined {
  const key = normalizeKey(value).replace(/[-_ ].*$/, '');
  if (LANGUAGE_CODES.includes(key)) return key;
  return LANGUAGE_WORDS[normalizeKey(value)] ?? LANGUAGE_WORDS[key];
}

function effectSeverity(f: SecutixField, effect: string): Finding['severity'] {
  return effect === 'truncated'
    ? 'warning'
    : f.onInvalid === 'unknown' && effect === 'unknown'
      ? 'warning'
      : 'error';
}

/**
 * The field model's own rules (shared/secutix) for what no dedicated check covers: maximum
 * lengths of every field, allowed values (PREF_LANG, ADDR_TYPE, WEB_SITE, CodeValue columns…).
 */
/** How one column is checked, worked out once per code rather than on every cell. */
interface FieldPlan {
  field: SecutixField;
  /** Another check reports this field's values (only "too long" is left to this one). */
  covered: boolean;
  /** Coded or reformatted values: "too long" is the wrong diagnosis (`Deutsch` in PREF_LANG). */
  coded: boolean;
  /** The field as given to checkValue: without maxLength for coded values. */
  rulesField: SecutixField;
}

const plans = new Map<string, FieldPlan | null>();

function planOf(code: string): FieldPlan | undefined {
  let plan = plans.get(code);
  if (plan === undefined) {
    const f = fieldByCode(code);
    const coded = !!f && (CODED_TYPES.has(f.type) || REFORMATTED_TYPES.has(f.type));
    plan = f
      ? {
          field: f,
          covered: COVERED_TYPES.has(f.type) || COVERED_FIELDS.has(code),
          coded,
          rulesField: coded ? { ...f, maxLength: undefined } : f,
        }
      : null;
    // Only SecuTix field codes get a plan: the map stays as small as the field list.
    if (f) plans.set(code, plan);
  }
  return plan ?? undefined;
}

let lastToday: Date | undefined;
let lastOptions: { today: Date } = { today: new Date(0) };

/** checkValue's options for this run's "today" (one object per run, not per cell). */
function optionsOf(today: Date): { today: Date } {
  if (today !== lastToday) {
    lastToday = today;
    lastOptions = { today };
  }
  return lastOptions;
}

export const fieldRulesCheck: Check = {
  name: 'field-rules',
  codes: ['field.too-long', 'field.invalid-value'],
  run(contact, ctx) {
    const out: Finding[] = [];
    for (const code in contact.data) {
      const plan = planOf(code);
      if (!plan) continue;
      const { field: f, covered, coded } = plan;
      const value = contact.data[code]!;
      if (covered && (coded || f.maxLength === undefined || value.length <= f.maxLength)) continue;
      const problem = checkValue(plan.rulesField, value, optionsOf(ctx.today));
      if (!problem || (covered && problem.problem !== 'too-long')) continue;
      if (problem.problem === 'too-long') {
        out.push(
          finding(
            contact,
            code,
            'field.too-long',
            effectSeverity(f, problem.effect),
            '{field} has {length} characters; SecuTix allows {max}.',
            {
              field: code,
              length: [...value].length,
              max: f.maxLength!,
              value,
            },
          ),
        );
        continue;
      }
      const lang = f.type === 'language' ? languageCode(value) : undefined;
      out.push(
        finding(
          contact,
          code,
          'field.invalid-value',
          effectSeverity(f, problem.effect),
          lang ? '{field} "{value}" should be the code {suggested}.' : '{message}',
          { field: code, value, message: problem.message, ...(lang ? { suggested: lang } : {}) },
          lang ? { [code]: lang } : undefined,
          0.9,
        ),
      );
    }
    return out;
  },
};
