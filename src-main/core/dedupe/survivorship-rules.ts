import type { Contact } from '../../../shared/domain';
import type { RuleSet, SurvivorshipRule, ValueOrigin } from '../../../shared/contract/merge';
import { normalizeKey } from '../../../shared/text/normalize';

export type { RuleSet, SurvivorshipRule, UserPick, ValueOrigin } from '../../../shared/contract/merge';

/**
 * Survivorship rules: data, not code, so the UI can show and change them per field.
 * - mostRecentSource: the value from the most recently imported source (then the later row).
 * - mostComplete: the most informative non-empty value (more letters/digits, accents, mixed case).
 * - preferredSource: the value from a chosen source file when it has one, else the most recent.
 * - lowestContactNr: CONTACT_NR only — an existing SecuTix number (UPDATE row) first, then the
 *   lowest number, so numbers already known to the customer survive.
 */

export type RuleName = SurvivorshipRule['rule'];

/*
 * RuleSet (shared/contract/merge.ts): rule per field code, or per group: `ADDRESS` (the address
 * block, always taken from one member so LINE1 of one contact never lands next to the TOWN of
 * another), `EMAILS`, `PHONES`.
 */

/** Address fields travel together (spec §3.5): mixing them would invent a wrong address. */
export const ADDRESS_FIELDS = [
  'ADDR_TYPE',
  'LINE1',
  'LINE2',
  'LINE3',
  'ZIPCODE',
  'TOWN',
  'TOWN_COMPLEMENT',
  'COUNTRY',
  'DEPARTMENT',
] as const;
export const EMAIL_FIELDS = ['EMAIL1', 'EMAIL2', 'EMAIL3'] as const;
/** Phone slots of spec §3.6; FAX is not a phone slot (a fax number is never moved to it). */
export const PHONE_FIELDS = ['TELEPHONE', 'CELLPHONE'] as const;

const MOST_COMPLETE: SurvivorshipRule = { rule: 'mostComplete' };
const MOST_RECENT: SurvivorshipRule = { rule: 'mostRecentSource' };

/**
 * Defaults: names and descriptive text keep the most complete spelling ("Müller" over "MULLER");
 * contact channels and the address keep the most recent (people move and change numbers);
 * CONTACT_NR keeps an existing number. Every other field (criteria, dates…): most recent.
 */
export const DEFAULT_RULES: RuleSet = {
  CONTACT_NR: { rule: 'lowestContactNr' },
  FIRSTNAME: MOST_COMPLETE,
  LASTNAME: MOST_COMPLETE,
  OFFICIAL_NAME: MOST_COMPLETE,
  ADDRESS_NAME1: MOST_COMPLETE,
  ADDRESS_NAME2: MOST_COMPLETE,
  FUNCTION: MOST_COMPLETE,
  REMARK: MOST_COMPLETE,
  LETTER_SALUTATION: MOST_COMPLETE,
  ADDR_SALUTATION: MOST_COMPLETE,
  ADDRESS: MOST_RECENT,
  EMAILS: MOST_RECENT,
  PHONES: MOST_RECENT,
};

export function ruleFor(rules: RuleSet, key: string): SurvivorshipRule {
  return rules[key] ?? DEFAULT_RULES[key] ?? MOST_RECENT;
}

/** What survivorship needs to know about one cluster member. */
export interface MergeMember {
  contact: Contact;
  /** Its source file (null for contacts created by hand). */
  source: { id: number; fileName: string; importedAt: string } | null;
  /** Row of the source file (provenance), null when unknown. */
  rowNumber: number | null;
}

export function originOf(m: MergeMember, field: string): ValueOrigin {
  return {
    contactId: m.contact.id,
    sourceId: m.source?.id ?? null,
    fileName: m.source?.fileName ?? null,
    rowNumber: m.rowNumber,
    field,
  };
}

export const USER_ORIGIN: ValueOrigin = {
  contactId: null,
  sourceId: null,
  fileName: null,
  rowNumber: null,
  field: null,
};

/**
 * Members from the most recent to the oldest: later import first, then later source id, then
 * later contact (a later row of the same file). Hand-made contacts (no source) rank last.
 */
export function byRecency(members: readonly MergeMember[]): MergeMember[] {
  return [...members].sort((a, b) => {
    if (!a.source || !b.source) return (a.source ? 0 : 1) - (b.source ? 0 : 1) || b.contact.id - a.contact.id;
    return (
      b.source.importedAt.localeCompare(a.source.importedAt) ||
      b.source.id - a.source.id ||
      b.contact.id - a.contact.id
    );
  });
}

/** Orders members for a member-level rule (who is asked first for a value). */
export function rankMembers(rule: SurvivorshipRule, members: readonly MergeMember[]): MergeMember[] {
  const recent = byRecency(members);
  if (rule.rule === 'preferredSource') {
    return [
      ...recent.filter((m) => m.source?.id === rule.sourceId),
      ...recent.filter((m) => m.source?.id !== rule.sourceId),
    ];
  }
  return recent;
}

/**
 * How informative a value is, compared as a tuple: letters/digits count, then accented letters
 * (an accent is information lost by ASCII exports), then mixed case (all caps loses information).
 */
export function completeness(value: string): [number, number, number] {
  const core = value.replace(/[^\p{L}\p{N}]/gu, '');
  // eslint-disable-next-line no-control-regex
  const accents = core.replace(/[\x00-\x7f]/g, '').length; // letters beyond ASCII: é, ü, ß…
  const mixed = core !== core.toUpperCase() && core !== core.toLowerCase() ? 1 : 0;
  return [core.length, accents, mixed];
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (b[i] ?? 0) - (a[i] ?? 0);
  return 0;
}

export interface Candidate {
  member: MergeMember;
  field: string;
  value: string;
}

/** Orders the non-empty values of one field by a rule: the first one survives. */
export function rankCandidates(rule: SurvivorshipRule, candidates: readonly Candidate[]): Candidate[] {
  if (rule.rule === 'mostComplete') {
    const order = byRecency(candidates.map((c) => c.member)).map((m) => m.contact.id);
    return [...candidates].sort(
      (a, b) =>
        compareTuples(completeness(a.value), completeness(b.value)) ||
        order.indexOf(a.member.contact.id) - order.indexOf(b.member.contact.id),
    );
  }
  if (rule.rule === 'lowestContactNr') {
    return [...candidates].sort(
      (a, b) =>
        (a.member.contact.operation === 'UPDATE' ? 0 : 1) -
          (b.member.contact.operation === 'UPDATE' ? 0 : 1) || compareNumbers(a.value, b.value),
    );
  }
  const order = rankMembers(
    rule,
    candidates.map((c) => c.member),
  ).map((m) => m.contact.id);
  return [...candidates].sort(
    (a, b) => order.indexOf(a.member.contact.id) - order.indexOf(b.member.contact.id),
  );
}

/** Compares contact numbers as integers without casting (20 digits overflow a double). */
export function compareNumbers(a: string, b: string): number {
  const digits = (s: string) => (/^\d+$/.test(s) ? s.replace(/^0+(?=\d)/, '') : null);
  const da = digits(a);
  const db = digits(b);
  if (da === null || db === null) return (da === null ? 1 : 0) - (db === null ? 1 : 0) || a.localeCompare(b);
  return da.length - db.length || (da < db ? -1 : da > db ? 1 : 0);
}

/** Two values are "the same" for conflict reporting when they differ only by case/accents/spaces. */
export function sameText(a: string, b: string): boolean {
  return normalizeKey(a) === normalizeKey(b);
}
