import type { ContactData, Operation } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { normalizeCountry } from '../../../shared/reference/countries';
import { resolveEmails, resolvePhones, type MergeConflict, type SurvivingValue } from './survivorship-comms';
import {
  ADDRESS_FIELDS,
  EMAIL_FIELDS,
  PHONE_FIELDS,
  USER_ORIGIN,
  originOf,
  rankCandidates,
  rankMembers,
  ruleFor,
  sameText,
  type Candidate,
  type MergeMember,
  type RuleSet,
  type UserPick,
} from './survivorship-rules';

export type { MergeConflict, SurvivingValue } from './survivorship-comms';

export interface SurvivorshipOptions {
  rules?: RuleSet;
  /** Field code (or `ADDRESS` for the whole block) → the user's choice for this merge. */
  picks?: Record<string, UserPick>;
  /** Country for phones of members without COUNTRY (default CH, as the phone check). */
  defaultCountry?: string;
}

export interface SurvivorshipResult {
  /** The member that stays active and receives the surviving values. */
  survivorId: number;
  memberIds: number[];
  /** The merged contact's fields (empty fields absent). */
  data: ContactData;
  /** OPERATION of the survivor: UPDATE when the surviving number is an existing SecuTix contact. */
  operation: Operation;
  /** Every non-empty surviving field with its provenance and rule. */
  values: SurvivingValue[];
  conflicts: MergeConflict[];
}

const GROUPED = new Set<string>([...ADDRESS_FIELDS, ...EMAIL_FIELDS, ...PHONE_FIELDS, 'CONTACT_NR']);

function candidatesOf(members: readonly MergeMember[], field: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of members) {
    const v = m.contact.data[field];
    if (v) out.push({ member: m, field, value: v });
  }
  return out;
}

function memberById(members: readonly MergeMember[], id: number, field: string): MergeMember {
  const m = members.find((x) => x.contact.id === id);
  if (!m)
    throw new AppError('merge.bad-pick', `Pick for ${field}: contact ${id} is not a member of this group.`, {
      field,
      contactId: id,
    });
  return m;
}

/** The chosen value of a scalar field, losers with a different text reported as lost. */
function resolveScalar(
  members: readonly MergeMember[],
  field: string,
  rules: RuleSet,
  pick: UserPick | undefined,
): { value: SurvivingValue | null; winner: Candidate | null; conflicts: MergeConflict[] } {
  const rule = ruleFor(rules, field);
  const ranked = rankCandidates(rule, candidatesOf(members, field));
  let chosen: SurvivingValue | null = null;
  let winner: Candidate | null = null;
  if (pick && 'value' in pick) {
    chosen = { field, value: pick.value || null, rule: 'userPick', origin: USER_ORIGIN };
  } else if (pick) {
    const m = memberById(members, pick.contactId, field);
    winner = ranked.find((c) => c.member === m) ?? null;
    chosen = { field, value: m.contact.data[field] ?? null, rule: 'userPick', origin: originOf(m, field) };
  } else if (ranked[0]) {
    winner = ranked[0];
    chosen = { field, value: winner.value, rule: rule.rule, origin: originOf(winner.member, field) };
  }
  const conflicts: MergeConflict[] = [];
  const kept = chosen?.value ?? null;
  const reported = new Set<string>();
  for (const c of ranked) {
    if (c === winner || (kept !== null && sameText(c.value, kept)) || reported.has(c.value)) continue;
    reported.add(c.value);
    conflicts.push({
      field,
      value: c.value,
      origin: originOf(c.member, field),
      resolution: 'lost',
      movedTo: null,
      reason: `another value of ${field} survived`,
    });
  }
  return { value: chosen, winner, conflicts };
}

function addressText(m: MergeMember): string {
  return ADDRESS_FIELDS.map((f) => m.contact.data[f] ?? '')
    .filter((v) => v !== '')
    .join(', ');
}

/** Comparison key of an address: `Suisse` and `CH` are the same country. */
function addressKey(m: MergeMember): string {
  return ADDRESS_FIELDS.map((f) => {
    const v = m.contact.data[f] ?? '';
    return f === 'COUNTRY' ? (normalizeCountry(v)?.code ?? v) : v;
  }).join('|');
}

/** The address block from one member (rule or pick), the other members' different addresses lost. */
function resolveAddress(
  members: readonly MergeMember[],
  rules: RuleSet,
  picks: Readonly<Record<string, UserPick>>,
): { values: SurvivingValue[]; conflicts: MergeConflict[] } {
  const rule = ruleFor(rules, 'ADDRESS');
  // A block with a street, postcode or town beats one holding only a country or address type.
  const real = members.filter((m) =>
    ['LINE1', 'LINE2', 'LINE3', 'ZIPCODE', 'TOWN'].some((f) => m.contact.data[f]),
  );
  const withAddress = real.length ? real : members.filter((m) => addressText(m) !== '');
  let from: MergeMember | undefined;
  const pick = picks.ADDRESS;
  if (pick && 'contactId' in pick) from = memberById(members, pick.contactId, 'ADDRESS');
  else if (rule.rule === 'mostComplete')
    from = rankCandidates(
      rule,
      withAddress.map((m) => ({ member: m, field: 'ADDRESS', value: addressText(m) })),
    )[0]?.member;
  else from = rankMembers(rule, withAddress)[0];
  const ruleName = pick ? 'userPick' : rule.rule;
  const values: SurvivingValue[] = ADDRESS_FIELDS.map((f) => ({
    field: f,
    value: from?.contact.data[f] ?? null,
    rule: ruleName,
    origin: from && from.contact.data[f] ? originOf(from, f) : USER_ORIGIN,
  }));
  const conflicts: MergeConflict[] = [];
  for (const m of members) {
    if (addressText(m) === '' || m === from || (from && sameText(addressKey(m), addressKey(from)))) continue;
    conflicts.push({
      field: 'ADDRESS',
      value: addressText(m),
      origin: originOf(m, 'ADDRESS'),
      resolution: 'lost',
      movedTo: null,
      reason: 'SecuTix keeps one address per contact',
    });
  }
  // Per-field picks refine the chosen block (e.g. fix one LINE2); typed values only.
  for (const v of values) {
    const p = picks[v.field];
    if (!p) continue;
    if ('value' in p) Object.assign(v, { value: p.value || null, rule: 'userPick', origin: USER_ORIGIN });
    else {
      const m = memberById(members, p.contactId, v.field);
      Object.assign(v, {
        value: m.contact.data[v.field] ?? null,
        rule: 'userPick',
        origin: originOf(m, v.field),
      });
    }
  }
  return { values, conflicts };
}

/**
 * Computes the merged contact of a group of members: which member survives, every field's value
 * with its provenance, and the values that had to move (EMAIL2, CELLPHONE) or were lost.
 * Pure: reads nothing, writes nothing (merge.ts turns the result into one history operation).
 */
export function resolveSurvivorship(
  members: readonly MergeMember[],
  options: SurvivorshipOptions = {},
): SurvivorshipResult {
  if (members.length < 2)
    throw new AppError('merge.too-few', 'A merge needs at least two active contacts.', {
      memberIds: members.map((m) => m.contact.id),
    });
  const rules = options.rules ?? {};
  const picks = options.picks ?? {};
  const values: SurvivingValue[] = [];
  const conflicts: MergeConflict[] = [];

  // The number decides the survivor: the row that keeps its CONTACT_NR keeps its identity.
  const nr = resolveScalar(members, 'CONTACT_NR', rules, picks.CONTACT_NR);
  if (nr.value) values.push(nr.value);
  for (const c of nr.conflicts) {
    const existing = members.find((m) => m.contact.id === c.origin.contactId)?.contact.operation === 'UPDATE';
    conflicts.push(
      existing
        ? {
            ...c,
            reason: `existing SecuTix contact ${c.value} is not updated by this merge; deactivate it in SecuTix if it is the same person`,
          }
        : { ...c, reason: 'one contact number survives; the other is not used' },
    );
  }
  const pickedSurvivor =
    picks.CONTACT_NR && 'contactId' in picks.CONTACT_NR ? picks.CONTACT_NR.contactId : null;
  const survivor =
    (pickedSurvivor !== null ? memberById(members, pickedSurvivor, 'CONTACT_NR') : nr.winner?.member) ??
    [...members].sort((a, b) => a.contact.id - b.contact.id)[0]!;
  const operation: Operation =
    nr.winner?.member.contact.operation === 'UPDATE' ? 'UPDATE' : survivor.contact.operation;

  const address = resolveAddress(members, rules, picks);
  const emails = resolveEmails(
    rankMembers(ruleFor(rules, 'EMAILS'), members),
    ruleFor(rules, 'EMAILS').rule,
    picks,
  );
  const phones = resolvePhones(
    rankMembers(ruleFor(rules, 'PHONES'), members),
    ruleFor(rules, 'PHONES').rule,
    picks,
    options.defaultCountry,
  );
  for (const part of [address, emails, phones]) {
    values.push(...part.values);
    conflicts.push(...part.conflicts);
  }

  const fields = new Set<string>();
  for (const m of members) for (const f of Object.keys(m.contact.data)) fields.add(f);
  for (const f of Object.keys(picks)) if (f !== 'ADDRESS') fields.add(f);
  for (const f of [...fields].sort()) {
    if (GROUPED.has(f)) continue;
    const r = resolveScalar(members, f, rules, picks[f]);
    if (r.value) values.push(r.value);
    conflicts.push(...r.conflicts);
  }

  const data: ContactData = {};
  for (const v of values) if (v.value) data[v.field] = v.value;
  return {
    survivorId: survivor.contact.id,
    memberIds: members.map((m) => m.contact.id),
    data,
    operation,
    values: values.filter((v) => v.value !== null),
    conflicts,
  };
}
