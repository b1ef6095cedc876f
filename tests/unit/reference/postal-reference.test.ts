import { describe, expect, it } from 'vitest';
import { PostalIndex } from '../../../src-main/core/reference/postal-index';
import { PostalReference, POSTAL_COUNTRIES } from '../../../src-main/core/reference/postal-loader';
import { townKey } from '../../../src-main/core/reference/town-key';
import { NameReference } from '../../../src-main/core/reference/name-reference';

const postal = new PostalReference();

describe('townKey', () => {
  it('ignores accents, case, hyphens and saint abbreviations', () => {
    expect(townKey('Saint-Étienne')).toBe(townKey('ST ETIENNE'));
    expect(townKey('St. Gallen')).toBe(townKey('Sankt Gallen'));
    expect(townKey('GENÈVE')).toBe('geneve');
  });
  it('reads Paris arrondissements written in several ways as one key', () => {
    expect(townKey('Paris 08')).toBe('paris 8');
    expect(townKey('Paris 8e')).toBe('paris 8');
    expect(townKey('PARIS 8ème')).toBe('paris 8');
    expect(townKey('Paris Cedex 08')).toBe('paris');
  });
});

describe('PostalIndex', () => {
  const index = new PostalIndex('XX', '1000\tAlpha\n1000\tBeta VD\n1001\tAlpha\n2000\tGamma\t*\n');
  it('lists towns per postcode and postcodes per town', () => {
    expect(index.townsOf('1000').map((t) => t.name)).toEqual(['Alpha', 'Beta VD']);
    expect(index.postcodesOf('alpha')).toEqual(['1000', '1001']);
  });
  it('never offers an alias as a primary spelling but accepts it', () => {
    expect(index.postcodesOf('gamma')).toEqual([]);
    expect(index.knowsTown('gamma')).toBe(true);
    expect(index.matchTown('2000', 'GAMMA')?.alias).toBe(true);
  });
  it('matches a town without its canton suffix or with a post office number', () => {
    expect(index.matchTown('1000', 'beta')?.name).toBe('Beta VD');
    expect(index.matchTown('1000', 'Alpha 3')?.name).toBe('Alpha');
    expect(index.matchTown('1000', 'Delta')).toBeUndefined();
  });
});

describe('shipped postal reference', () => {
  it('has a file for every announced country', () => {
    for (const cc of POSTAL_COUNTRIES) expect(postal.get(cc)?.postcodeCount, cc).toBeGreaterThan(10);
    expect(postal.get('ZZ')).toBeUndefined();
  });
  it('knows Swiss localities in their official spelling, including PO-box codes', () => {
    const ch = postal.get('CH')!;
    expect(ch.matchTown('1204', 'geneve')?.name).toBe('Genève');
    expect(ch.matchTown('1211', 'Genève 4')?.name).toBe('Genève');
    expect(ch.matchTown('8000', 'ZURICH')?.name).toBe('Zürich');
    expect(ch.townsOf('3000').map((t) => t.name)).not.toContain('Bern 5');
  });
  it('stores French overseas codes and Luxembourg codes without the L- prefix', () => {
    expect(postal.get('FR')!.hasPostcode('97100')).toBe(true);
    expect(postal.get('FR')!.matchTown('42000', 'St-Etienne')?.name).toBe('Saint-Étienne');
    expect(postal.get('LU')!.hasPostcode('4906')).toBe(true);
  });
  it('reads a country file only when that country is first asked for', () => {
    // Building the largest index (FR) takes ~150 ms here; each worker thread builds its own.
    const fresh = new PostalReference();
    expect(fresh.loaded()).toEqual([]);
    expect(fresh.get('FR')?.hasPostcode('75008')).toBe(true);
    expect(fresh.get('fr')).toBe(fresh.get('FR'));
    expect(fresh.loaded()).toEqual(['FR']);
  });
});

describe('NameReference', () => {
  const names = NameReference.load();
  it('recognises common first names of the supported languages whatever the case', () => {
    for (const n of ['Jean-Pierre', 'URS', 'giulia', 'Hans', 'Sophie', 'Matteo'])
      expect(names.isFirstName(n), n).toBe(true);
  });
  it('does not take typical surnames for first names', () => {
    for (const n of ['Müller', 'Dubois', 'Rossi', 'Schneider']) expect(names.isFirstName(n), n).toBe(false);
  });
});
