import { describe, expect, it } from 'vitest';
import { cologne, doubleMetaphone, frenchPhonetic } from '../../../src-main/core/dedupe/phonetics';

describe('Kölner Phonetik', () => {
  it('matches the published examples', () => {
    expect(cologne('Müller-Lüdenscheidt')).toBe('65752682');
    expect(cologne('Wikipedia')).toBe('3412');
    expect(cologne('Breschnew')).toBe('17863');
  });
  it('accent loss Müller/Muller/Mueller share one code', () => {
    expect(new Set([cologne('Müller'), cologne('Muller'), cologne('Mueller')]).size).toBe(1);
  });
  it('Meier/Mayer/Meyer/Maier share one code; Schmidt/Schmitt too', () => {
    expect(new Set(['Meier', 'Mayer', 'Meyer', 'Maier'].map(cologne)).size).toBe(1);
    expect(cologne('Schmidt')).toBe(cologne('Schmitt'));
  });
  it('handles empty and non-letter input', () => {
    expect(cologne('')).toBe('');
    expect(cologne('123')).toBe('');
  });
});

describe('French phonetic', () => {
  it('groups classic French spellings', () => {
    expect(frenchPhonetic('Dupont')).toBe(frenchPhonetic('Dupond'));
    expect(frenchPhonetic('Lefèvre')).toBe(frenchPhonetic('Lefebvre'));
    expect(frenchPhonetic('Gauthier')).toBe(frenchPhonetic('Gautier'));
    expect(frenchPhonetic('Rousseau')).toBe(frenchPhonetic('Roussau'));
  });
  it('keeps different names apart', () => {
    expect(frenchPhonetic('Martin')).not.toBe(frenchPhonetic('Bernard'));
    expect(frenchPhonetic('')).toBe('');
  });
});

describe('double metaphone', () => {
  it('gives the usual primary/alternate codes', () => {
    expect(doubleMetaphone('Smith')).toEqual(['SM0', 'XMT']);
    expect(doubleMetaphone('Schmidt')[0]).toBe(doubleMetaphone('Smith')[1]);
    expect(doubleMetaphone('Jean')[0]).toBe(doubleMetaphone('Jéan')[0]);
  });
});
