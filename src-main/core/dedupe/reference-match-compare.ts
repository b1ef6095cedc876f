import type { ContactData } from '../../../shared/domain';
import { bundledNicknames } from './nicknames';
import {
  normCompany,
  normCountry,
  normDate,
  normEmail,
  normName,
  normPhone,
  normStreet,
  normZip,
} from './normalize-fields';
import { jaroWinkler } from './similarity';
import type { MatchExplanation } from '../../../shared/contract/merge';
export type { MatchExplanation } from '../../../shared/contract/merge';

/**
 * Matching a workspace contact against one existing SecuTix contact. Reuses the detection
 * normalisers and similarities (normalize-fields, similarity, nicknames) so both sides agree on
 * what "the same email/phone/name" means. Unlike detection (a calibrated model over a whole run),
 * an existing-contact match must be decided contact by contact and explained to the customer,
 * so the decision is a small set of readable rules over per-field evidence.
 */

export type Evidence = 'exact' | 'similar' | 'different' | 'missing';

export interface ReferenceComparison {
  band: 'sure' | 'review' | 'none';
  score: number;
  reason: string;
  explanation: MatchExplanation[];
}

const EMAILS = ['EMAIL1', 'EMAIL2', 'EMAIL3'];
const PHONES = ['TELEPHONE', 'CELLPHONE'];

function countryOf(d: ContactData): string {
  return normCountry(d.COUNTRY ?? '') || 'CH';
}

export function emailsOf(d: ContactData): string[] {
  return EMAILS.map((f) => (d[f] ? normEmail(d[f]) : '')).filter((e) => e.includes('@'));
}

export function phonesOf(d: ContactData): string[] {
  const cc = countryOf(d);
  return PHONES.map((f) => (d[f] ? normPhone(d[f], cc) : '')).filter(Boolean);
}

/**
 * Blocking keys: a reference contact is a candidate when it shares one. Email and phone find
 * people who moved; last name + postcode and last name + birthdate find people who changed
 * their email; structure name + postcode finds structures.
 */
export function blockingKeys(d: ContactData): string[] {
  const keys = new Set<string>();
  for (const e of emailsOf(d)) keys.add(`e:${e}`);
  for (const p of phonesOf(d)) keys.add(`p:${p}`);
  const last = normName(d.LASTNAME ?? '');
  const zip = normZip(d.ZIPCODE ?? '');
  const birth = normDate(d.BIRTHDATE ?? '');
  if (last && zip) keys.add(`n:${last}|${zip}`);
  if (last && birth) keys.add(`b:${last}|${birth}`);
  const org = normCompany(d.OFFICIAL_NAME ?? '');
  if (org && zip) keys.add(`s:${org}|${zip}`);
  return [...keys];
}

function textEvidence(a: string, b: string, threshold: number): Evidence {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  return jaroWinkler(a, b) >= threshold ? 'similar' : 'different';
}

/** Given names agree when equal, nicknames (Hans/Johannes), an initial (J./Jean) or close typos. */
function firstNameEvidence(a: string, b: string): Evidence {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  if (bundledNicknames().match(a, b)) return 'similar';
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 'similar';
  return jaroWinkler(a, b) >= 0.9 ? 'similar' : 'different';
}

function overlap(a: string[], b: string[]): Evidence {
  if (!a.length || !b.length) return 'missing';
  return a.some((x) => b.includes(x)) ? 'exact' : 'different';
}

const POINTS: Record<string, Record<Evidence, number>> = {
  email: { exact: 4, similar: 0, different: -0.5, missing: 0 },
  phone: { exact: 3, similar: 0, different: -0.5, missing: 0 },
  lastName: { exact: 2, similar: 1.5, different: -4, missing: 0 },
  firstName: { exact: 2, similar: 1, different: -2.5, missing: 0 },
  birthdate: { exact: 3, similar: 0, different: -3, missing: 0 },
  officialName: { exact: 3, similar: 2, different: -4, missing: 0 },
  zipcode: { exact: 1, similar: 0, different: -0.5, missing: 0 },
  street: { exact: 1.5, similar: 1, different: -0.5, missing: 0 },
};

/** Compares a workspace contact with an existing SecuTix contact; explains every field. */
export function compareWithReference(w: ContactData, r: ContactData): ReferenceComparison {
  const ev = {
    email: overlap(emailsOf(w), emailsOf(r)),
    phone: overlap(phonesOf(w), phonesOf(r)),
    lastName: textEvidence(normName(w.LASTNAME ?? ''), normName(r.LASTNAME ?? ''), 0.92),
    firstName: firstNameEvidence(normName(w.FIRSTNAME ?? ''), normName(r.FIRSTNAME ?? '')),
    birthdate: textEvidence(normDate(w.BIRTHDATE ?? ''), normDate(r.BIRTHDATE ?? ''), 2),
    officialName: textEvidence(normCompany(w.OFFICIAL_NAME ?? ''), normCompany(r.OFFICIAL_NAME ?? ''), 0.92),
    zipcode: textEvidence(normZip(w.ZIPCODE ?? ''), normZip(r.ZIPCODE ?? ''), 2),
    street: textEvidence(normStreet(w.LINE1 ?? ''), normStreet(r.LINE1 ?? ''), 0.92),
  };
  const explanation: MatchExplanation[] = Object.entries(ev).map(([field, evidence]) => ({
    field,
    evidence,
    points: POINTS[field]![evidence],
  }));
  const score = explanation.reduce((s, e) => s + e.points, 0);
  const agree = (e: Evidence) => e === 'exact' || e === 'similar';
  const contact = ev.email === 'exact' || ev.phone === 'exact';
  const place = ev.zipcode === 'exact' && agree(ev.street);
  const person = Boolean(w.LASTNAME || w.FIRSTNAME) && Boolean(r.LASTNAME || r.FIRSTNAME);
  const structure = Boolean(w.OFFICIAL_NAME) && Boolean(r.OFFICIAL_NAME);
  const out = (band: ReferenceComparison['band'], reason: string) => ({ band, score, reason, explanation });

  if (person) {
    if (Boolean(w.OFFICIAL_NAME) !== Boolean(r.OFFICIAL_NAME))
      return out(contact ? 'review' : 'none', 'a relay of a structure and a private person');
    if (structure && ev.officialName === 'different') return out('none', 'different structures');
    if (!agree(ev.lastName)) {
      // Same mailbox or phone, other surname: a married name or a family member — a person decides.
      return out(contact && agree(ev.firstName) ? 'review' : 'none', 'last names differ');
    }
    if (ev.birthdate === 'different') return out('review', 'birthdates differ');
    if (ev.firstName === 'different')
      return out(contact || place ? 'review' : 'none', 'first names differ (shared email/phone or address)');
    if (contact || ev.birthdate === 'exact' || place)
      return out('sure', 'same person and a shared email, phone, birthdate or address');
    if (ev.zipcode === 'exact' && ev.firstName !== 'missing')
      return out('review', 'same name and postcode only');
    return out('none', 'name only');
  }
  if (structure) {
    if (!agree(ev.officialName)) return out('none', 'different structure names');
    if (ev.zipcode === 'exact' || contact)
      return out('sure', 'same structure name and postcode, email or phone');
    return out('review', 'same structure name only');
  }
  return out('none', 'no name to compare');
}
