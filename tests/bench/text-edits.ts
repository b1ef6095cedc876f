/**
 * Small string corruptions the generator applies to make near-duplicates and dirty cells: the
 * mistakes people and old systems actually make (typos, lost accents, mojibake).
 */
import iconv from 'iconv-lite';
import type { Prng } from './prng';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One keyboard-style typo: swap two neighbours, drop, replace or double a letter. */
export function typo(rng: Prng, s: string): string {
  if (s.length < 3) return s + rng.pick([...LETTERS]);
  const i = rng.int(1, s.length - 2); // keep the first letter: people rarely mistype it
  const kind = rng.int(0, 3);
  if (kind === 0) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  if (kind === 1) return s.slice(0, i) + s.slice(i + 1);
  if (kind === 2) {
    let c = rng.pick([...LETTERS]);
    if (c === s[i]!.toLowerCase()) c = c === 'e' ? 'a' : 'e';
    return s.slice(0, i) + c + s.slice(i + 1);
  }
  return s.slice(0, i) + s[i] + s.slice(i);
}

const GERMAN_FOLD: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** Drops accents: `Müller` → `Muller`, or the German way `Mueller` when `german` is set. */
export function foldAccents(s: string, german = false): string {
  const t = german ? s.replace(/[äöüÄÖÜß]/g, (c) => GERMAN_FOLD[c]!) : s.replace(/ß/g, 'ss');
  return t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export const hasNonAscii = (s: string): boolean => /[^ -~]/.test(s);

/** UTF-8 bytes read back as Windows-1252: `Genève` → `GenÃ¨ve`, the classic mojibake. */
export function mojibake(s: string): string {
  return iconv.decode(Buffer.from(s, 'utf8'), 'win1252');
}

/** Street-type abbreviations people type instead of the full word. */
const STREET_ABBREVIATIONS: [RegExp, string][] = [
  [/strasse\b/, 'str.'],
  [/straße\b/, 'str.'],
  [/^Rue\b/, 'R.'],
  [/^rue\b/, 'r.'],
  [/^Avenue\b/, 'Av.'],
  [/^avenue\b/, 'av.'],
  [/^Chemin\b/, 'Ch.'],
  [/^Route\b/, 'Rte'],
  [/ Road\b/, ' Rd'],
  [/ Street\b/, ' St'],
  [/^Via\b/, 'V.'],
  [/gasse\b/, 'g.'],
];

/** `Bahnhofstrasse 12` → `Bahnhofstr. 12`; undefined when the street has no abbreviable word. */
export function abbreviateStreet(s: string): string | undefined {
  for (const [re, short] of STREET_ABBREVIATIONS) if (re.test(s)) return s.replace(re, short);
  return undefined;
}

/** Common misspellings of mail domains and addresses. */
export function emailTypo(rng: Prng, email: string): string {
  const at = email.indexOf('@');
  if (at < 0) return email;
  const domainTypos: [string, string][] = [
    ['gmail.com', 'gmial.com'],
    ['gmail.com', 'gmail.con'],
    ['hotmail', 'hotmal'],
    ['bluewin.ch', 'bluewin.ch.'],
    ['bluewin.ch', 'bluwin.ch'],
    ['.com', ',com'],
    ['gmx.', 'gmx,'],
    ['yahoo', 'yaho'],
  ];
  for (const [from, to] of domainTypos)
    if (email.includes(from) && rng.chance(0.7)) return email.replace(from, to);
  const kind = rng.int(0, 3);
  if (kind === 0) return email.replace('@', ' @');
  if (kind === 1) return email.replace('@', '@@');
  if (kind === 2) return email.slice(0, at) + email.slice(at + 1); // lost the @
  return email.replace(/\.[a-z]+$/, '');
}
