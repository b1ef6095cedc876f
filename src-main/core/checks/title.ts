import type { Contact } from '../../../shared/domain';
import { STANDARD_TITLES } from '../../../shared/secutix/fields';
import type { Check, CheckContext, Finding } from './check';
import { finding } from './finding';
import { memo1 } from './memo';
import { isSingleCase, properCaseName } from './name-case';
import { readTitle, splitLeadingTitle } from './name-words';

const STANDARD: ReadonlySet<string> = new Set(STANDARD_TITLES);

/**
 * TITLE must be a civility code of the institution list (spec §3.2: MR, MRS, MISS, MR_AND_MRS,
 * UNDEFINED; institutions may add codes). Salutation words (`Herr`, `Mme`, `Mrs`, `Herr und Frau`,
 * `Sehr geehrte Frau Dr.`) become codes; a title typed into FIRSTNAME/LASTNAME (`Herr Hans`, or
 * `Frau` alone) moves to TITLE. `Ms` maps to MRS (no standard code of its own); academic titles
 * (Dr, Prof) are not civilities and are dropped. An empty TITLE is derived from a letter or
 * address salutation (`Sehr geehrte Frau Meier` → MRS).
 */
export const titleCheck: Check = {
  name: 'title',
  codes: ['title.normalize', 'title.unknown', 'title.in-name', 'title.from-salutation'],
  run(contact: Contact, _ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    const title = contact.data.TITLE?.trim();
    const fromName = titleInName(contact, title);
    if (fromName) out.push(fromName);
    if (title && !STANDARD.has(title)) out.push({ ...titleValueOf(title), rowId: contact.id });
    if ((!title || title === 'UNDEFINED') && !fromName) {
      const derived = titleFromSalutation(contact);
      if (derived) out.push(derived);
    }
    return out;
  },
};

// Few distinct TITLE values per file: computed once each (row id stamped by the caller).
const titleValueOf = memo1((title: string) => titleValue({ id: 0 }, title));

function titleValue(contact: Pick<Contact, 'id'>, title: string): Finding {
  const upper = title.toUpperCase().replace(/\s+/g, '_');
  if (STANDARD.has(upper))
    return finding(
      contact,
      'TITLE',
      'title.normalize',
      'warning',
      'Title "{value}" should be the code {code}.',
      { value: title, code: upper },
      { TITLE: upper },
      0.95,
    );
  const reading = readTitle(title);
  if (reading?.code)
    return finding(
      contact,
      'TITLE',
      'title.normalize',
      'warning',
      'Title "{value}" should be the code {code}.',
      { value: title, code: reading.code },
      { TITLE: reading.code },
      reading.complete ? 0.95 : 0.7,
    );
  if (reading)
    return finding(
      contact,
      'TITLE',
      'title.unknown',
      'warning',
      '"{value}" is an academic title, not a civility (MR, MRS, MISS, MR_AND_MRS).',
      { value: title },
    );
  // An upper-case code may be one of the institution's own (the list is extensible).
  const codeLike = /^[A-Z][A-Z0-9_]*$/.test(title);
  return finding(
    contact,
    'TITLE',
    'title.unknown',
    codeLike ? 'info' : 'warning',
    'Title "{value}" is not a standard code (MR, MRS, MISS, MR_AND_MRS, UNDEFINED).',
    { value: title },
  );
}

/**
 * The title read from one name value: pure in the value, and names repeat across rows, so
 * computed once per value (the results are shared: read them, never mutate them).
 */
const titleOfName = memo1((value: string) => {
  const split = splitLeadingTitle(value);
  // The whole value is a title under the same strict rules; one letter (`M`, `M.`) is an initial.
  const whole = !split && /\p{L}{2}/u.test(value) && splitLeadingTitle(`${value} X`)?.rest === 'X';
  const alone = whole ? readTitle(value) : undefined;
  return { split, alone };
});

/** `Herr Hans` in FIRSTNAME, `Mme Dupont` in LASTNAME, or `Frau` alone in FIRSTNAME. */
function titleInName(contact: Contact, title: string | undefined): Finding | undefined {
  for (const field of ['FIRSTNAME', 'LASTNAME'] as const) {
    const value = contact.data[field]?.trim();
    if (!value) continue;
    const { split, alone } = titleOfName(value);
    if (!split && !(alone?.code && alone.complete)) continue;
    const code = split ? readTitle(split.title)?.code : alone!.code;
    const rest = split ? (isSingleCase(split.rest) ? properCaseName(split.rest) : split.rest) : null;
    const suggestion: Record<string, string | null> = { [field]: rest };
    // Never overwrite a TITLE the user already filled with something else.
    if (code && (!title || !STANDARD.has(title) || title === 'UNDEFINED')) suggestion.TITLE = code;
    return finding(
      contact,
      field,
      'title.in-name',
      'warning',
      'Title "{title}" written in {field}: "{value}".',
      { title: split?.title ?? value, field, value },
      suggestion,
      0.85,
    );
  }
  return undefined;
}

/** TITLE from LETTER_SALUTATION / ADDR_SALUTATION when only those say who the person is. */
function titleFromSalutation(contact: Contact): Finding | undefined {
  for (const field of ['LETTER_SALUTATION', 'ADDR_SALUTATION'] as const) {
    const value = contact.data[field]?.trim();
    if (!value) continue;
    // `Sehr geehrte Frau Meier` → MRS, `Sehr geehrte Frau Meier und Herr Müller` → MR_AND_MRS.
    const code = readTitle(value)?.code;
    if (!code) continue;
    return finding(
      contact,
      'TITLE',
      'title.from-salutation',
      'info',
      'TITLE is empty; the salutation "{value}" says {code}.',
      { value, code },
      { TITLE: code },
      0.8,
    );
  }
  return undefined;
}
