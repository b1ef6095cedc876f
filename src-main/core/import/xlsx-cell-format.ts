/** Built-in number formats (ECMA-376 §18.8.30) that matter for turning numbers into text. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export function builtinFormat(id: number): string | undefined {
  return BUILTIN_FORMATS[id];
}

/** How a numeric cell becomes text, decided once per style. */
export type NumberStyle =
  | { kind: 'plain' }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'time' }
  | { kind: 'zero-padded'; width: number };

/**
 * Classifies a number format. Dates and times become ISO text; `00000`-style formats (used for
 * postcodes and customer numbers) keep their leading zeros; every other number is written as its
 * plain value (a percentage stays 0.25, a currency 12.5) — display decorations are not data.
 */
export function classifyFormat(format: string | undefined): NumberStyle {
  if (!format || format === 'General' || format === '@') return { kind: 'plain' };
  const firstSection = format.split(';')[0]!;
  if (/^0+$/.test(firstSection))
    return firstSection.length > 1 ? { kind: 'zero-padded', width: firstSection.length } : { kind: 'plain' };
  // Remove literal text, escapes and bracketed parts other than elapsed time ([h], [mm], [ss]).
  const bare = firstSection
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (!/[dmyhs]/i.test(bare) || /[0#?]/.test(bare.replace(/[hms]+/gi, '').replace(/\.0+/g, '')))
    return { kind: 'plain' };
  const hasDate = /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
  const hasTime = /[hs]/i.test(bare);
  if (hasDate && hasTime) return { kind: 'datetime' };
  if (hasDate) return { kind: 'date' };
  return { kind: 'time' };
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/**
 * Excel serial date → 'yyyy-mm-dd' / 'yyyy-mm-dd HH:MM:SS' / 'HH:MM:SS'. In the 1900 system
 * serials below 61 are shifted by Lotus 1-2-3's phantom 1900-02-29 (serial 60), kept as Excel shows it.
 */
export function serialToIso(serial: number, style: 'date' | 'datetime' | 'time', date1904: boolean): string {
  if (!date1904 && serial >= 60 && serial < 61 && style !== 'time')
    return style === 'date' ? '1900-02-29' : '1900-02-29 ' + timePart(serial);
  const days = !date1904 && serial < 60 ? serial + 1 : serial;
  const ms = Math.round(days * 86_400) * 1000 + (date1904 ? EPOCH_1904 : EPOCH_1900);
  const d = new Date(ms);
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  if (style === 'date') return date;
  if (style === 'time' && serial < 1) return time;
  return `${date} ${time}`;
}

function timePart(serial: number): string {
  const secs = Math.round((serial % 1) * 86_400);
  return `${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor((secs % 3600) / 60))}:${pad2(secs % 60)}`;
}

/**
 * The stored text of a numeric cell (`<v>`), without float artefacts: integers are printed in
 * full (41791234567, never 4.17912E+10), other numbers with at most 15 significant digits (what
 * Excel itself keeps), so 0.1+0.2 stored as 0.30000000000000004 reads 0.3.
 */
export function numberText(raw: string): string {
  if (/^-?\d+$/.test(raw)) return raw.length > 1 && raw[0] === '0' ? String(Number(raw)) : raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? BigInt(n).toString() : raw;
  return String(Number(n.toPrecision(15)));
}

export function formatNumber(raw: string, style: NumberStyle, date1904: boolean): string {
  switch (style.kind) {
    case 'plain':
      return numberText(raw);
    case 'zero-padded': {
      const text = numberText(raw);
      if (!/^\d+$/.test(text)) return text;
      return text.padStart(style.width, '0');
    }
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) return numberText(raw);
      return serialToIso(n, style.kind, date1904);
    }
  }
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (a CR is written `_x000D_`). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') === -1) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
