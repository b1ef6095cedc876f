import { describe, expect, it } from 'vitest';
import { recordDecision } from '../../../src-main/core/dedupe/cluster-store';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { population, rescan, scenario } from './handmade-helpers';

const hans = {
  FIRSTNAME: 'Hans',
  LASTNAME: 'Müller',
  LINE1: 'Bahnhofstrasse 12',
  ZIPCODE: '8400',
  TOWN: 'Winterthur',
  COUNTRY: 'CH',
  BIRTHDATE: '03.04.1975',
};

describe('duplicate detection on handmade cases', () => {
  it('typo in surname: Hans Müller ~ Hans Mülelr at the same address', async () => {
    const s = await scenario(tempWorkspace(), { a: hans, b: { ...hans, LASTNAME: 'Mülelr' } });
    expect(s.pair('a', 'b')).toBeDefined();
    expect(s.together('a', 'b')).toBe(true);
  });

  it('accent loss Müller/Muller/Mueller: one group of three', async () => {
    const s = await scenario(tempWorkspace(), {
      a: hans,
      b: { ...hans, LASTNAME: 'Muller' },
      c: { ...hans, LASTNAME: 'MUELLER', LINE1: 'Bahnhofstr. 12' },
    });
    expect(s.together('a', 'b') && s.together('b', 'c')).toBe(true);
    expect(s.pair('a', 'c')!.band).toBe('sure');
  });

  it('nickname Hans/Johannes is a duplicate, explained as a nickname', async () => {
    const s = await scenario(tempWorkspace(), { a: hans, b: { ...hans, FIRSTNAME: 'Johannes' } });
    const p = s.pair('a', 'b')!;
    expect(p).toBeDefined();
    expect(p.explanation.find((e) => e.field === 'FIRSTNAME')!.level).toBe('nickname/initial');
  });

  it('swapped first/last name is a duplicate, explained as swapped', async () => {
    const s = await scenario(tempWorkspace(), {
      a: hans,
      b: { ...hans, FIRSTNAME: 'Müller', LASTNAME: 'Hans' },
    });
    const p = s.pair('a', 'b')!;
    expect(p).toBeDefined();
    expect(p.explanation.find((e) => e.field === 'LASTNAME')!.comparison).toMatch(/swapped/);
  });

  it('day/month swap in the birthdate still matches', async () => {
    const s = await scenario(tempWorkspace(), { a: hans, b: { ...hans, BIRTHDATE: '1975-03-04' } });
    const p = s.pair('a', 'b')!;
    expect(p).toBeDefined();
    expect(p.explanation.find((e) => e.field === 'BIRTHDATE')!.level).toBe('swap/typo');
  });

  it('same email, different first name (family) → review, not sure', async () => {
    const family = { ...hans, EMAIL1: 'familie.mueller@bluewin.ch' };
    const s = await scenario(tempWorkspace(), {
      a: family,
      b: { ...family, FIRSTNAME: 'Verena', BIRTHDATE: '17.11.1978' },
    });
    expect(s.pair('a', 'b')?.band).toBe('review');
  });

  it('twins with the same address and birthdate but different first names and emails → distinct', async () => {
    const s = await scenario(tempWorkspace(), {
      a: { ...hans, EMAIL1: 'hans.mueller@gmx.ch' },
      b: { ...hans, FIRSTNAME: 'Peter', EMAIL1: 'peter.mueller@gmx.ch' },
    });
    expect(s.pair('a', 'b')).toBeUndefined();
    expect(s.together('a', 'b')).toBe(false);
  });

  it('structures with legal suffix variants (AG/SA/GmbH) match; another company at the same address does not', async () => {
    const migros = {
      OFFICIAL_NAME: 'Migros AG',
      LINE1: 'Limmatstrasse 152',
      ZIPCODE: '8005',
      TOWN: 'Zürich',
      COUNTRY: 'CH',
    };
    const s = await scenario(tempWorkspace(), {
      ag: migros,
      sa: { ...migros, OFFICIAL_NAME: 'MIGROS S.A.', TOWN: 'Zurich' },
      gmbh: { ...migros, OFFICIAL_NAME: 'Migros GmbH', LINE1: 'Limmatstr. 152' },
      coop: { ...migros, OFFICIAL_NAME: 'Coop Genossenschaft' },
      bank: { OFFICIAL_NAME: 'Raiffeisen AG', LINE1: 'Seeweg 1', ZIPCODE: '6003', TOWN: 'Luzern' },
    });
    expect(s.together('ag', 'sa') && s.together('ag', 'gmbh')).toBe(true);
    expect(s.together('ag', 'coop')).toBe(false);
    expect(s.pair('ag', 'coop')).toBeUndefined();
  });

  it('relays are compared within their structure: same person at Migros AG/SA matches, at Coop does not', async () => {
    const relay = { ...hans, OFFICIAL_NAME: 'Migros AG', EMAIL1: 'hans.mueller@migros.ch' };
    const s = await scenario(tempWorkspace(), {
      ag: relay,
      sa: { ...relay, OFFICIAL_NAME: 'MIGROS S.A.' },
      coop: { ...relay, OFFICIAL_NAME: 'Coop Genossenschaft', EMAIL1: 'hans.mueller@coop.ch' },
      person: hans,
    });
    expect(s.together('ag', 'sa')).toBe(true);
    expect(s.together('ag', 'coop')).toBe(false);
    expect(s.together('ag', 'person')).toBe(false); // an individual is never paired with a relay
  });

  it('long chain A~B~C: a sparse B links to both, but A and C (clearly different) stay apart', async () => {
    const base = { FIRSTNAME: 'Peter', LASTNAME: 'Meier', ZIPCODE: '8001', TOWN: 'Zürich', COUNTRY: 'CH' };
    const s = await scenario(tempWorkspace(), {
      A: { ...base, LINE1: 'Seefeldstrasse 3', BIRTHDATE: '01.01.1950', EMAIL1: 'p.meier@bluewin.ch' },
      B: base,
      C: { ...base, LINE1: 'Rämistrasse 80', BIRTHDATE: '24.08.1991', EMAIL1: 'peter.meier91@gmail.com' },
    });
    expect(s.pair('A', 'B')).toBeDefined();
    expect(s.pair('B', 'C')).toBeDefined();
    expect(s.together('A', 'C')).toBe(false);
    expect(s.summary.stats.refusedJoins).toBeGreaterThan(0);
  });

  it('a not-duplicate decision survives a re-run', async () => {
    const ws = tempWorkspace();
    const first = await scenario(ws, { a: hans, b: { ...hans, LASTNAME: 'Muller' } });
    expect(first.pair('a', 'b')).toBeDefined();
    recordDecision(ws.db, first.ids.b!, first.ids.a!, 'not-duplicate');
    const again = await rescan(ws, first.ids);
    expect(again.pair('a', 'b')).toBeUndefined();
    expect(again.together('a', 'b')).toBe(false);
    expect(again.summary.stats.skippedByDecision).toBe(1);
  });

  it('the background population alone has no duplicates', async () => {
    expect(new Set(population().map((p) => `${p.FIRSTNAME} ${p.LASTNAME}`)).size).toBe(300);
    const s = await scenario(tempWorkspace(), {});
    expect(s.pairs).toHaveLength(0);
  });
});
