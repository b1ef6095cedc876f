import type { Contact } from '../../../shared/domain';
import { foldKey } from './name-words';
import { namesOf, sharedNames } from '../reference';
import type { Check, CheckContext, Finding } from './check';
import { finding } from './finding';
import { organisationMarker } from './name-words';

/**
 * Individual vs structure (spec §1.2: the filled name columns decide the kind). A company or
 * association name in FIRSTNAME/LASTNAME (`Müller AG`, `Verein Musikfreunde`) belongs in
 * OFFICIAL_NAME; a structure row whose official name is just a person's name is probably an
 * individual; a relay whose last name repeats the official name is the structure twice.
 * Rows whose kind the user set by hand (kindOverride) are left alone.
 */
export const kindCheck: Check = {
  name: 'kind',
  codes: ['kind.organisation-in-person-name', 'kind.person-in-official-name', 'kind.official-name-repeated'],
  load: sharedNames,
  run(contact: Contact, ctx: CheckContext): Finding[] {
    if (contact.kindOverride) return [];
    const first = contact.data.FIRSTNAME?.trim() ?? '';
    const last = contact.data.LASTNAME?.trim() ?? '';
    const official = contact.data.OFFICIAL_NAME?.trim() ?? '';
    const person = [first, last].filter(Boolean).join(' ');
    if (person && !official) {
      const f = organisationInPersonName(contact, ctx, first, last);
      return f ? [f] : [];
    }
    if (person && official) {
      const repeated = [last, person, [last, first].filter(Boolean).join(' ')].some(
        (v) => foldKey(v) === foldKey(official),
      );
      if (!repeated) return [];
      return [
        finding(
          contact,
          'LASTNAME',
          'kind.official-name-repeated',
          'warning',
          'The person name repeats the structure name "{official}": a relay with the company’s name.',
          { official },
          { FIRSTNAME: null, LASTNAME: null },
          0.8,
        ),
      ];
    }
    if (official) {
      const f = personInOfficialName(contact, ctx, official);
      return f ? [f] : [];
    }
    return [];
  },
};

function organisationInPersonName(
  contact: Contact,
  ctx: CheckContext,
  first: string,
  last: string,
): Finding | undefined {
  const joined = [first, last].filter(Boolean).join(' ');
  // One scan of the whole name; which field holds the marker is only asked when there is one.
  if (!organisationMarker(joined)) return undefined;
  const inLast = last ? organisationMarker(last) : undefined;
  const inFirst = first ? organisationMarker(first) : undefined;
  const marker = inLast ?? inFirst ?? organisationMarker(joined);
  if (!marker) return undefined;
  // `Freya Canton`: a surname that happens to be an organisation word, next to a real first name.
  if (marker === foldKey(last) && first && namesOf(ctx.resources.kind).isFirstName(first)) return undefined;
  const message = '"{name}" looks like an organisation ("{marker}"): put it in OFFICIAL_NAME (structure).';
  // `Hans` + `Müller AG`: the organisation is in LASTNAME and FIRSTNAME is a person, kept as relay.
  if (inLast && first && !inFirst && namesOf(ctx.resources.kind).isFirstName(first))
    return finding(
      contact,
      'LASTNAME',
      'kind.organisation-in-person-name',
      'warning',
      message,
      { name: last, marker },
      { OFFICIAL_NAME: last, LASTNAME: null },
      0.6,
    );
  const field = last ? 'LASTNAME' : 'FIRSTNAME';
  const suggestion: Record<string, string | null> = { OFFICIAL_NAME: joined };
  if (first) suggestion.FIRSTNAME = null;
  if (last) suggestion.LASTNAME = null;
  return finding(
    contact,
    field,
    'kind.organisation-in-person-name',
    'warning',
    message,
    { name: joined, marker },
    suggestion,
    first && last ? 0.7 : 0.85,
  );
}

/** `Jean Dupont` as the only name of a structure: first word a known first name, no company word. */
function personInOfficialName(contact: Contact, ctx: CheckContext, official: string): Finding | undefined {
  const words = official.split(/\s+/);
  if (words.length < 2 || words.length > 3 || organisationMarker(official) || /[\d&@/]/.test(official))
    return undefined;
  const names = namesOf(ctx.resources.kind);
  const [head, ...tail] = words as [string, ...string[]];
  const rest = tail.join(' ');
  const restIsSurname = names.isLastName(rest);
  if (
    !names.isFirstName(head) ||
    !restIsSurname ||
    tail.some((w) => names.isFirstName(w) && !names.isLastName(w))
  )
    return undefined;
  return finding(
    contact,
    'OFFICIAL_NAME',
    'kind.person-in-official-name',
    'info',
    'Structure name "{value}" looks like a person: an individual?',
    { value: official },
    { FIRSTNAME: head, LASTNAME: rest, OFFICIAL_NAME: null },
    names.isLastName(head) ? 0.5 : 0.7,
  );
}
