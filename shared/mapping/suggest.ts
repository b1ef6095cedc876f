import { compactKey } from '../text/normalize';
import { matchHeader, vocabularyKeys } from './header-match';
import { profileColumn, type ColumnProfile, type ProfileKind } from './profile';
import type { Mapping, MappingRule, Transform } from './schema';

/**
 * Suggests a SecuTix field per source column from its header (EN/FR/DE/IT vocabulary) and its
 * content profile, combined into one confidence. Each field goes to at most one column (the best
 * one); other candidates stay as alternatives. Pure: the core passes a sample of rows.
 */

interface KeySpec {
  /** Fields written; pseudo keys write several (FULLNAME) or none on their own (HOUSE_NR). */
  targets: string[];
  /** Share of values fitting the key, from the profile; absent = header-only key. */
  content?: (p: ColumnProfile) => number;
  /** What the content looks like, for the reason text. */
  contentLabel?: string;
  /** May be suggested from content alone (strong detectors only: emails, dates, postcodes…). */
  contentOnly?: boolean;
  /** Headers that rule out a content-only guess (a `created_at` column of dates is no birth date). */
  notFromHeader?: RegExp;
  /** Content can only confirm, never contradict the header (most company names carry no legal form). */
  contentConfirmsOnly?: boolean;
  transform?: Transform;
}

const share = (k: ProfileKind) => (p: ColumnProfile) => p.shares[k];
/** Single names count fully; multi-word values only half (they hint at a full-name column). */
const nameLike = (p: ColumnProfile) => Math.min(1, p.shares.word + 0.5 * p.shares.fullName);

const SPECS: Record<string, KeySpec> = {
  EMAIL1: {
    targets: ['EMAIL1'],
    content: share('email'),
    contentLabel: 'email addresses',
    contentOnly: true,
  },
  EMAIL2: {
    targets: ['EMAIL2'],
    content: (p) => 0.95 * p.shares.email,
    contentLabel: 'email addresses',
    contentOnly: true,
  },
  EMAIL3: {
    targets: ['EMAIL3'],
    content: (p) => 0.9 * p.shares.email,
    contentLabel: 'email addresses',
    contentOnly: true,
  },
  TELEPHONE: {
    targets: ['TELEPHONE'],
    content: (p) => p.shares.phone - p.shares.mobile / 2,
    contentLabel: 'phone numbers',
    contentOnly: true,
  },
  CELLPHONE: {
    targets: ['CELLPHONE'],
    content: share('mobile'),
    contentLabel: 'mobile numbers',
    contentOnly: true,
  },
  FAX: { targets: ['FAX'], content: share('phone'), contentLabel: 'phone numbers' },
  ZIPCODE: { targets: ['ZIPCODE'], content: share('postcode'), contentLabel: 'postcodes', contentOnly: true },
  ZIP_TOWN: {
    targets: ['ZIPCODE', 'TOWN'],
    content: share('zipTown'),
    contentLabel: 'postcode + town',
    contentOnly: true,
    transform: { type: 'splitPostcodeTown' },
  },
  TOWN: { targets: ['TOWN'], content: nameLike, contentLabel: 'place names' },
  LINE1: {
    targets: ['LINE1'],
    content: share('street'),
    contentLabel: 'street addresses',
    contentOnly: true,
  },
  HOUSE_NR: {
    targets: [],
    content: (p) => Math.max(p.shares.digits, p.shares.street),
    contentLabel: 'house numbers',
  },
  BIRTHDATE: {
    targets: ['BIRTHDATE'],
    content: share('birthDate'),
    contentLabel: 'birth dates (10 to 110 years ago)',
    contentOnly: true,
    notFromHeader:
      /(creat|modif|updat|chang|register|regist|inscri|order|purchase|bestell|kauf|erstell|geander|aktualis|cree|achat|commande|ordin|acquist|timestamp|last|letzt|dernier|ultim|valid|expir|since|seit|depuis|start|end|begin|ende|fin)/,
    transform: { type: 'dateFormat', input: 'auto' },
  },
  TITLE: {
    targets: ['TITLE'],
    content: share('title'),
    contentLabel: 'titles',
    contentOnly: true,
    transform: { type: 'valueMap', preset: 'title', map: {}, unmapped: 'keep' },
  },
  COUNTRY: {
    targets: ['COUNTRY'],
    content: share('country'),
    contentLabel: 'countries',
    contentOnly: true,
    transform: { type: 'valueMap', preset: 'country', map: {}, unmapped: 'keep' },
  },
  PREF_LANG: {
    targets: ['PREF_LANG'],
    content: share('language'),
    contentLabel: 'languages',
    contentOnly: true,
    transform: { type: 'valueMap', preset: 'language', map: {}, unmapped: 'keep' },
  },
  WEB_SITE: {
    targets: ['WEB_SITE'],
    content: share('url'),
    contentLabel: 'web addresses',
    contentOnly: true,
  },
  FIRSTNAME: { targets: ['FIRSTNAME'], content: nameLike, contentLabel: 'names' },
  LASTNAME: { targets: ['LASTNAME'], content: nameLike, contentLabel: 'names' },
  FULLNAME: {
    targets: ['FIRSTNAME', 'LASTNAME'],
    content: share('fullName'),
    contentLabel: 'full names (two words or more)',
    // Without any header, a column of "First Last" values is only a weak guess (capped below).
    contentOnly: true,
    transform: { type: 'splitFullName', order: 'auto' },
  },
  OFFICIAL_NAME: {
    targets: ['OFFICIAL_NAME'],
    content: (p) => p.shares.company,
    contentLabel: 'company names (legal form such as AG, SA, GmbH, Sàrl)',
    contentOnly: true,
    contentConfirmsOnly: true,
  },
  CONTACT_NR: {
    targets: ['CONTACT_NR'],
    content: (p) => p.shares.digits * p.distinctShare,
    contentLabel: 'unique numbers',
  },
};

const MIN_CONFIDENCE = 0.4;
/** Content-only ceilings for detectors that can be fooled (two capitalised words are not always a person). */
const WEAK_CONTENT_ONLY: Record<string, number> = { FULLNAME: 0.55, OFFICIAL_NAME: 0.6 };
const MIN_CONTENT_ONLY = 0.5;

export interface Candidate {
  key: string;
  targets: string[];
  confidence: number;
  reason: string;
}

export interface ColumnSuggestion {
  index: number;
  column: string;
  /** The chosen candidate, or null: the column stays unmapped (kept in the source layer). */
  suggestion: Candidate | null;
  alternatives: Candidate[];
  profile: ColumnProfile;
}

export interface SuggestionResult {
  columns: ColumnSuggestion[];
  /** The mapping made of the chosen suggestions, ready to apply. */
  mapping: Mapping;
  /** Columns with no field (their values stay in the source layer, nothing is lost). */
  unmapped: string[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const round = (x: number) => Math.round(x * 100) / 100;

function specOf(key: string): KeySpec {
  return SPECS[key] ?? { targets: [key] };
}

function score(column: string, profile: ColumnProfile, key: string): Candidate | null {
  const spec = specOf(key);
  const header = matchHeader(column, key);
  const hasContent = spec.content && profile.sampled > 0;
  const c = hasContent ? Math.max(0, spec.content!(profile)) : undefined;
  const contentText =
    c !== undefined
      ? `${pct(c)} of ${profile.sampled} sampled values look like ${spec.contentLabel ?? key}`
      : '';
  let confidence = 0;
  const reasons: string[] = [];
  if (header) {
    const headerOnly = 0.9 * header.score;
    confidence =
      c === undefined
        ? headerOnly
        : Math.max(spec.contentConfirmsOnly ? headerOnly : 0, 0.55 * header.score + 0.45 * c);
    reasons.push(
      header.how === 'code'
        ? `header is the SecuTix code ${key}`
        : `header "${column}" ${header.how === 'exact' ? 'is' : header.how === 'fuzzy' ? 'looks like' : 'contains'} "${header.synonym}"`,
    );
    if (contentText) reasons.push(contentText);
    else if (spec.content) reasons.push('no values in the sample');
  } else if (
    spec.contentOnly &&
    c !== undefined &&
    c >= MIN_CONTENT_ONLY &&
    !spec.notFromHeader?.test(compactKey(column))
  ) {
    confidence = Math.min(WEAK_CONTENT_ONLY[key] ?? 1, 0.85 * c);
    reasons.push(`header not recognised, but ${contentText}`);
  }
  if (confidence < MIN_CONFIDENCE) return null;
  return { key, targets: spec.targets, confidence: round(confidence), reason: reasons.join('; ') };
}

/** Candidates of one column, best first. */
export function candidatesFor(column: string, profile: ColumnProfile): Candidate[] {
  const keys = new Set([...vocabularyKeys(), ...Object.keys(SPECS)]);
  const out: Candidate[] = [];
  for (const key of keys) {
    const cand = score(column, profile, key);
    if (cand) out.push(cand);
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

function ruleFor(key: string, column: string, countryFree: boolean): MappingRule {
  const spec = specOf(key);
  const transform = spec.transform ?? { type: 'trim' };
  const targets = key === 'ZIP_TOWN' && countryFree ? ['ZIPCODE', 'TOWN', 'COUNTRY'] : spec.targets;
  return { targets, sources: [column], transform };
}

/**
 * Suggests fields for every column. `rows` is a sample of source rows (cells in column order);
 * a few hundred rows are plenty.
 */
export function suggestMapping(
  columns: ReadonlyArray<{ index: number; name: string }>,
  rows: ReadonlyArray<readonly string[]>,
): SuggestionResult {
  const profiled = columns.map((c) => {
    const profile = profileColumn(rows.map((r) => r[c.index] ?? ''));
    return { ...c, profile, candidates: candidatesFor(c.name, profile) };
  });
  // Greedy by confidence: the best (column, key) pair wins; a field is written by one column only.
  const all = profiled.flatMap((c) => c.candidates.map((cand) => ({ col: c, cand })));
  all.sort((a, b) => b.cand.confidence - a.cand.confidence || a.col.index - b.col.index);
  const chosen = new Map<number, Candidate>();
  const takenFields = new Set<string>();
  const takenKeys = new Set<string>();
  for (const { col, cand } of all) {
    if (chosen.has(col.index) || takenKeys.has(cand.key) || cand.targets.some((t) => takenFields.has(t)))
      continue;
    chosen.set(col.index, cand);
    takenKeys.add(cand.key);
    for (const t of cand.targets) takenFields.add(t);
  }
  // A house-number column is only useful joined to a street column.
  const houseNr = profiled.find((c) => chosen.get(c.index)?.key === 'HOUSE_NR');
  const street = profiled.find((c) => chosen.get(c.index)?.key === 'LINE1');
  if (houseNr && !street) chosen.delete(houseNr.index);

  const rules: MappingRule[] = [];
  const countryFree = !takenFields.has('COUNTRY');
  for (const c of profiled) {
    const cand = chosen.get(c.index);
    if (!cand || cand.key === 'HOUSE_NR') continue;
    if (cand.key === 'LINE1' && houseNr && street) {
      // Number before or after the street, as the source orders its columns (`6 tullaroop street`, `Bahnhofstrasse 12`).
      const sources =
        houseNr.index < street.index ? [houseNr.name, street.name] : [street.name, houseNr.name];
      rules.push({ targets: ['LINE1'], sources, transform: { type: 'join', separator: ' ' } });
      continue;
    }
    rules.push(ruleFor(cand.key, c.name, countryFree));
  }
  return {
    columns: profiled.map((c) => {
      const suggestion = chosen.get(c.index) ?? null;
      return {
        index: c.index,
        column: c.name,
        suggestion,
        alternatives: c.candidates.filter((x) => x.key !== suggestion?.key).slice(0, 3),
        profile: c.profile,
      };
    }),
    mapping: { rules },
    unmapped: profiled.filter((c) => !chosen.has(c.index)).map((c) => c.name),
  };
}
