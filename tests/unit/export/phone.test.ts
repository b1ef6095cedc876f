import { describe, expect, it } from 'vitest';
import { secutixPhone } from '../../../src-main/core/export/phone';

describe('secutixPhone (spec §3.6)', () => {
  it('writes national digits when the phone is in the address country', () => {
    expect(secutixPhone('01 40 15 80 00', 'FR')).toEqual({ value: '0140158000' });
    expect(secutixPhone('+33 1 40 15 80 00', 'FR')).toEqual({ value: '0140158000' });
    expect(secutixPhone('1 40 15 80 00', 'FR')).toEqual({ value: '0140158000' });
    expect(secutixPhone('021 613 21 11 SVP', 'CH')).toEqual({ value: '0216132111' });
  });

  it('forces a foreign country with (CC) because SecuTix ignores +CC/00CC for another address country', () => {
    expect(secutixPhone('0041 21 613 21 11', 'FR')).toEqual({ value: '(41)0216132111' });
    expect(secutixPhone('+41 21 613 21 11', 'FR')).toEqual({ value: '(41)0216132111' });
    expect(secutixPhone('(41)0216132111', 'FR')).toEqual({ value: '(41)0216132111' });
    expect(secutixPhone('+1 212 555 1234', 'CH')).toEqual({ value: '(1)2125551234' });
  });

  it('leaves out the national prefix of a foreign number when (CC)0… would exceed 15 characters', () => {
    expect(secutixPhone('+49 151 25080247', 'CH')).toEqual({ value: '(49)15125080247' });
    expect(secutixPhone('+49 151 25080247', 'DE')).toEqual({ value: '015125080247' });
  });

  it('reads the same number the same way whatever its spelling (shape cache)', () => {
    for (const v of ['+41 (0)21 613 21 11', '0041216132111', '+41216132111', '(41) 021 613 21 11'])
      expect(secutixPhone(v, 'DE'), v).toEqual({ value: '(41)0216132111' });
    expect(secutixPhone('+41216132112', 'CH')).toEqual({ value: '0216132112' });
  });

  it('keeps a national number as is when no reference country is known', () => {
    expect(secutixPhone('021 613 21 11', undefined)).toEqual({ value: '021 613 21 11' });
    expect(secutixPhone('+41 21 613 21 11', undefined)).toEqual({ value: '(41)0216132111' });
  });

  it('reports numbers that cannot be a phone', () => {
    expect(secutixPhone('call me', 'CH')).toMatchObject({ problem: 'bad-phone' });
    expect(secutixPhone('12', 'CH')).toMatchObject({ problem: 'bad-phone' });
  });
});
