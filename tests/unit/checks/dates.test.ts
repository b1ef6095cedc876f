import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { datesCheck } from '../../../src-main/core/checks/dates';
import { parseDate } from '../../../src-main/core/checks/date-parse';
import { codes, run, TODAY } from './helpers';
import { sharedData } from '../../helpers/shared-data';

const suggested = (v: string) => run(datesCheck, { BIRTHDATE: v })[0]?.suggestion?.BIRTHDATE;

describe('dates check', () => {
  it('accepts dd.mm.yyyy birth dates', () => {
    for (const v of ['17.05.1980', '29.02.2000', '01.01.1950', '24.11.2026'])
      expect(run(datesCheck, { BIRTHDATE: v }), v).toEqual([]);
  });

  it('normalises common formats to dd.mm.yyyy', () => {
    const cases: Array<[string, string]> = [
      ['17/05/1980', '17.05.1980'],
      ['17-05-1980', '17.05.1980'],
      ['1980-05-17', '17.05.1980'],
      ['17.5.1980', '17.05.1980'],
      ['19800517', '17.05.1980'],
      ['29358', '17.05.1980'],
      ['1980-05-17T00:00:00', '17.05.1980'],
      ['17 mai 1980', '17.05.1980'],
      ['17. März 1980', '17.03.1980'],
      ['May 17, 1980', '17.05.1980'],
      ['17.05.80', '17.05.1980'],
      ['03.04.05', '03.04.2005'],
      ['05/17/1980', '17.05.1980'],
    ];
    for (const [v, want] of cases) expect(suggested(v), v).toBe(want);
  });

  it('rates guesses lower: 2-digit years and month-first dates', () => {
    expect(run(datesCheck, { BIRTHDATE: '17.05.80' })[0]!.confidence).toBeLessThan(1);
    expect(run(datesCheck, { BIRTHDATE: '05/17/1980' })[0]!.confidence).toBeLessThan(0.8);
    expect(run(datesCheck, { BIRTHDATE: '17/05/1980' })[0]).toMatchObject({
      severity: 'info',
      confidence: 1,
    });
  });

  it('flags impossible, future and implausible dates, saying SecuTix drops them', () => {
    const [impossible] = run(datesCheck, { BIRTHDATE: '31.02.1980' });
    expect(impossible?.code).toBe('date.impossible');
    expect(impossible?.message).toContain('SecuTix drops this date');
    expect(codes(run(datesCheck, { BIRTHDATE: '01.01.2030' }))).toEqual(['date.future']);
    const [old] = run(datesCheck, { BIRTHDATE: '01.01.1900' });
    expect(old).toMatchObject({
      code: 'date.implausible',
      params: { age: 126 },
      suggestion: { BIRTHDATE: null },
    });
    expect(codes(run(datesCheck, { BIRTHDATE: 'unknown' }))).toEqual(['date.unreadable']);
    expect(codes(run(datesCheck, { BIRTHDATE: '1975' }))).toEqual(['date.year-only']);
  });

  it('reads the FEBRL yyyymmdd birth dates and flags the invalid ones', () => {
    const lines = readFileSync(sharedData('febrl/dataset1.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
    const dobs = lines.map((l) => l.split(',')[9]!.trim()).filter((d) => d !== '');
    const readings = dobs.map((d) => parseDate(d, TODAY).kind);
    expect(readings.filter((k) => k === 'date').length).toBeGreaterThan(dobs.length * 0.9);
    expect(readings.filter((k) => k !== 'date').length).toBeGreaterThanOrEqual(3);
  });
});
