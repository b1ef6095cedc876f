import { describe, expect, it } from 'vitest';
import { foldAccents } from '../../../shared/text/normalize';

/** The folding chain without the ASCII shortcut: the oracle the shortcut must agree with. */
function foldAccentsFull(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'));
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

describe('foldAccents', () => {
  it('folds accents, ligatures and special letters', () => {
    expect(foldAccents('Genève')).toBe('Geneve');
    expect(foldAccents('Müller-Lüdenscheidt')).toBe('Muller-Ludenscheidt');
    expect(foldAccents('Straße')).toBe('Strasse');
    expect(foldAccents('Ærø Œuvre Łódź')).toBe('AEro OEuvre Lodz');
    expect(foldAccents('ÉCOLE')).toBe('ECOLE');
  });

  it('leaves every ASCII character as it is, like the full folding chain', () => {
    const all = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    expect(foldAccents(all)).toBe(all);
    expect(foldAccentsFull(all)).toBe(all);
  });

  it('gives the full chain result on random mixed strings', () => {
    const rnd = seeded(7);
    const alphabet = "aeiouAZ09 -.'/éèêëàâäöüßçñøØæÆœŒłŁÉÀ\u0301\u00a0\t";
    for (let n = 0; n < 5000; n++) {
      const len = Math.floor(rnd() * 12);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(foldAccents(s)).toBe(foldAccentsFull(s));
    }
  });
});
