import { SECUTIX_FIELDS } from '../secutix/fields';
import { compactKey, normalizeKey } from '../text/normalize';
import { HEADER_SYNONYMS } from './synonyms';

/** How well a header names a suggestion key: score 0..1 and the words that matched. */
export interface HeaderMatch {
  score: number;
  synonym: string;
  how: 'code' | 'exact' | 'words' | 'compound' | 'fuzzy';
}

interface Synonym {
  text: string;
  compact: string;
  tokens: string[];
  /** Labels of the field model weigh a little less than the curated vocabulary. */
  weight: number;
}

const tokenize = (s: string) =>
  normalizeKey(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function buildVocabulary(): Map<string, Synonym[]> {
  const vocab = new Map<string, Synonym[]>();
  const add = (key: string, text: string, weight: number) => {
    const compact = compactKey(text);
    if (!compact) return;
    let list = vocab.get(key);
    if (!list) vocab.set(key, (list = []));
    list.push({ text, compact, tokens: tokenize(text), weight });
  };
  for (const [key, names] of Object.entries(HEADER_SYNONYMS)) for (const n of names) add(key, n, 1);
  for (const f of SECUTIX_FIELDS) for (const label of Object.values(f.labels)) add(f.code, label, 0.9);
  return vocab;
}

const VOCABULARY = buildVocabulary();
const FIELD_CODE_SET = new Set(SECUTIX_FIELDS.map((f) => f.code));

/** Edit distance (Levenshtein), for headers with a typo (`Vornahme`). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function containsTokens(header: string[], syn: string[]): boolean {
  outer: for (let i = 0; i + syn.length <= header.length; i++) {
    for (let j = 0; j < syn.length; j++) if (header[i + j] !== syn[j]) continue outer;
    return true;
  }
  return false;
}

/** Best match of one header against the vocabulary of one key; null when nothing matches. */
export function matchHeader(header: string, key: string): HeaderMatch | null {
  if (FIELD_CODE_SET.has(key) && header.trim() === key) return { score: 1, synonym: key, how: 'code' };
  const hk = compactKey(header);
  if (!hk) return null;
  const ht = tokenize(header);
  let best: HeaderMatch | null = null;
  const offer = (m: HeaderMatch) => {
    if (!best || m.score > best.score) best = m;
  };
  for (const s of VOCABULARY.get(key) ?? []) {
    if (hk === s.compact) {
      offer({ score: s.weight, synonym: s.text, how: 'exact' });
      continue;
    }
    if (s.tokens.length && containsTokens(ht, s.tokens))
      offer({ score: s.weight * (0.6 + 0.3 * (s.tokens.length / ht.length)), synonym: s.text, how: 'words' });
    else if (s.compact.length >= 5 && hk.includes(s.compact))
      offer({
        score: s.weight * (0.55 + 0.3 * (s.compact.length / hk.length)),
        synonym: s.text,
        how: 'compound',
      });
    else if (hk.length >= 5 && s.compact.length >= 5) {
      const ratio = distance(hk, s.compact) / Math.max(hk.length, s.compact.length);
      if (ratio <= 0.2) offer({ score: s.weight * 0.75 * (1 - ratio), synonym: s.text, how: 'fuzzy' });
    }
  }
  return best;
}

/** Every key the vocabulary knows (field codes and pseudo keys). */
export function vocabularyKeys(): string[] {
  return [...VOCABULARY.keys()];
}
