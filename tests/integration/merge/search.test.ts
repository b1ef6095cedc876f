import { describe, expect, it } from 'vitest';
import {
  searchContacts,
  queryProbes,
  dropSearchIndex,
  quickFold,
} from '../../../src-main/core/dedupe/search';
import { mergeContacts } from '../../../src-main/core/dedupe/merge';
import { applyOperation, undo } from '../../../src-main/core/history/history';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedContact, seedSource } from './seed';

function setup() {
  const ws = tempWorkspace();
  const s = seedSource(ws, 'in.csv', '2026-11-20T00:00:00Z');
  const ids = {
    muller: seedContact(ws, s, 2, {
      FIRSTNAME: 'François',
      LASTNAME: 'Müller',
      EMAIL1: 'f.muller@gmx.ch',
      TOWN: 'Genève',
      CONTACT_NR: '000123',
    }),
    meier: seedContact(ws, s, 3, {
      FIRSTNAME: 'Anna',
      LASTNAME: 'Meier',
      EMAIL1: 'anna@meier.ch',
      TOWN: 'Zürich',
    }),
    muster: seedContact(ws, s, 4, { FIRSTNAME: 'Hans', LASTNAME: 'Muster', TOWN: 'Bern' }),
    migros: seedContact(ws, s, 5, {
      OFFICIAL_NAME: 'Migros Genossenschaft',
      TOWN: 'Zürich',
      CONTACT_NR: '123',
    }),
    dupont: seedContact(ws, s, 6, { FIRSTNAME: 'Jean', LASTNAME: 'Dupont', TOWN: 'Lausanne' }),
    dupont2: seedContact(ws, s, 7, { FIRSTNAME: 'Jeanne', LASTNAME: 'Dupont', TOWN: 'Genève' }),
  };
  return { ws, ids };
}

// Every behaviour must hold on both paths: in-memory compact index and SQL pre-filter.
const PATHS = [
  ['in memory', {}],
  ['SQL pre-filter (large workspace)', { inMemoryLimit: 0 }],
] as const;

describe.each(PATHS)('search (%s)', (_label, opts) => {
  it('finds Müller for "muller" (accents folded)', () => {
    const { ws, ids } = setup();
    expect(searchContacts(ws, 'muller', opts)[0]).toMatchObject({
      contactId: ids.muller,
      name: 'François Müller',
    });
  });

  it('is typo tolerant: "mueler" and "meir" still find their contact first', () => {
    const { ws, ids } = setup();
    expect(searchContacts(ws, 'mueler', opts)[0]!.contactId).toBe(ids.muller);
    expect(searchContacts(ws, 'meir', opts)[0]!.contactId).toBe(ids.meier);
  });

  it('searches email and town too', () => {
    const { ws, ids } = setup();
    expect(searchContacts(ws, 'anna@meier', opts)[0]!.contactId).toBe(ids.meier);
    expect(searchContacts(ws, 'dupont lausanne', opts)[0]!.contactId).toBe(ids.dupont);
  });

  it('an exact CONTACT_NR comes first; a number is never matched by its digits loosely', () => {
    const { ws, ids } = setup();
    const hits = searchContacts(ws, '123', opts);
    expect(hits[0]).toMatchObject({ contactId: ids.migros, score: 0, contactNr: '123' });
    expect(searchContacts(ws, '000123', opts)[0]!.contactId).toBe(ids.muller);
  });

  it('respects the limit and returns nothing for an empty query', () => {
    const { ws } = setup();
    expect(searchContacts(ws, 'dupont', { ...opts, limit: 1 })).toHaveLength(1);
    expect(searchContacts(ws, '   ', opts)).toEqual([]);
  });

  it('follows edits, merges and undo (merged contacts are not found)', () => {
    const { ws, ids } = setup();
    expect(searchContacts(ws, 'dupont', opts)).toHaveLength(2);
    mergeContacts(ws, [ids.dupont, ids.dupont2]);
    expect(searchContacts(ws, 'dupont', opts)).toHaveLength(1);
    undo(ws);
    expect(searchContacts(ws, 'dupont', opts)).toHaveLength(2);
    applyOperation(ws, { kind: 'edit', label: 'rename' }, [
      { contactId: ids.muster, attribute: 'LASTNAME', after: 'Zwingli' },
    ]);
    expect(searchContacts(ws, 'zwingli', opts)[0]!.contactId).toBe(ids.muster);
    dropSearchIndex(ws);
  });

  it('sees contacts created in bulk without an event (mapping apply) and removed ones', () => {
    const { ws } = setup();
    expect(searchContacts(ws, 'zwingli', opts)).toEqual([]);
    const s = seedSource(ws, 'more.csv', '2026-11-21T00:00:00Z');
    const id = seedContact(ws, s, 2, { FIRSTNAME: 'Ulrich', LASTNAME: 'Zwingli' });
    expect(searchContacts(ws, 'zwingli', opts)[0]!.contactId).toBe(id);
    ws.db.prepare('DELETE FROM contacts WHERE id = ?').run(id);
    expect(searchContacts(ws, 'zwingli', opts)).toEqual([]);
  });
});

describe('search probes', () => {
  it('splits words into trigrams and keeps short words whole', () => {
    expect(queryProbes('Jo Müller')).toEqual(['jo', 'mul', 'ull', 'lle', 'ler']);
  });

  it('quick fold agrees with the accent folding of shared/text (ß, Æ, decomposed é)', () => {
    expect(quickFold('Müller GENÈVE Æsch Straße e\u0301')).toBe('muller geneve aesch strasse e');
  });
});
