/**
 * The SecuTix "Contact import Format (Extended)" field model: ONE declarative table of every
 * column (spec §3), in the documented order of spec §3.11. The validator, the mapping UI, the
 * export and docs/secutix-fields.md all read this table — never keep a second column list.
 *
 * Spec labels: `confidence` is 'confirmed' for [C] facts, 'inferred' for [I], 'conflict' for [X]
 * (page versions disagree; the value chosen here is explained in `notes`).
 */

/** How a value is checked and normalised (see value-rules.ts). */
export type FieldType =
  | 'text' // free text, at most maxLength characters
  | 'digits' // digits only, kept as text (leading zeros)
  | 'date' // dd.mm.yyyy (also dd/mm/yyyy, dd-mm-yyyy on input)
  | 'enum' // one of `allowed`
  | 'language' // ISO 639-1 lower-case code
  | 'country' // ISO 3166-1 alpha-2 upper-case code
  | 'addrtype' // any combination of M, S, B
  | 'email' // SecuTix's own lower-case regex (spec §3.6)
  | 'phone' // free phone text, SecuTix parses it (spec §3.6)
  | 'code' // institution-defined code (structure type, department…)
  | 'codevalue' // CODE=value[|value…] (spec §2.5)
  | 'url' // http:// URL
  | 'integer'; // non-negative whole number

/** Contact kinds a column applies to: I individual, S structure, R relay (structure+relay rows). */
export type KindLetter = 'I' | 'S' | 'R';

/**
 * What SecuTix does with an invalid value, per the spec:
 * - 'row-rejected': the row is not imported;
 * - 'field-ignored': only this field is dropped, the row is imported (BIRTHDATE, EMAIL);
 * - 'truncated': SecuTix cuts a too-long value (OFFICIAL_NAME, ADDRESS_NAME1) — we never truncate silently;
 * - 'unknown': not documented (spec §8.6); the export applies its configurable policy.
 */
export type InvalidEffect = 'row-rejected' | 'field-ignored' | 'truncated' | 'unknown';

export type FieldGroup =
  'global' | 'contact' | 'individual' | 'structure' | 'address' | 'communication' | 'criteria';

export type Confidence = 'confirmed' | 'inferred' | 'conflict';

export interface FieldLabels {
  en: string;
  fr: string;
  de: string;
}

export interface SecutixField {
  /** Column code exactly as SecuTix spells it in row 4 of the template. */
  code: string;
  /** 0-based position in the documented order (spec §3.11). */
  order: number;
  group: FieldGroup;
  type: FieldType;
  maxLength?: number;
  /** Closed list of allowed values (enum), or the standard values of an institution list (TITLE). */
  allowed?: readonly string[];
  /** True when `allowed` is only the standard list: institutions may define more codes. */
  allowedExtensible?: boolean;
  appliesTo: readonly KindLetter[];
  /** Mandatory on every row (INSTITUTION, ORGANIZATION). CONTACT_NR is mandatory except on INSERT. */
  mandatory?: boolean;
  onInvalid: InvalidEffect;
  /** Also for maxLength violations when it differs from onInvalid (OFFICIAL_NAME is truncated). */
  onTooLong?: InvalidEffect;
  /** Written as a text cell (`@` format) so Excel keeps leading zeros and never parses it. */
  textCell: boolean;
  confidence: Confidence;
  labels: FieldLabels;
  description: string;
  /** Where the spec says it, and any [I]/[X] decision taken here. */
  specRef: string;
  notes?: string;
}

export const OPERATIONS = [
  'INSERT',
  'UPDATE',
  'UPDATEACT',
  'INVALIDATE',
  'DELETE',
  'ANONYMIZE',
  'DROP',
  'CONFIG',
] as const;
/** Standard TITLE codes (spec §3.2); institutions may define more (allowedExtensible). */
export const STANDARD_TITLES = ['MR', 'MRS', 'MISS', 'MR_AND_MRS', 'UNDEFINED'] as const;
/** SecuTix criteria booleans (spec §3.7). */
export const BOOLEAN_VALUES = ['T', 'F'] as const;

// ISO 639-1 two-letter language codes (PREF_LANG, spec §3.3).
export const LANGUAGE_CODES: readonly string[] = (
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ' +
  'ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io ' +
  'is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ' +
  'ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si ' +
  'sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh ' +
  'yi yo za zh zu'
).split(' ');

type Def = Omit<SecutixField, 'order' | 'textCell'> & { textCell?: boolean };

const ALL: readonly KindLetter[] = ['I', 'S', 'R'];
const PERSON: readonly KindLetter[] = ['I', 'R'];
const STRUCT: readonly KindLetter[] = ['S'];

const l = (en: string, fr: string, de: string): FieldLabels => ({ en, fr, de });

const text = (
  code: string,
  group: FieldGroup,
  maxLength: number,
  appliesTo: readonly KindLetter[],
  labels: FieldLabels,
  description: string,
  specRef: string,
  extra: Partial<Def> = {},
): Def => ({
  code,
  group,
  type: 'text',
  maxLength,
  appliesTo,
  onInvalid: 'unknown',
  confidence: 'confirmed',
  labels,
  description,
  specRef,
  ...extra,
});

const phone = (code: string, labels: FieldLabels, description: string): Def => ({
  code,
  group: 'communication',
  type: 'phone',
  maxLength: 15,
  appliesTo: ALL,
  onInvalid: 'unknown',
  textCell: true,
  confidence: 'confirmed',
  labels,
  description,
  specRef: '§3.6 [C] S2-com',
});

const email = (code: string, n: number, confidence: Confidence): Def => ({
  code,
  group: 'communication',
  type: 'email',
  maxLength: 250,
  appliesTo: ALL,
  onInvalid: 'field-ignored',
  confidence,
  labels: l(`Email ${n}`, `E-mail ${n}`, `E-Mail ${n}`),
  description:
    n === 1
      ? 'Main email; becomes the ticket-shop login. Checked with SecuTix regex; an invalid email is dropped, the row is kept.'
      : `Email ${n}. Probably checked with the same regex as EMAIL1.`,
  specRef: n === 1 ? '§3.6 [C] S2-com' : '§3.6 [C] S2-com; regex [I]',
});

/** Column definitions in spec §3.11 order (COUNTRY before DEPARTMENT: the S2 address table's order). */
const DEFS: Def[] = [
  // §3.1 Global
  text(
    'INSTITUTION',
    'global',
    15,
    ALL,
    l('Institution', 'Institution', 'Institution'),
    'Institution code that owns the data.',
    '§3.1 [C] S2; [X] INSTIT in S2-ops',
    { mandatory: true },
  ),
  text(
    'ORGANIZATION',
    'global',
    8,
    ALL,
    l('Organization', 'Organisation', 'Organisation'),
    'Organization that owns the data; `*` = every organization of the institution.',
    '§3.1 [C] S2, S2-org',
    { mandatory: true, notes: 'Text 8 (S2-org changed it from 15); default value not known (§8.9).' },
  ),
  {
    code: 'OPERATION',
    group: 'global',
    type: 'enum',
    allowed: OPERATIONS,
    appliesTo: ALL,
    onInvalid: 'unknown',
    confidence: 'conflict',
    labels: l('Operation', 'Opération', 'Operation'),
    description:
      'What to do with the row: INSERT (default), UPDATE, UPDATEACT, INVALIDATE, DELETE, ANONYMIZE, DROP, CONFIG.',
    specRef: '§3.1a [C] S1, S2-ops; [X] S1 lists only CONFIG/INSERT/UPDATE',
    notes: 'Always written explicitly [I].',
  },
  // §3.2 Contact
  {
    code: 'CONTACT_NR',
    group: 'contact',
    type: 'digits',
    maxLength: 20,
    appliesTo: ALL,
    onInvalid: 'unknown',
    textCell: true,
    confidence: 'confirmed',
    labels: l('Contact number', 'Numéro de contact', 'Kontaktnummer'),
    description:
      'Digits only, leading zeros kept. Unique; empty on INSERT = SecuTix assigns one; mandatory for other operations.',
    specRef: '§3.2, §5 [C] S1, S2-contact',
  },
  {
    code: 'TITLE',
    group: 'contact',
    type: 'enum',
    maxLength: 200,
    allowed: STANDARD_TITLES,
    allowedExtensible: true,
    appliesTo: PERSON,
    onInvalid: 'unknown',
    confidence: 'conflict',
    labels: l('Title', 'Civilité', 'Anrede'),
    description: 'Civility code from the institution list (CONTACT_TITLE/ prefix removed).',
    specRef: '§3.2 [C] S1, S2-contact; [X] empty → UNDEFINED (S1) vs not imported (S2)',
    notes: 'Institution-specific codes are accepted when configured (extraTitles).',
  },
  text(
    'LETTER_SALUTATION',
    'contact',
    200,
    PERSON,
    l('Letter salutation', 'Formule de lettre', 'Briefanrede'),
    'Salutation used in letters; derived from TITLE and language when empty.',
    '§3.2 [C] S2-contact',
  ),
  text(
    'ADDR_SALUTATION',
    'contact',
    200,
    PERSON,
    l('Address salutation', "Formule d'adresse", 'Adressanrede'),
    'Address salutation; derived from TITLE and language when empty.',
    '§3.2 [C] S2-contact',
  ),
  text(
    'FUNCTION',
    'contact',
    1000,
    PERSON,
    l('Function', 'Fonction', 'Funktion'),
    'Job function.',
    '§3.2 [C] S2-contact',
  ),
  text(
    'REMARK',
    'contact',
    2000,
    ALL,
    l('Remark', 'Remarque', 'Bemerkung'),
    'Free remark; a `||` prefix appends to the existing remark.',
    '§3.2 [C] S2-contact',
  ),
  // §3.3 Individual
  text(
    'FIRSTNAME',
    'individual',
    100,
    PERSON,
    l('First name', 'Prénom', 'Vorname'),
    'First name; decides the row kind.',
    '§3.3, §1.2 [C] S2-contact',
  ),
  text(
    'LASTNAME',
    'individual',
    100,
    PERSON,
    l('Last name', 'Nom', 'Nachname'),
    'Last name; decides the row kind.',
    '§3.3, §1.2 [C] S2-contact',
  ),
  {
    code: 'BIRTHDATE',
    group: 'individual',
    type: 'date',
    maxLength: 10,
    appliesTo: PERSON,
    onInvalid: 'field-ignored',
    textCell: true,
    confidence: 'confirmed',
    labels: l('Birth date', 'Date de naissance', 'Geburtsdatum'),
    description:
      'dd.mm.yyyy (also dd/mm/yyyy, dd-mm-yyyy); a wrong format, impossible or future date drops only this field.',
    specRef: '§3.3 [C] S1',
    notes: 'Exported as dd.mm.yyyy.',
  },
  {
    code: 'PREF_LANG',
    group: 'individual',
    type: 'language',
    maxLength: 2,
    allowed: LANGUAGE_CODES,
    appliesTo: ALL,
    onInvalid: 'unknown',
    confidence: 'confirmed',
    labels: l('Preferred language', 'Langue préférée', 'Bevorzugte Sprache'),
    description: 'ISO 639-1 language code in lower case (en, fr, de…); goes to both structure and relay.',
    specRef: '§3.3 [C] S2-contact, S2-diff85; [X] old "country code" wording',
  },
  // §3.4 Structure
  text(
    'OFFICIAL_NAME',
    'structure',
    100,
    STRUCT,
    l('Official name', 'Raison sociale', 'Offizieller Name'),
    'Official structure name; decides the row kind; used for structure duplicate detection.',
    '§3.4 [C] S2-crit, S2-contact; [X] STRUCT_NAME in narrative',
    { onTooLong: 'truncated' },
  ),
  text(
    'ADDRESS_NAME1',
    'structure',
    38,
    STRUCT,
    l('Address name 1', "Nom d'adresse 1", 'Adressname 1'),
    'Structure name as printed on the address; taken from the official name when empty.',
    '§3.4 [C] S2-crit',
    { onTooLong: 'truncated' },
  ),
  text(
    'ADDRESS_NAME2',
    'structure',
    38,
    STRUCT,
    l('Address name 2', "Nom d'adresse 2", 'Adressname 2'),
    'Second address name line.',
    '§3.4 [C] S2-crit',
  ),
  {
    code: 'STRUCT_TYPE',
    group: 'structure',
    type: 'code',
    appliesTo: STRUCT,
    onInvalid: 'unknown',
    confidence: 'confirmed',
    labels: l('Structure type', 'Type de structure', 'Strukturtyp'),
    description: 'Structure type code, defined beforehand in SecuTix.',
    specRef: '§3.4 [C] S2-crit',
  },
  {
    code: 'COMMUNITY_TYPE',
    group: 'structure',
    type: 'code',
    appliesTo: STRUCT,
    onInvalid: 'unknown',
    confidence: 'confirmed',
    labels: l('Community type', 'Type de communauté', 'Gemeinschaftstyp'),
    description: 'Community type code; empty = no community.',
    specRef: '§3.4 [C] S2-crit',
  },
  {
    code: 'ADMIN_NUMBER',
    group: 'structure',
    type: 'codevalue',
    appliesTo: STRUCT,
    onInvalid: 'unknown',
    confidence: 'confirmed',
    labels: l('Administrative number', 'Numéro administratif', 'Verwaltungsnummer'),
    description:
      'TYPE=number (e.g. SIRET=404 833 048 00022), or the number alone after a CONFIG row. One per row.',
    specRef: '§3.4, §2.5 [C] S2-crit',
  },
  {
    code: 'NB_EMPLOYEES',
    group: 'structure',
    type: 'integer',
    appliesTo: STRUCT,
    onInvalid: 'unknown',
    confidence: 'confirmed',
    labels: l('Number of employees', "Nombre d'employés", 'Anzahl Mitarbeitende'),
    description: 'Number of employees.',
    specRef: '§3.4 [C] S2-crit',
  },
  {
    code: 'WEB_SITE',
    group: 'structure',
    type: 'url',
    maxLength: 255,
    appliesTo: STRUCT,
    onInvalid: 'unknown',
    confidence: 'conflict',
    labels: l('Website', 'Site web', 'Website'),
    description: 'Website URL starting with http:// (https:// untested, accepted by default).',
    specRef: '§3.4 [C] S2-crit; [X] 255 vs 2000; [I] https',
  },
  // §3.5 Address (applies to both structure and relay)
  {
    code: 'ADDR_TYPE',
    group: 'address',
    type: 'addrtype',
    maxLength: 3,
    appliesTo: ALL,
    onInvalid: 'unknown',
    confidence: 'confirmed',
    labels: l('Address type', "Type d'adresse", 'Adresstyp'),
    description: 'Any combination of M (main), S (shipment), B (billing); empty = all three.',
    specRef: '§3.5 [C] S2-addr, S2-com',
  },
  text(
    'LINE1',
    'address',
    100,
    ALL,
    l('Address line 1', "Ligne d'adresse 1", 'Adresszeile 1'),
    'Address line 1.',
    '§3.5 [C] S2-addr',
  ),
  text(
    'LINE2',
    'address',
    100,
    ALL,
    l('Address line 2', "Ligne d'adresse 2", 'Adresszeile 2'),
    'Address line 2.',
    '§3.5 [C] S2-addr',
  ),
  text(
    'LINE3',
    'address',
    100,
    ALL,
    l('Address line 3', "Ligne d'adresse 3", 'Adresszeile 3'),
    'Address line 3.',
    '§3.5 [C] S2-addr',
  ),
  text(
    'ZIPCODE',
    'address',
    10,
    ALL,
    l('Postcode', 'Code postal', 'PLZ'),
    'Postal code, kept as text.',
    '§3.5 [C] S2-addr',
    { textCell: true },
  ),
  text(
    'TOWN',
    'address',
    100,
    ALL,
    l('Town', 'Localité', 'Ort'),
    'Town; TOWN + TOWN_COMPLEMENT must stay under 100 characters.',
    '§3.5 [C] S2-addr v56/57; [X] older Text 20',
    { confidence: 'conflict' },
  ),
  text(
    'TOWN_COMPLEMENT',
    'address',
    100,
    ALL,
    l('Town complement', 'Complément de localité', 'Ortszusatz'),
    'Town complement; see TOWN.',
    '§3.5 [C] S2-addr',
  ),
  {
    code: 'COUNTRY',
    group: 'address',
    type: 'country',
    maxLength: 2,
    appliesTo: ALL,
    onInvalid: 'unknown',
    confidence: 'confirmed',
    labels: l('Country', 'Pays', 'Land'),
    description:
      'ISO 3166-1 alpha-2 code (GB, not UK); empty = institution country. Full names spelled as in SecuTix are not verifiable here.',
    specRef: '§3.5 [C] S2-addr, S2-com; [I] "EN" is a typo',
  },
  {
    code: 'DEPARTMENT',
    group: 'address',
    type: 'code',
    appliesTo: ALL,
    onInvalid: 'unknown',
    confidence: 'conflict',
    labels: l('Department', 'Département', 'Departement'),
    description: 'Administrative subdivision code (list supplied by SecuTix).',
    specRef: '§3.5 [C] S2-addr; [X] placed before COUNTRY in S1',
  },
  // §3.6 Communication means
  phone('TELEPHONE', l('Telephone', 'Téléphone', 'Telefon'), 'Landline.'),
  phone('FAX', l('Fax', 'Fax', 'Fax'), 'Fax; same rules as the landline.'),
  phone('CELLPHONE', l('Mobile', 'Portable', 'Mobiltelefon'), 'Mobile; same rules as the landline.'),
  email('EMAIL1', 1, 'confirmed'),
  email('EMAIL2', 2, 'inferred'),
  email('EMAIL3', 3, 'inferred'),
  // §3.7 Criteria: CRIT01 … CRIT50
  ...Array.from({ length: 50 }, (_, i): Def => {
    const n = String(i + 1).padStart(2, '0');
    return {
      code: `CRIT${n}`,
      group: 'criteria',
      type: 'codevalue',
      appliesTo: ALL,
      onInvalid: 'unknown',
      confidence: 'confirmed',
      labels: l(`Criterion ${n}`, `Critère ${n}`, `Kriterium ${n}`),
      description: 'CODE=value (several values joined with |); the code must exist in SecuTix.',
      specRef: '§3.7, §2.5 [C] S2-crit, S2-contact',
    };
  }),
];

export const SECUTIX_FIELDS: readonly SecutixField[] = DEFS.map((d, order) => ({
  ...d,
  order,
  textCell: d.textCell ?? false,
}));

export const FIELD_CODES: readonly string[] = SECUTIX_FIELDS.map((f) => f.code);

const BY_CODE = new Map(SECUTIX_FIELDS.map((f) => [f.code, f]));

/** The field of a column code (exact SecuTix spelling), or undefined for an unknown code. */
export function fieldByCode(code: string): SecutixField | undefined {
  return BY_CODE.get(code);
}

/** Legacy or unconfirmed column names (spec §3.10): recognised, never exported. */
export const LEGACY_CODES: Readonly<Record<string, string>> = {
  ROLE: 'ROLE (RELAY/PUBLIC) exists only in older versions of the format (spec §3.10).',
  STRUCT_NAME: 'STRUCT_NAME is the legacy name of OFFICIAL_NAME (spec §1.2, §3.10).',
  INSTIT: 'INSTIT is the older name of INSTITUTION (spec §3.10).',
  WEBSITE: 'WEBSITE is a legacy name; the column is WEB_SITE (spec §3.10).',
  STRUCSTRUCT_CODE: 'Legacy column from early drafts (spec §3.10).',
  STATE: 'No STATE column exists; DEPARTMENT is the only subdivision field (spec §3.9).',
  PHONE: 'The column is TELEPHONE (spec §3.9).',
  MOBILE: 'The column is CELLPHONE (spec §3.9).',
  EMAIL: 'The column is EMAIL1 (spec §3.9).',
  STREET1: 'The column is LINE1 (spec §3.9).',
  LANGUAGE: 'The column is PREF_LANG (spec §3.9).',
};

/** Fields whose values decide the contact kind (spec §1.2). */
export const PERSON_NAME_CODES = ['FIRSTNAME', 'LASTNAME'] as const;
export const STRUCTURE_NAME_CODE = 'OFFICIAL_NAME';
