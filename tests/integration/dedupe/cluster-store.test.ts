import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import {
  getCluster,
  listClusters,
  listDecisions,
  notDuplicateKeys,
  recordDecision,
} from '../../../src-main/core/dedupe/cluster-store';

describe('cluster store', () => {
  it('reads clusters with their pairs and explanations', () => {
    const ws = tempWorkspace();
    const ins = contactInserter(ws.db);
    const [a, b] = [ins({ data: { LASTNAME: 'Muller' } }), ins({ data: { LASTNAME: 'Müller' } })];
    ws.db.prepare("INSERT INTO dedupe_runs(id, started_at) VALUES (1, 'now')").run();
    ws.db
      .prepare(
        "INSERT INTO dedupe_clusters(id, run_id, band, size, member_ids_json) VALUES (7, 1, 'sure', 2, ?)",
      )
      .run(JSON.stringify([a, b]));
    ws.db
      .prepare(
        "INSERT INTO dedupe_pairs(run_id, a, b, score, band, explanation_json, cluster_id) VALUES (1, ?, ?, 0.99, 'sure', ?, 7)",
      )
      .run(
        a,
        b,
        JSON.stringify([{ field: 'LASTNAME', comparison: 'jaro-winkler', level: 'exact', weight: 8.1 }]),
      );
    expect(listClusters(ws.db, { band: 'sure' }).map((c) => c.id)).toEqual([7]);
    expect(listClusters(ws.db, { band: 'review' })).toEqual([]);
    const c = getCluster(ws.db, 7);
    expect(c.memberIds).toEqual([a, b]);
    expect(c.pairs[0]!.explanation[0]!.level).toBe('exact');
    expect(() => getCluster(ws.db, 99)).toThrow(/does not exist/);
  });

  it('records decisions order-independently and refuses unknown contacts', () => {
    const ws = tempWorkspace();
    const ins = contactInserter(ws.db);
    const [a, b] = [ins({ data: {} }), ins({ data: {} })];
    recordDecision(ws.db, b, a, 'not-duplicate');
    recordDecision(ws.db, a, b, 'not-duplicate');
    expect(listDecisions(ws.db)).toHaveLength(1);
    expect(notDuplicateKeys(ws.db).has(`${a},${b}`)).toBe(true);
    expect(() => recordDecision(ws.db, a, 999, 'duplicate')).toThrow(/must both exist/);
    expect(() => recordDecision(ws.db, a, a, 'duplicate')).toThrow(/two different/);
  });
});
