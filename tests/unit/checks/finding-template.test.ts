import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/core/checks/check';
import { storedForm, templateOfKey } from '../../../src-main/core/checks/finding-template';

/** What the findings view computes in SQL: argument B put back first, then A. */
function renderArgs(text: string, a: string | null, b: string | null): string {
  if (a === null) return text;
  // Replacer functions: a string replacement would read `$&`, `$$`… in a value as patterns.
  const withB = b === null ? text : text.replaceAll('\u0002', () => b);
  return withB.replaceAll('\u0001', () => a);
}

function phoneFormat(value: string, e164: string): Finding {
  return {
    rowId: 1,
    field: 'TELEPHONE',
    code: 'phone.format',
    severity: 'info',
    messageKey: 'checks.phone.format',
    params: { value, e164, extension: '' },
    message: `Write ${value} as ${e164}.`,
    suggestion: { TELEPHONE: e164 },
    confidence: 0.95,
  };
}

/** storedForm, then the template's texts rendered back with the arguments. */
function roundTrip(f: Finding) {
  const params = JSON.stringify(f.params);
  const suggestion = f.suggestion ? JSON.stringify(f.suggestion) : null;
  const [key, a, b] = storedForm(f, params, suggestion);
  const t = templateOfKey(key);
  return {
    key,
    a,
    b,
    back: {
      params: renderArgs(t.paramsJson, a, b),
      message: renderArgs(t.message, a, b),
      suggestion: t.suggestionJson === null ? null : renderArgs(t.suggestionJson, a, b),
      head: [t.field, t.code, t.severity, t.messageKey, t.confidence],
    },
    whole: {
      params,
      message: f.message,
      suggestion,
      head: [f.field, f.code, f.severity, f.messageKey, f.confidence],
    },
  };
}

describe('stored form of a finding', () => {
  it('shares one template between findings that differ only by their values', () => {
    const one = roundTrip(phoneFormat('021 613 21 11', '+41216132111'));
    const two = roundTrip(phoneFormat('079 139 56 13', '+41791395613'));
    expect(one.key).toBe(two.key);
    expect([one.a, one.b]).toEqual(['021 613 21 11', '+41216132111']);
    expect(one.back).toEqual(one.whole);
    expect(two.back).toEqual(two.whole);
    expect(templateOfKey(one.key).message).toBe('Write \u0001 as \u0002.');
  });

  it('gives back the exact texts for awkward values (quotes, $ patterns, a value inside another)', () => {
    for (const [value, e164] of [
      ['say "hi" \\ now', '+41 "x"'],
      ['$& and $$ and $1', '+41$&'],
      ['4121', '+41216132111'], // the value occurs inside the second argument
      ['ab', '+41216132111'], // too short to be an argument
      ['', ''],
    ] as const) {
      const r = roundTrip(phoneFormat(value, e164));
      expect(r.back).toEqual(r.whole);
    }
  });

  it('stores a finding holding a placeholder character whole, under a JSON key', () => {
    const r = roundTrip(phoneFormat('bad \u0001 \u0003 cell', '+41216132111'));
    expect(r.key.startsWith('[')).toBe(true);
    expect([r.a, r.b]).toEqual([null, null]);
    expect(r.back).toEqual(r.whole);
  });

  it('keeps a missing suggestion apart from any suggestion', () => {
    const f = phoneFormat('021 613 21 11', '+41216132111');
    delete f.suggestion;
    const r = roundTrip(f);
    expect(r.back.suggestion).toBeNull();
    expect(r.key).not.toBe(roundTrip(phoneFormat('021 613 21 11', '+41216132111')).key);
  });
});
