import { describe, expect, it } from 'vitest';
import { parseContactData } from '../../../src-main/core/contacts/contact-data-json';

/** What JSON.parse gives, or the fact that it throws. */
function reference(json: string): { value?: unknown; throws?: true } {
  try {
    return { value: JSON.parse(json) };
  } catch {
    return { throws: true };
  }
}

/** parseContactData must match JSON.parse exactly: keys in order, values, prototype, or throwing. */
function expectSameAsJsonParse(json: string): void {
  const ref = reference(json);
  if (ref.throws) {
    expect(() => parseContactData(json), json).toThrow();
    return;
  }
  const got = parseContactData(json);
  const want = ref.value as Record<string, unknown>;
  if (typeof want !== 'object' || want === null) return void expect(got, json).toEqual(want);
  expect(Object.getPrototypeOf(got), json).toBe(Object.getPrototypeOf(want));
  expect(Object.getOwnPropertyNames(got), json).toEqual(Object.getOwnPropertyNames(want));
  expect(got, json).toEqual(want);
}

/** Small deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Plain letters most of the time, then the characters that change how JSON must be read.
const ALPHABET = [
  ...'abcXYZ019 -.@',
  'é',
  'ü',
  'Ø',
  'ß',
  '€',
  '日',
  '😀',
  '\ud800', // lone surrogate (JSON.stringify escapes it)
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\u0001',
  '\u007f',
  '{',
  '}',
  ':',
  ',',
];
const KEYS = [
  'FIRSTNAME',
  'LASTNAME',
  'TOWN',
  'ZIPCODE',
  'COUNTRY',
  'EMAIL1',
  '',
  '0',
  '12',
  'a"b',
  '__proto__',
];

function randomString(rand: () => number, plain: boolean): string {
  const n = Math.floor(rand() * 12);
  let s = '';
  for (let i = 0; i < n; i++)
    s +=
      plain || rand() < 0.8
        ? ALPHABET[Math.floor(rand() * 13)]!
        : ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
  return s;
}

function randomValue(rand: () => number): unknown {
  const r = rand();
  if (r < 0.85) return randomString(rand, rand() < 0.7);
  if (r < 0.9) return Math.floor(rand() * 1000) / 10;
  if (r < 0.93) return null;
  if (r < 0.96) return rand() < 0.5;
  return { nested: randomString(rand, true) };
}

describe('parseContactData', () => {
  it('is JSON.parse on random flat objects (escapes, unicode, non-string values, odd keys)', () => {
    const rand = prng(20261206);
    for (let i = 0; i < 20_000; i++) {
      const n = Math.floor(rand() * 8);
      const pairs: string[] = [];
      for (let k = 0; k < n; k++) {
        const key = rand() < 0.8 ? KEYS[Math.floor(rand() * 6)]! : KEYS[Math.floor(rand() * KEYS.length)]!;
        pairs.push(`${JSON.stringify(key)}:${JSON.stringify(randomValue(rand))}`); // duplicates too
      }
      expectSameAsJsonParse(`{${pairs.join(',')}}`);
    }
  });

  it('is JSON.parse on JSON.stringify of contact-like objects', () => {
    const rand = prng(7);
    for (let i = 0; i < 5000; i++) {
      const data: Record<string, string> = {};
      for (const key of KEYS.slice(0, 6)) if (rand() < 0.7) data[key] = randomString(rand, rand() < 0.5);
      expectSameAsJsonParse(JSON.stringify(data));
    }
  });

  it('reads the usual shape directly, and an empty object', () => {
    expect(parseContactData('{"FIRSTNAME":"Rita","TOWN":"Genève","ZIPCODE":""}')).toEqual({
      FIRSTNAME: 'Rita',
      TOWN: 'Genève',
      ZIPCODE: '',
    });
    expect(parseContactData('{}')).toEqual({});
  });

  it('is JSON.parse on shapes the direct scan must refuse (and throws where JSON.parse throws)', () => {
    const cases = [
      '{"__proto__":"x"}',
      '{"a":"b","__proto__":"x","c":"d"}',
      '{"a":"1","a":"2"}',
      '{"a":"x\ty"}', // raw control character: invalid JSON
      '{"a":"x\u0000"}',
      '{ "a":"b"}',
      '{"a" :"b"}',
      '{"a":"b" }',
      '{"a":"b"} ',
      '{"a":"b"}}',
      '{"a":"b",}',
      '{"a":"b",',
      '{"a":"b"',
      '{"a":"b}',
      '{"a:"b"}',
      '{"a":b"}',
      '{"a":"b""c":"d"}',
      '{"a":"b","c"}',
      '{"a":1}',
      '{"a":"1","b":2}',
      '{"a":"\\u00e9"}',
      '{"a":"\\""}',
      '{"a\\"b":"c"}',
      '{}',
      '{} ',
      '{',
      '{"',
      '',
      '[]',
      '"x"',
      'null',
      '{"a":"b"}\n',
      '{"":""}',
      '{"0":"x","1":"y"}',
      '{"2":"x","1":"y","b":"z"}',
    ];
    for (const json of cases) expectSameAsJsonParse(json);
  });
});
