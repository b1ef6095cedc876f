import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/core/checks/finding';

/** The original one-line rendering renderMessage must keep matching. */
const byRegex = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

describe('renderMessage', () => {
  it('fills known placeholders and keeps unknown ones as written', () => {
    expect(renderMessage('Write {value} as {e164}.', { value: '021 613 21 11', e164: '+41216132111' })).toBe(
      'Write 021 613 21 11 as +41216132111.',
    );
    expect(renderMessage('{count} contacts use {number}; {missing}', { count: 2, number: '0001' })).toBe(
      '2 contacts use 0001; {missing}',
    );
    expect(renderMessage('{{a}} {a}{a} {} { a } {a', { a: '$&x' })).toBe('{$&x} $&x$&x {} { a } {a');
  });

  it('renders every template like a global regex replace (random templates and params)', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pieces = ['{a}', '{b}', '{value}', '{', '}', ' ', 'x', '{}', '{a', 'b}', '$1', '{constructor}'];
    for (let i = 0; i < 3000; i++) {
      let template = '';
      for (let j = next(8); j >= 0; j--) template += pieces[next(pieces.length)];
      const params: Record<string, string | number> = next(2) ? { a: 'A', value: 12 } : { b: '{a}' };
      expect(renderMessage(template, params), template).toBe(byRegex(template, params));
    }
  });
});
