/** Word lists for the name, title and kind checks (pure data, EN/FR/DE/IT). */
import { normalizeKey } from '../../../shared/text/normalize';
import { memo1 } from './memo';

/** normalizeKey with a fast path for plain ASCII, which needs no NFD pass (checks run per row). */
export function foldKey(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(value) ? value.toLowerCase().replace(/\s+/g, ' ').trim() : normalizeKey(value);
}

/** Placeholder values people type when they do not know a field (compared with normalizeKey). */
const JUNK_VALUES = new Set([
  'test',
  'tests',
  'testing',
  'xxx',
  'xx',
  'x',
  'xxxx',
  'n/a',
  'na',
  'n.a.',
  'n.a',
  'nan',
  'none',
  'null',
  'nil',
  'unknown',
  'inconnu',
  'inconnue',
  'unbekannt',
  'sconosciuto',
  'keine angabe',
  'k.a.',
  '-',
  '--',
  '---',
  '.',
  '..',
  '...',
  '?',
  '??',
  '???',
  '/',
  'asdf',
  'qwert',
  'qwertz',
  'qwerty',
  'aaa',
  'abc',
  'dummy',
  'sample',
  'fake',
  'foo',
  'bar',
  'blah',
  'bla',
  'no name',
  'noname',
  'sans nom',
  'ohne name',
  'vide',
  'leer',
  'empty',
  'undefined',
  'tbd',
  'todo',
  'nom',
  'prenom',
  'name',
  'vorname',
  'nachname',
  'firstname',
  'lastname',
]);

/**
 * A name value that is a placeholder: listed junk, punctuation only, or one character repeated
 * (`aaaa`, `zzz`). A single letter is an initial and stays valid.
 */
export function isJunkName(value: string): boolean {
  const key = foldKey(value);
  if (JUNK_VALUES.has(key)) return true;
  if (!/\p{L}|\d/u.test(key)) return true;
  return /^(\p{L})\1{2,}$/u.test(key.replace(/\s/g, ''));
}

export type TitleCode = 'MR' | 'MRS' | 'MISS' | 'MR_AND_MRS';

/** Civility words → SecuTix TITLE codes (spec §3.2). Keys are normalizeKey'd with dots removed. */
const CIVILITY: Record<string, TitleCode> = {
  herr: 'MR',
  hr: 'MR',
  m: 'MR',
  monsieur: 'MR',
  mr: 'MR',
  mister: 'MR',
  sir: 'MR',
  signor: 'MR',
  signore: 'MR',
  sig: 'MR',
  sr: 'MR',
  senor: 'MR',
  dhr: 'MR',
  heer: 'MR',
  messieurs: 'MR',
  herrn: 'MR',
  frau: 'MRS',
  fr: 'MRS',
  mme: 'MRS',
  madame: 'MRS',
  mrs: 'MRS',
  ms: 'MRS',
  madam: 'MRS',
  signora: 'MRS',
  sigra: 'MRS',
  sra: 'MRS',
  senora: 'MRS',
  mevr: 'MRS',
  mevrouw: 'MRS',
  dame: 'MRS',
  mlle: 'MISS',
  mademoiselle: 'MISS',
  miss: 'MISS',
  fraulein: 'MISS',
  frl: 'MISS',
  signorina: 'MISS',
  signa: 'MISS',
  srta: 'MISS',
};

/** Academic and other honorifics: not a SecuTix civility, dropped when a civility is also there. */
const HONORIFICS = new Set([
  'dr',
  'prof',
  'professor',
  'professeur',
  'professore',
  'doktor',
  'docteur',
  'dott',
  'ing',
  'dipl',
  'mag',
  'me',
  'maitre',
  'lic',
]);

/** Words of a salutation that carry no civility (`Sehr geehrte Frau`, `Dear Mr`, `Cher Monsieur`). */
const FILLERS = new Set([
  'sehr',
  'geehrte',
  'geehrter',
  'liebe',
  'lieber',
  'dear',
  'cher',
  'chere',
  'gentile',
  'egregio',
  'gentilissima',
  'the',
]);
/** `Herr und Frau`: a couple. Without a connector (`Madame, Monsieur`) it is a generic salutation. */
const CONNECTORS = new Set(['und', 'et', 'and', 'e', 'y', '&', '+', 'u']);

const titleKey = (word: string) => foldKey(word).replace(/\./g, '');

export function civilityOf(word: string): TitleCode | undefined {
  const key = titleKey(word);
  return Object.hasOwn(CIVILITY, key) ? CIVILITY[key] : undefined;
}

export function isHonorific(word: string): boolean {
  return HONORIFICS.has(titleKey(word));
}

export interface TitleReading {
  /** The civility, or undefined when only honorifics (`Dr`) were found. */
  code?: TitleCode;
  /** True when every word was understood (civility, honorific or salutation filler). */
  complete: boolean;
}

/**
 * Reads a salutation cell: `Herr` → MR, `Mme` → MRS, `Herr und Frau` / `M. et Mme` → MR_AND_MRS,
 * `Sehr geehrte Frau Dr.` → MRS, `Dr.` → no code. Undefined when no civility or honorific word is found.
 */
function readTitleUncached(value: string): TitleReading | undefined {
  const words = value
    .replace(/,/g, ', ')
    .replace(/\.(?=\p{Lu})/gu, '. ')
    .split(/[\s/,]+/)
    .filter(Boolean);
  const codes = new Set<TitleCode>();
  let honorific = false;
  let complete = true;
  let couple = false;
  for (const w of words) {
    const c = civilityOf(w);
    if (c) codes.add(c);
    else if (isHonorific(w)) honorific = true;
    else if (CONNECTORS.has(titleKey(w))) couple = true;
    else if (!FILLERS.has(titleKey(w))) complete = false;
  }
  if (codes.size === 0) return honorific ? { complete } : undefined;
  if (codes.has('MR') && (codes.has('MRS') || codes.has('MISS')))
    return couple ? { code: 'MR_AND_MRS', complete } : { complete: false };
  if (codes.size > 1) return { code: 'MRS', complete: false };
  return { code: [...codes][0]!, complete };
}

/** Legal-form suffixes, matched case-sensitively as whole words (`AG`, not `ag` in a name). */
const LEGAL_FORMS =
  /(?:^|[\s,(])(AG|SA|S\.A\.|GmbH|GMBH|Sàrl|SÀRL|Sarl|SARL|S\.à\s?r\.l\.|Ltd\.?|LTD|Limited|Inc\.?|INC|Corp\.?|LLC|SRL|S\.r\.l\.|Srl|SpA|SPA|S\.p\.A\.|BV|B\.V\.|NV|N\.V\.|KG|OHG|e\.\s?V\.|SAS|EURL|SCI|SNC|plc|PLC|Genossenschaft|Coop|Cie|& Co\.?|KGaA|UG)(?=$|[\s,.)])/u;

/** Organisation words (case-insensitive, accents ignored, whole words). */
const ORG_WORDS = new Set([
  'association',
  'assoc',
  'asso',
  'verein',
  'club',
  'fondation',
  'stiftung',
  'foundation',
  'fondazione',
  'ecole',
  'schule',
  'school',
  'scuola',
  'gemeinde',
  'commune',
  'comune',
  'municipalite',
  'municipality',
  'universite',
  'universitat',
  'university',
  'universita',
  'hopital',
  'spital',
  'hospital',
  'ospedale',
  'klinik',
  'clinique',
  'eglise',
  'kirche',
  'paroisse',
  'pfarrei',
  'theatre',
  'theater',
  'teatro',
  'museum',
  'musee',
  'museo',
  'orchestre',
  'orchester',
  'orchestra',
  'chorale',
  'societe',
  'gesellschaft',
  'society',
  'societa',
  'company',
  'compagnie',
  'groupe',
  'gruppe',
  'hotel',
  'restaurant',
  'bank',
  'banque',
  'banca',
  'federation',
  'verband',
  'syndicat',
  'gewerkschaft',
  'ministere',
  'departement',
  'institut',
  'institute',
  'istituto',
  'zentrum',
  'centre',
  'festival',
  'kanton',
  'canton',
  'ville',
  'stadtverwaltung',
  'amicale',
  'genossenschaft',
  'cooperative',
  'gmbh',
  'sarl',
  'holding',
  'services',
  'consulting',
  'partners',
  'partner',
  'treuhand',
  'fiduciaire',
  'agentur',
  'agence',
  'associazione',
  'ensemble',
  'kollegium',
  'gymnasium',
  'lycee',
  'college',
  'kindergarten',
  'creche',
  'kita',
]);

/** The organisation marker in a name (`AG`, `Verein`), or undefined for a person-like name. */
export function organisationMarker(value: string): string | undefined {
  const legal = LEGAL_FORMS.exec(value);
  if (legal) return legal[1];
  for (const w of foldKey(value).split(/[^a-z0-9-]+/)) if (ORG_WORDS.has(w)) return w;
  return undefined;
}

/**
 * A civility or honorific written before a name in the same cell: `Herr Hans`, `Mme Dupont`,
 * `Dr. Anna Meier`. Bare `M`/`Fr`/`Sr` (initials, names) only count with their dot.
 */
export function splitLeadingTitle(value: string): { title: string; rest: string } | undefined {
  // Fast exit for the common case: the first word is no title word at all.
  const space = value.search(/\s/);
  if (space < 0) return undefined;
  const firstWord = titleKey(value.slice(0, space));
  if (!Object.hasOwn(CIVILITY, firstWord) && !HONORIFICS.has(firstWord)) return undefined;
  const m = /^\s*((?:[\p{L}]+\.?\s+){1,3})(.*\p{L}.*)$/u.exec(value);
  if (!m) return undefined;
  const words = m[1]!.trim().split(/\s+/);
  let n = 0;
  for (const w of words) {
    const bare = titleKey(w);
    const ambiguous = [
      'm',
      'fr',
      'sr',
      'me',
      'ms',
      'sir',
      'dame',
      'heer',
      'miss',
      'mag',
      'lic',
      'ing',
    ].includes(bare);
    if ((civilityOf(w) || isHonorific(w)) && (!ambiguous || w.endsWith('.') || ['ms', 'miss'].includes(bare)))
      n++;
    else break;
  }
  if (n === 0) return undefined;
  return { title: words.slice(0, n).join(' '), rest: [...words.slice(n), m[2]!].join(' ').trim() };
}

// TITLE cells hold a handful of distinct values: read each once (bounded cache).
export const readTitle = memo1(readTitleUncached);
