import { describe, expect, it } from 'vitest';
import { asciiDigitsOf, secutixPhone } from '../../../src-main/core/export/phone';
import { generateContacts } from '../../bench/generate-contacts';
import { referenceSecutixPhone } from './reference-phone';

/** A small deterministic generator (no dependency on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const PIECES = [
  '+',
  '00',
  '0',
  '(41)',
  '(0)',
  '(',
  ')',
  ' ',
  '-',
  '/',
  '.',
  '41',
  '33',
  '49',
  '1',
  '21',
  '613',
  '2111',
  '79',
  '151',
  '25080247',
  '7',
  'x',
  'SVP',
  '٣', // a non-ASCII digit: not a digit for \d
  '\u00a0',
  '\t',
  '\u3000',
];
const COUNTRIES = ['CH', 'DE', 'FR', 'GB', 'US', 'IT', 'AT', undefined, 'XX', 'ch', ''];

describe('secutixPhone gives exactly what the reference writer gives', () => {
  it('on generated contacts’ phones and on random spellings, for every reference country', () => {
    const inputs: string[] = [];
    for (const g of generateContacts(400, 11))
      for (const v of Object.values(g.row)) if (/\d{3}/.test(String(v))) inputs.push(String(v));
    const next = lcg(7);
    for (let i = 0; i < 3000; i++) {
      let v = '';
      for (let k = 1 + Math.floor(next() * 7); k > 0; k--) v += PIECES[Math.floor(next() * PIECES.length)];
      inputs.push(v, ` ${v} `);
    }
    let values = 0;
    for (const v of inputs)
      for (const c of COUNTRIES) {
        const expected = referenceSecutixPhone(v, c);
        expect(secutixPhone(v, c), `${v} / ${c}`).toEqual(expected);
        if ('value' in expected) values++;
      }
    expect(values).toBeGreaterThan(5000);
  });

  it('keeps the ASCII digits as /\\D/g removal does', () => {
    for (const v of ['', '123', 'a1b22c333', '  0041 (0)21-613.21.11  ', '٣٤5', 'abc', '1a', 'a1'])
      expect(asciiDigitsOf(v), v).toBe(v.replace(/\D/g, ''));
  });
});
