import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { MergeConflict, SurvivingValue } from '../../../shared/contract/merge';
import { normalizeCountry } from '../../../shared/reference/countries';
import type { UserPick } from './survivorship-rules';
export type { MergeConflict, SurvivingValue } from '../../../shared/contract/merge';
import {
  EMAIL_FIELDS,
  PHONE_FIELDS,
  USER_ORIGIN,
  originOf,
  type MergeMember,
  type ValueOrigin,
} from './survivorship-rules';

interface SlotCandidate {
  member: MergeMember | null;
  field: string | null;
  value: string;
  key: string;
}

function pickedCandidate(
  pick: UserPick,
  field: string,
  members: readonly MergeMember[],
  keyOf: (v: string, m: MergeMember | null) => string,
): SlotCandidate | null {
  if ('value' in pick)
    return pick.value ? { member: null, field: null, value: pick.value, key: keyOf(pick.value, null) } : null;
  const m = members.find((x) => x.contact.id === pick.contactId);
  const v = m?.contact.data[field];
  return m && v ? { member: m, field, value: v, key: keyOf(v, m) } : null;
}

function origin(c: SlotCandidate): ValueOrigin {
  return c.member ? originOf(c.member, c.field!) : USER_ORIGIN;
}

/** Lower-cased trimmed email: the comparison key (SecuTix's regex is lower-case only, spec §3.6). */
export function emailKey(v: string): string {
  return v.trim().toLowerCase();
}

/**
 * EMAIL1..3 as one pool: primary emails of all members first (in rule order), then their second
 * and third emails; duplicates collapse, the first three distinct ones fill EMAIL1..EMAIL3 and
 * any further one is reported lost. A pick pins a slot before the pool fills the rest.
 */
export function resolveEmails(
  ranked: readonly MergeMember[],
  rule: string,
  picks: Readonly<Record<string, UserPick>>,
): { values: SurvivingValue[]; conflicts: MergeConflict[] } {
  const slots = new Map<string, SlotCandidate>();
  const used = new Set<string>();
  for (const f of EMAIL_FIELDS) {
    const pick = picks[f];
    const c = pick ? pickedCandidate(pick, f, ranked, (v) => emailKey(v)) : null;
    if (c && !used.has(c.key)) {
      slots.set(f, c);
      used.add(c.key);
    }
  }
  const pool: SlotCandidate[] = [];
  for (const f of EMAIL_FIELDS)
    for (const m of ranked) {
      const v = m.contact.data[f];
      if (v) pool.push({ member: m, field: f, value: v, key: emailKey(v) });
    }
  const conflicts: MergeConflict[] = [];
  for (const c of pool) {
    if (used.has(c.key)) {
      // Same address spelt twice: keep the clean lower-case spelling (SecuTix's regex needs it).
      for (const [f, s] of slots)
        if (s.key === c.key && s.member && s.value !== s.key && c.value === c.key) slots.set(f, c);
      continue;
    }
    used.add(c.key);
    const free = EMAIL_FIELDS.find((f) => !slots.has(f));
    if (free) {
      slots.set(free, c);
      if (free !== c.field)
        conflicts.push({
          field: c.field!,
          value: c.value,
          origin: origin(c),
          resolution: 'moved',
          movedTo: free,
          reason: 'second email kept in the next free email field',
        });
    } else {
      conflicts.push({
        field: c.field!,
        value: c.value,
        origin: origin(c),
        resolution: 'lost',
        movedTo: null,
        reason: 'more than three distinct emails',
      });
    }
  }
  const values = EMAIL_FIELDS.map((f): SurvivingValue => {
    const c = slots.get(f);
    return c
      ? { field: f, value: c.value, rule: c.member && !picks[f] ? rule : 'userPick', origin: origin(c) }
      : { field: f, value: null, rule, origin: USER_ORIGIN };
  });
  return { values, conflicts };
}

type PhoneType = 'mobile' | 'fixed' | 'unknown';

/**
 * E.164 key and line type of a phone, read in the member's country (spec §3.6: the address's
 * country is the reference). Unparseable numbers compare on their digits.
 */
export function phoneInfo(value: string, country: string | undefined): { key: string; type: PhoneType } {
  const memo = `${country ?? ''}|${value}`;
  let info = phoneCache.get(memo);
  if (!info) {
    if (phoneCache.size > 50_000) phoneCache.clear(); // bulk merges: bounded memo
    phoneCache.set(memo, (info = parsePhone(value, country)));
  }
  return info;
}

const phoneCache = new Map<string, { key: string; type: PhoneType }>();

function parsePhone(value: string, country: string | undefined): { key: string; type: PhoneType } {
  const digits = value.replace(/\D/g, '');
  const cc = normalizeCountry(country)?.code as CountryCode | undefined;
  // Without a country only an international number can be read; skip the (throwing) parser.
  if (!cc && !/^\s*(\+|00)/.test(value)) return { key: digits, type: 'unknown' };
  const p = parsePhoneNumberFromString(value, cc ? { defaultCountry: cc } : undefined);
  if (!p || !p.isPossible()) return { key: digits, type: 'unknown' };
  const t = p.getType();
  return { key: p.number, type: t === 'MOBILE' ? 'mobile' : t === 'FIXED_LINE' ? 'fixed' : 'unknown' };
}

interface PhoneCandidate extends SlotCandidate {
  type: PhoneType;
}

/** The slot a number belongs in: its line type when known, else the field it was typed in. */
function preferredSlot(c: PhoneCandidate): string {
  if (c.type === 'mobile') return 'CELLPHONE';
  if (c.type === 'fixed') return 'TELEPHONE';
  return c.field ?? 'TELEPHONE';
}

/**
 * TELEPHONE and CELLPHONE as one pool. Pass 1 puts each distinct number in its own slot (by line
 * type, else the field it came from); pass 2 lets a number of unknown type take the other free
 * slot. A landline never becomes CELLPHONE nor a mobile TELEPHONE; what does not fit is lost.
 */
export function resolvePhones(
  ranked: readonly MergeMember[],
  rule: string,
  picks: Readonly<Record<string, UserPick>>,
  defaultCountry = 'CH',
): { values: SurvivingValue[]; conflicts: MergeConflict[] } {
  // Like the phone check: the row's country, else the workspace default (spec §3.6).
  const info = (v: string, m: MergeMember | null) => phoneInfo(v, m?.contact.data.COUNTRY || defaultCountry);
  const slots = new Map<string, PhoneCandidate>();
  const used = new Set<string>();
  for (const f of PHONE_FIELDS) {
    const pick = picks[f];
    const c = pick ? pickedCandidate(pick, f, ranked, (v, m) => info(v, m).key) : null;
    if (c && !used.has(c.key)) {
      slots.set(f, { ...c, type: 'unknown' });
      used.add(c.key);
    }
  }
  const pool: PhoneCandidate[] = [];
  for (const m of ranked)
    for (const f of PHONE_FIELDS) {
      const v = m.contact.data[f];
      if (!v) continue;
      const { key, type } = info(v, m);
      if (used.has(key)) continue;
      used.add(key);
      pool.push({ member: m, field: f, value: v, key, type });
    }
  const rest: PhoneCandidate[] = [];
  for (const c of pool) {
    const slot = preferredSlot(c);
    if (!slots.has(slot)) slots.set(slot, c);
    else rest.push(c);
  }
  const conflicts: MergeConflict[] = [];
  for (const c of rest) {
    const other = PHONE_FIELDS.find((f) => !slots.has(f));
    if (other && c.type === 'unknown') slots.set(other, c);
    else
      conflicts.push({
        field: c.field!,
        value: c.value,
        origin: origin(c),
        resolution: 'lost',
        movedTo: null,
        reason: other ? `a ${c.type} number cannot go to ${other}` : 'no free phone field',
      });
  }
  for (const [slot, c] of slots)
    if (c.member && c.field !== slot)
      conflicts.push({
        field: c.field!,
        value: c.value,
        origin: origin(c),
        resolution: 'moved',
        movedTo: slot,
        reason: `${c.type} number placed in ${slot}`,
      });
  const values = PHONE_FIELDS.map((f): SurvivingValue => {
    const c = slots.get(f);
    return c
      ? { field: f, value: c.value, rule: c.member && !picks[f] ? rule : 'userPick', origin: origin(c) }
      : { field: f, value: null, rule, origin: USER_ORIGIN };
  });
  return { values, conflicts };
}
