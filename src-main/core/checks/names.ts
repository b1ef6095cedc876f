import type { Contact } from '../../../shared/domain';
import { namesOf, sharedNames } from '../reference';
import type { NameReference } from '../reference/name-reference';
import type { Check, CheckContext, Finding } from './check';
import { finding } from './finding';
import { memo1 } from './memo';
import { isSingleCase, properCaseName, startsWithParticle } from './name-case';
import { isJunkName, organisationMarker, splitLeadingTitle } from './name-words';

const PERSON_FIELDS = ['FIRSTNAME', 'LASTNAME'] as const;

/**
 * FIRSTNAME / LASTNAME quality: placeholders (`test`, `n/a`), digits, ALL-CAPS or all-lower
 * casing, swapped first and last name, and a full name typed into one of the two fields.
 * Uses the first/last name lists of resources/names; a name missing from the lists is never
 * flagged for that alone. Titles (`Herr Hans`) and company names are the title and kind checks'.
 */
export const namesCheck: Check = {
  name: 'names',
  codes: ['name.junk', 'name.digits', 'name.case', 'name.swapped', 'name.full-name-in-one-field'],
  load: sharedNames,
  run(contact: Contact, ctx: CheckContext): Finding[] {
    const names = namesOf(ctx.resources.names);
    const out: Finding[] = [];
    const usable: Partial<Record<(typeof PERSON_FIELDS)[number], string>> = {};
    for (const field of PERSON_FIELDS) {
      const value = contact.data[field]?.trim();
      if (!value) continue;
      const cached = FIELD_FINDING_OF[field](value);
      const f = cached && {
        ...cached,
        rowId: contact.id,
        suggestion: cached.suggestion && { ...cached.suggestion },
      };
      if (f) out.push(f);
      if (f?.code !== 'name.junk' && f?.code !== 'name.digits') usable[field] = value;
    }
    const first = usable.FIRSTNAME;
    const last = usable.LASTNAME;
    if (first && last) {
      const swap = swapped(names, first, last);
      if (swap)
        out.push(
          finding(
            contact,
            'FIRSTNAME',
            'name.swapped',
            'warning',
            'First and last name look swapped: "{first}" / "{last}".',
            { first, last },
            { FIRSTNAME: last, LASTNAME: first },
            swap,
          ),
        );
    } else if (first || last) {
      const f = fullNameInOneField(contact, names, first ? 'FIRSTNAME' : 'LASTNAME', (first ?? last)!);
      if (f) out.push(f);
    }
    return out;
  },
};

// First names (and many last names) repeat across rows: one computation per field and value
// (one cache per field: no key string is built per row).
const FIELD_FINDING_OF = {
  FIRSTNAME: memo1((value: string) => fieldFinding({ id: 0 }, 'FIRSTNAME', value)),
  LASTNAME: memo1((value: string) => fieldFinding({ id: 0 }, 'LASTNAME', value)),
} as const;

function fieldFinding(contact: Pick<Contact, 'id'>, field: string, value: string): Finding | undefined {
  if (isJunkName(value))
    return finding(
      contact,
      field,
      'name.junk',
      'warning',
      '"{value}" is a placeholder, not a name.',
      { value },
      { [field]: null },
      0.8,
    );
  if (/\d/.test(value)) {
    const stripped = value.replace(/\d+/g, ' ').replace(/\s+/g, ' ').trim();
    const ok = /\p{L}{2,}/u.test(stripped) && !isJunkName(stripped);
    return finding(
      contact,
      field,
      'name.digits',
      'warning',
      'Name "{value}" contains digits.',
      { value },
      ok ? { [field]: stripped } : undefined,
      ok ? 0.6 : 1,
    );
  }
  // `HERR HANS`: the title check moves the title out and fixes the case in one suggestion.
  if (splitLeadingTitle(value) || organisationMarker(value)) return undefined;
  if (isSingleCase(value)) {
    const suggested = properCaseName(value);
    if (suggested !== value)
      return finding(
        contact,
        field,
        'name.case',
        'info',
        'Name "{value}" should be written "{suggested}".',
        { value, suggested },
        { [field]: suggested },
        startsWithParticle(value) ? 0.7 : 0.9,
      );
  }
  return undefined;
}

/** Every word of the value is a known first name (`Jean-Pierre`, `Anna Maria`). */
function isFirstNameValue(names: NameReference, value: string): boolean {
  if (names.isFirstName(value)) return true;
  const words = value.split(/[\s-]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => names.isFirstName(w));
}

const FIRST = 1;
const LAST = 2;
const MAX_FLAGS = 50_000;
const flagCache = new WeakMap<NameReference, Map<string, number>>();

/**
 * isFirstNameValue (FIRST) and isLastName (LAST) of a value as bits, cached per name list and
 * value: both lookups normalise the value, and names repeat across rows. Cleared when full.
 */
function nameFlags(names: NameReference, value: string): number {
  let cache = flagCache.get(names);
  if (!cache) flagCache.set(names, (cache = new Map()));
  let flags = cache.get(value);
  if (flags === undefined) {
    if (cache.size >= MAX_FLAGS) cache.clear();
    flags = (isFirstNameValue(names, value) ? FIRST : 0) | (names.isLastName(value) ? LAST : 0);
    cache.set(value, flags);
  }
  return flags;
}

/**
 * Confidence that first and last name were entered the wrong way round, or undefined: the last
 * name must be a known first name that the first name is not, and the first name a known surname.
 * (An unknown first name next to a first-name surname — `Ainsley Reid` — is too common to flag.)
 */
function swapped(names: NameReference, first: string, last: string): number | undefined {
  const firstFlags = nameFlags(names, first);
  const lastFlags = nameFlags(names, last);
  if (!(lastFlags & FIRST) || firstFlags & FIRST || !(firstFlags & LAST)) return undefined;
  return lastFlags & LAST ? 0.6 : 0.85;
}

/** `Jean Dupont` typed in LASTNAME (or FIRSTNAME) with the other field empty. */
function fullNameInOneField(
  contact: Contact,
  names: NameReference,
  field: 'FIRSTNAME' | 'LASTNAME',
  value: string,
): Finding | undefined {
  const words = value.split(/\s+/);
  if (words.length < 2 || words.length > 4 || organisationMarker(value) || splitLeadingTitle(value))
    return undefined;
  const [head, ...tail] = words as [string, ...string[]];
  const rest = tail.join(' ');
  if (!names.isFirstName(head) || isFirstNameValue(names, rest)) return undefined;
  const restIsSurname = names.isLastName(rest);
  const headIsSurname = names.isLastName(head);
  if (!restIsSurname && headIsSurname) return undefined;
  const confidence = restIsSurname && !headIsSurname ? 0.8 : 0.6;
  return finding(
    contact,
    field,
    'name.full-name-in-one-field',
    'warning',
    '"{value}" looks like first and last name in one field.',
    { value },
    { FIRSTNAME: head, LASTNAME: rest },
    confidence,
  );
}
