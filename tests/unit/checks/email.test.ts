import { describe, expect, it } from 'vitest';
import { emailCheck, repairEmail, SECUTIX_EMAIL, suggestDomain } from '../../../src-main/core/checks/email';
import { codes, run } from './helpers';

describe('email check', () => {
  it('accepts clean addresses, including company and regional domains', () => {
    const clean = [
      'anna.muster@bluewin.ch',
      'jean-pierre.dupont@orange.fr',
      'k.mueller@gmx.de',
      'x+news@gmail.com',
      'office@sbb.ch',
      'm@epfl.ch',
      'info@theatre-vidy.ch',
    ];
    for (const e of clean) expect(run(emailCheck, { EMAIL1: e, OFFICIAL_NAME: 'Firma AG' }), e).toEqual([]);
    expect(run(emailCheck, { EMAIL1: 'anna@orange.ch', EMAIL2: 'anna@gmx.li', LASTNAME: 'Muster' })).toEqual(
      [],
    );
  });

  it('uses the SecuTix regular expression, lower case only', () => {
    expect(SECUTIX_EMAIL.test('a.b@c.ch')).toBe(true);
    expect(SECUTIX_EMAIL.test('A.b@c.ch')).toBe(false);
    expect(SECUTIX_EMAIL.test('élodie@c.ch')).toBe(false);
    expect(SECUTIX_EMAIL.test('a@localhost')).toBe(false);
  });

  it('suggests trimming and lower case', () => {
    const [f] = run(emailCheck, { EMAIL1: ' Anna.Muster@Bluewin.CH ' });
    expect(f).toMatchObject({
      code: 'email.case-whitespace',
      suggestion: { EMAIL1: 'anna.muster@bluewin.ch' },
    });
  });

  it('fixes typo domains', () => {
    const cases: Array<[string, string]> = [
      ['gmial.com', 'gmail.com'],
      ['gmai.com', 'gmail.com'],
      ['hotmal.fr', 'hotmail.fr'],
      ['hotmial.com', 'hotmail.com'],
      ['yaho.fr', 'yahoo.fr'],
      ['bluewin.chh', 'bluewin.ch'],
      ['bluewin.cg', 'bluewin.ch'],
      ['gmail.fr', 'gmail.com'],
      ['sunrsie.ch', 'sunrise.ch'],
      ['firma.con', 'firma.com'],
    ];
    for (const [typo, fixed] of cases) {
      expect(suggestDomain(typo)?.domain, typo).toBe(fixed);
      const [f] = run(emailCheck, { EMAIL1: `anna@${typo}` });
      expect(f?.code, typo).toBe('email.typo-domain');
      expect(f?.suggestion).toEqual({ EMAIL1: `anna@${fixed}` });
    }
  });

  it('does not call real domains typos', () => {
    for (const d of [
      'gmail.com',
      'orange.ch',
      'gmx.li',
      'unil.ch',
      'epfl.ch',
      'web.de',
      'free.fr',
      'me.com',
      'migros.ch',
      'post.ch',
    ])
      expect(suggestDomain(d), d).toBeUndefined();
  });

  it('splits several addresses of one cell into EMAIL1..3', () => {
    const [f] = run(emailCheck, { EMAIL1: 'anna@bluewin.ch; Anna.Work@firma.ch, a@gmial.com' });
    expect(f).toMatchObject({
      code: 'email.multiple',
      suggestion: { EMAIL1: 'anna@bluewin.ch', EMAIL2: 'anna.work@firma.ch', EMAIL3: 'a@gmail.com' },
    });
    const full = run(emailCheck, { EMAIL1: 'a@b.ch / c@d.ch', EMAIL2: 'x@y.ch', EMAIL3: 'z@y.ch' });
    expect(full[0]?.suggestion).toBeUndefined();
  });

  it('flags bad syntax, with a repair when one is obvious', () => {
    expect(run(emailCheck, { EMAIL1: 'Anna Muster <anna@bluewin.ch>' })[0]).toMatchObject({
      code: 'email.syntax',
      suggestion: { EMAIL1: 'anna@bluewin.ch' },
    });
    expect(run(emailCheck, { EMAIL1: 'anna@bluewin,ch' })[0]?.suggestion).toEqual({
      EMAIL1: 'anna@bluewin.ch',
    });
    expect(run(emailCheck, { EMAIL1: 'anna@@gmail.com' })[0]?.suggestion).toEqual({
      EMAIL1: 'anna@gmail.com',
    });
    const noAt = run(emailCheck, { EMAIL1: 'anna.bluewin.ch' });
    expect(noAt[0]).toMatchObject({ code: 'email.syntax', severity: 'error' });
    expect(noAt[0]?.suggestion).toBeUndefined();
    expect(repairEmail('mailto:Anna@X.ch.')).toBe('anna@x.ch');
  });

  it('flags placeholders and, for individuals only, role mailboxes', () => {
    for (const e of [
      'noreply@firma.ch',
      'test@test.com',
      'xxx@xxx.ch',
      'aaa@bluewin.ch',
      'no-reply@example.com',
    ])
      expect(codes(run(emailCheck, { EMAIL1: e })), e).toContain('email.placeholder');
    expect(
      codes(run(emailCheck, { EMAIL1: 'info@firma.ch', FIRSTNAME: 'Anna', LASTNAME: 'Muster' })),
    ).toEqual(['email.role']);
    expect(run(emailCheck, { EMAIL1: 'info@firma.ch', OFFICIAL_NAME: 'Firma AG' })).toEqual([]);
  });

  it('flags the same address repeated in one row', () => {
    const fs = run(emailCheck, { EMAIL1: 'anna@bluewin.ch', EMAIL2: 'Anna@bluewin.ch' });
    expect(codes(fs)).toEqual(['email.case-whitespace', 'email.duplicate']);
    expect(fs[1]?.suggestion).toEqual({ EMAIL2: null });
  });
});
