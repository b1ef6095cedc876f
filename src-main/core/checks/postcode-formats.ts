/**
 * Postcode formats per country and their normalisation (pure). The stored form is what the
 * national post prints after the country prefix: SecuTix has a separate COUNTRY column, so
 * `CH-1003`, `D-10115` and `L-4906` lose their prefix (ZIPCODE is Text 10, spec §3.5).
 */
import { memo2 } from './memo';

export interface PostcodeFormat {
  /** The full, canonical form. */
  full: RegExp;
  /** A valid but partial form (NL without letters, GB outward code, PT CP4). */
  partial?: RegExp;
  /** Canonical spelling of a compacted (upper-case, no spaces/hyphens) candidate, or undefined. */
  canonical(compact: string): string | undefined;
  /** Digits-only codes that Excel stored as numbers lose leading zeros: pad up to this length. */
  padTo?: number;
  /** Human example for messages. */
  example: string;
  /** Prefixes written before the code (`CH-`, `D-`), removed on normalisation. */
  prefixes: readonly string[];
}

const digits = (n: number, prefixes: string[], example: string, extra?: RegExp): PostcodeFormat => ({
  full: extra ?? new RegExp(`^\\d{${n}}$`),
  canonical: (c) => (new RegExp(`^\\d{${n}}$`).test(c) ? c : undefined),
  example,
  prefixes,
});

// Letters allowed in Eircodes and Canadian postcodes (both skip letters that OCR confuses).
const EIR = '[AC-FHKNPRTV-Y]';
const GB_OUTWARD = '(?:[A-Z]{1,2}\\d[A-Z\\d]?|GIR)';

export const POSTCODE_FORMATS: Record<string, PostcodeFormat> = {
  CH: digits(4, ['CH', 'CHE'], '8001', /^[1-9]\d{3}$/),
  LI: digits(4, ['FL', 'LI'], '9490', /^94(?:8[5-9]|9\d)$/),
  AT: digits(4, ['A', 'AT', 'AUT'], '1010', /^[1-9]\d{3}$/),
  BE: digits(4, ['B', 'BE'], '1000', /^[1-9]\d{3}$/),
  LU: digits(4, ['L', 'LU'], '4906'),
  FR: { ...digits(5, ['F', 'FR'], '75008'), padTo: 5 },
  DE: { ...digits(5, ['D', 'DE'], '10115'), padTo: 5 },
  IT: { ...digits(5, ['I', 'IT'], '00184'), padTo: 5 },
  ES: { ...digits(5, ['E', 'ES'], '28013', /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/), padTo: 5 },
  US: {
    full: /^\d{5}(?:-\d{4})?$/,
    canonical: (c) =>
      /^\d{5}$/.test(c) ? c : /^\d{9}$/.test(c) ? `${c.slice(0, 5)}-${c.slice(5)}` : undefined,
    padTo: 5,
    example: '10001',
    prefixes: ['US', 'USA'],
  },
  NL: {
    full: /^[1-9]\d{3} (?!SA|SD|SS)[A-Z]{2}$/,
    partial: /^[1-9]\d{3}$/,
    canonical: (c) =>
      /^[1-9]\d{3}[A-Z]{2}$/.test(c)
        ? `${c.slice(0, 4)} ${c.slice(4)}`
        : /^[1-9]\d{3}$/.test(c)
          ? c
          : undefined,
    example: '1012 AB',
    prefixes: ['NL'],
  },
  PT: {
    full: /^\d{4}-\d{3}$/,
    partial: /^\d{4}$/,
    canonical: (c) =>
      /^\d{7}$/.test(c) ? `${c.slice(0, 4)}-${c.slice(4)}` : /^\d{4}$/.test(c) ? c : undefined,
    example: '1100-148',
    prefixes: ['P', 'PT'],
  },
  GB: {
    full: new RegExp(`^${GB_OUTWARD} \\d[A-Z]{2}$`),
    partial: new RegExp(`^${GB_OUTWARD}$`),
    canonical: (c) => {
      if (new RegExp(`^${GB_OUTWARD}\\d[A-Z]{2}$`).test(c)) return `${c.slice(0, -3)} ${c.slice(-3)}`;
      return new RegExp(`^${GB_OUTWARD}$`).test(c) ? c : undefined;
    },
    example: 'SW1A 1AA',
    prefixes: ['GB', 'UK'],
  },
  IE: {
    full: new RegExp(`^(?:${EIR}\\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}$`),
    partial: new RegExp(`^(?:${EIR}\\d{2}|D6W)$`),
    canonical: (c) => {
      if (new RegExp(`^(?:${EIR}\\d{2}|D6W)[0-9AC-FHKNPRTV-Y]{4}$`).test(c))
        return `${c.slice(0, 3)} ${c.slice(3)}`;
      return new RegExp(`^(?:${EIR}\\d{2}|D6W)$`).test(c) ? c : undefined;
    },
    example: 'D02 X285',
    prefixes: ['IRL', 'IE'],
  },
  CA: {
    full: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/,
    partial: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]$/,
    canonical: (c) =>
      /^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(c)
        ? `${c.slice(0, 3)} ${c.slice(3)}`
        : /^[A-Z]\d[A-Z]$/.test(c)
          ? c
          : undefined,
    example: 'K1A 0B1',
    prefixes: ['CA', 'CDN'],
  },
};

export type PostcodeStatus = 'valid' | 'partial' | 'invalid';

export interface PostcodeReading {
  status: PostcodeStatus;
  /** Canonical form when one was found (may equal the input). */
  value?: string;
  /** Why the canonical form differs: prefix removed, case/spacing, zero padding. */
  changes: ('prefix' | 'layout' | 'padding')[];
}

/**
 * Reads a ZIPCODE cell for a country with a known format; undefined for other countries.
 * Cached per country and cell (the postcode and town checks read the same cells several times
 * per row, and postcodes repeat across rows); the result is shared, so never mutate it. Reusing
 * the same `value` string also lets V8 keep its hash for the reference lookups. Bounded per thread.
 */
export const readPostcode: (country: string, raw: string) => PostcodeReading | undefined =
  memo2(readPostcodeUncached);

function readPostcodeUncached(country: string, raw: string): PostcodeReading | undefined {
  const fmt = POSTCODE_FORMATS[country];
  if (!fmt) return undefined;
  const changes: PostcodeReading['changes'] = [];
  let s = raw.trim().toUpperCase();
  // `CH-1003`, `D 10115`, `L-4906`: a country prefix with a separator before the digits.
  const m = /^([A-Z]{1,3})\s*[-–]\s*(?=\d)|^([A-Z]{1,3})\s+(?=\d)/.exec(s);
  const prefix = m?.[1] ?? m?.[2];
  if (prefix && fmt.prefixes.includes(prefix)) {
    s = s.slice(m![0].length);
    changes.push('prefix');
  }
  // Excel numbers: `1003.0`, and digit groups split by spaces or dots (`75 008`, `75.008`).
  s = s.replace(/\.0+$/, '');
  let compact = s.replace(/[\s.\-–]+/g, '');
  if (fmt.padTo && /^\d+$/.test(compact) && compact.length < fmt.padTo && compact.length >= fmt.padTo - 2) {
    compact = compact.padStart(fmt.padTo, '0');
    changes.push('padding');
  }
  const value = fmt.canonical(compact);
  if (value === undefined) return { status: 'invalid', changes: [] };
  if (value !== raw.trim() && changes.length === 0) changes.push('layout');
  const status: PostcodeStatus = fmt.full.test(value)
    ? 'valid'
    : fmt.partial?.test(value)
      ? 'partial'
      : 'invalid';
  return { status, value, changes };
}
