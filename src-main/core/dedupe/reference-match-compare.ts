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
import { jaroWinkler, osaDistance } from './similarity';
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

/** A contact's comparison form, computed once per contact (not once per candidate pair). */
export interface MatchFeatures {
  emails: string[];
  phones: string[];
  last: string;
  first: string;
  birth: string;
  org: string;
  zip: string;
  street: string;
  person: boolean;
}

export function matchFeatures(d: ContactData): MatchFeatures {
  const cc = normCountry(d.COUNTRY ?? '') || 'CH';
  return {
    emails: EMAILS.map((f) => (d[f] ? normEmail(d[f]) : '')).filter((e) => e.includes('@')),
    phones: PHONES.map((f) => (d[f] ? normPhone(d[f], cc) : '')).filter(Boolean),
    last: normName(d.LASTNAME ?? ''),
    first: normName(d.FIRSTNAME ?? ''),
    birth: normDate(d.BIRTHDATE ?? ''),
    org: normCompany(d.OFFICIAL_NAME ?? ''),
    zip: normZip(d.ZIPCODE ?? ''),
    street: normStreet(d.LINE1 ?? ''),
    person: Boolean(d.LASTNAME || d.FIRSTNAME),
  };
}

/**
 * Blocking keys: a reference contact is a candidate when it shares one. Email and phone find
 * people who moved; last name + postcode and last name + birthdate find people who changed
 * their email; structure name + postcode finds structures.
 */
export function blockingKeys(d: ContactData): string[] {
  return featureKeys(matchFeatures(d));
}

export function featureKeys(f: MatchFeatures): string[] {
  const keys = new Set<string>();
  for (const e of f.emails) keys.add(`e:${e}`);
  for (const p of f.phones) keys.add(`p:${p}`);
  if (f.last && f.zip) keys.add(`n:${f.last}|${f.zip}`);
  if (f.last && f.birth) keys.add(`b:${f.last}|${f.birth}`);
  // A typo in one of name, postcode or birthdate still leaves a key made of the other two.
  if (f.last && f.first) keys.add(`m:${f.last}|${f.first}`);
  if (f.first && f.birth) keys.add(`f:${f.first}|${f.birth}`);
  if (f.birth && f.zip) keys.add(`d:${f.birth}|${f.zip}`);
  if (f.org && f.zip) keys.add(`s:${f.org}|${f.zip}`);
  return [...keys];
}

function textEvidence(a: string, b: string, threshold: number): Evidence {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  return jaroWinkler(a, b) >= threshold ? 'similar' : 'different';
}

/** Surnames agree when close by Jaro-Winkler or by typed letters (Webb/Webv, Grosser/Gryosler). */
function lastNameEvidence(a: string, b: string): Evidence {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  if (jaroWinkler(a, b) >= 0.92) return 'similar';
  const allowed = Math.min(a.length, b.length) >= 7 ? 2 : 1;
  return Math.min(a.length, b.length) >= 4 && osaDistance(a, b, allowed) <= allowed ? 'similar' : 'different';
}

/** Given names agree when equal, nicknames (Hans/Johannes), an initial (J./Jean) or close typos. */
function firstNameEvidence(a: string, b: string): Evidence {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  if (bundledNicknames().match(a, b)) return 'similar';
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 'similar';
  return jaroWinkler(a, b) >= 0.9 ? 'similar' : 'different';
}

/** yyyymmdd dates: day/month swapped or one typed digit wrong is 'similar' (as in detection). */
function dateEvidence(a: string, b: string): Evidence {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  const swapped =
    a.length === 8 &&
    b.length === 8 &&
    a.slice(0, 4) === b.slice(0, 4) &&
    a.slice(4, 6) === b.slice(6, 8) &&
    a.slice(6, 8) === b.slice(4, 6);
  return swapped || osaDistance(a, b, 1) <= 1 ? 'similar' : 'different';
}

/** Postcodes: one typo (transposed or wrong digit) is 'similar'. */
function zipEvidence(a: string, b: string): Evidence {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  return osaDistance(a, b, 1) <= 1 ? 'similar' : 'different';
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
  birthdate: { exact: 3, similar: 1, different: -3, missing: 0 },
  officialName: { exact: 3, similar: 2, different: -4, missing: 0 },
  zipcode: { exact: 1, similar: 0.5, different: -0.5, missing: 0 },
  street: { exact: 1.5, similar: 1, different: -0.5, missing: 0 },
};

/** Compares a workspace contact with an existing SecuTix contact; explains every field. */
export function compareWithReference(w: ContactData, r: ContactData): ReferenceComparison {
  return compareFeatures(matchFeatures(w), matchFeatures(r));
}

/** The comparison on precomputed features (a run normalises each contact once). */
export function compareFeatures(w: MatchFeatures, r: MatchFeatures): ReferenceComparison {
  const ev = {
    email: overlap(w.emails, r.emails),
    phone: overlap(w.phones, r.phones),
    lastName: lastNameEvidence(w.last, r.last),
    firstName: firstNameEvidence(w.first, r.first),
    birthdate: dateEvidence(w.birth, r.birth),
    officialName: textEvidence(w.org, r.org, 0.92),
    zipcode: zipEvidence(w.zip, r.zip),
    street: textEvidence(w.street, r.street, 0.92),
  };
  // First and last name swapped between the files ("Paterson Madeleine"): both agree, weakly.
  if (w.first && w.last && w.first !== w.last && w.first === r.last && w.last === r.first) {
    ev.lastName = 'similar';
    ev.firstName = 'similar';
  }
  const explanation: MatchExplanation[] = Object.entries(ev).map(([field, evidence]) => ({
    field,
    evidence,
    points: POINTS[field]![evidence],
  }));
  const score = explanation.reduce((s, e) => s + e.points, 0);
  const agree = (e: Evidence) => e === 'exact' || e === 'similar';
  const contact = ev.email === 'exact' || ev.phone === 'exact';
  const place = agree(ev.zipcode) && agree(ev.street);
  const person = w.person && r.person;
  const structure = Boolean(w.org) && Boolean(r.org);
  const out = (band: ReferenceComparison['band'], reason: string) => ({ band, score, reason, explanation });

  if (person) {
    if (Boolean(w.org) !== Boolean(r.org))
      return out(contact ? 'review' : 'none', 'a relay of a structure and a private person');
    if (structure && ev.officialName === 'different') return out('none', 'different structures');
    if (!agree(ev.lastName)) {
      // Same first name with the same mailbox/phone, or the same birthdate and address, under
      // another surname: a married name or a family member — a person decides.
      const sameLife = ev.birthdate === 'exact' && (agree(ev.zipcode) || agree(ev.street));
      return out(agree(ev.firstName) && (contact || sameLife) ? 'review' : 'none', 'last names differ');
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
