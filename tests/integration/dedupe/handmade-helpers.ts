import type { ContactData } from '../../../shared/domain';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import type { Workspace } from '../../../src-main/core/db/workspace';
import { listClusters, type DedupePair } from '../../../src-main/core/dedupe/cluster-store';
import { runDedupe, type DedupeRunSummary } from '../../../src-main/core/dedupe/run-dedupe';
import { JobManager } from '../../../src-main/core/jobs/job-runner';

const FIRST = [
  'Anna',
  'Beat',
  'Claudia',
  'Daniel',
  'Eva',
  'Fabian',
  'Gabriela',
  'Heinz',
  'Irene',
  'Jürg',
  'Karin',
  'Lukas',
  'Monika',
  'Nicolas',
  'Olivia',
  'Pascal',
  'Regula',
  'Stefan',
  'Tanja',
  'Urs',
];
const LAST = [
  'Ammann',
  'Bachmann',
  'Christen',
  'Dubois',
  'Egli',
  'Frei',
  'Gerber',
  'Huber',
  'Imhof',
  'Jost',
  'Keller',
  'Lehmann',
  'Moser',
  'Nussbaum',
  'Rochat',
  'Schneider',
  'Tanner',
  'Vogel',
  'Wyss',
  'Zbinden',
];
const TOWNS: Array<[string, string]> = [
  ['8001', 'Zürich'],
  ['3011', 'Bern'],
  ['1003', 'Lausanne'],
  ['4051', 'Basel'],
  ['6003', 'Luzern'],
  ['9000', 'St. Gallen'],
  ['1201', 'Genève'],
  ['2502', 'Biel/Bienne'],
];
const STREETS = [
  'Bahnhofstrasse',
  'Hauptstrasse',
  'Seeweg',
  'Dorfstrasse',
  'Rue du Lac',
  'Kirchgasse',
  'Schulstrasse',
  'Chemin des Vignes',
];

/** 300 distinct background people, so the EM and u estimates see a realistic population. */
export function population(count = 300): ContactData[] {
  const out: ContactData[] = [];
  for (let k = 0; k < count; k++) {
    const first = FIRST[k % FIRST.length]!;
    const last = LAST[Math.floor(k / FIRST.length) % LAST.length]!;
    const [zip, town] = TOWNS[(k * 7) % TOWNS.length]!;
    out.push({
      FIRSTNAME: first,
      LASTNAME: last,
      LINE1: `${STREETS[(k * 3) % STREETS.length]} ${(k % 97) + 1}`,
      ZIPCODE: zip,
      TOWN: town,
      COUNTRY: 'CH',
      BIRTHDATE: `${String((k % 28) + 1).padStart(2, '0')}.${String((k % 12) + 1).padStart(2, '0')}.${1940 + (k % 60)}`,
      EMAIL1: `${first}.${last}${k}@example.ch`.toLowerCase(),
      CELLPHONE: `079 ${String(1000000 + k * 7919).slice(0, 7)}`,
    });
  }
  return out;
}

export interface Scenario {
  ws: Workspace;
  ids: Record<string, number>;
  summary: DedupeRunSummary;
  pairs: DedupePair[];
  /** The stored pair of two named contacts, if detected. */
  pair(x: string, y: string): DedupePair | undefined;
  /** Whether two named contacts ended up in one duplicate group. */
  together(x: string, y: string): boolean;
}

export async function runDedupeJob(ws: Workspace): Promise<DedupeRunSummary> {
  const jobs = new JobManager(ws.db);
  return jobs.start('dedupe.run', (ctx) => runDedupe(ws, ctx, { threads: 0 })).done;
}

/** Inserts the background population plus the named contacts, runs detection, reads the results. */
export async function scenario(ws: Workspace, named: Record<string, ContactData>): Promise<Scenario> {
  const ins = contactInserter(ws.db);
  const ids: Record<string, number> = {};
  ws.db.transaction(() => {
    for (const c of population()) ins({ data: c });
    for (const [name, data] of Object.entries(named)) ids[name] = ins({ data });
  })();
  return rescan(ws, ids);
}

export async function rescan(ws: Workspace, ids: Record<string, number>): Promise<Scenario> {
  const summary = await runDedupeJob(ws);
  const pairs = (ws.db.prepare('SELECT * FROM dedupe_pairs').all() as Array<Record<string, unknown>>).map(
    (r) => ({
      id: r.id as number,
      runId: r.run_id as number,
      a: r.a as number,
      b: r.b as number,
      score: r.score as number,
      weight: r.weight as number,
      band: r.band as 'sure' | 'review',
      explanation: JSON.parse(r.explanation_json as string) as DedupePair['explanation'],
      clusterId: r.cluster_id as number | null,
    }),
  );
  const clusters = listClusters(ws.db);
  return {
    ws,
    ids,
    summary,
    pairs,
    pair: (x, y) => {
      const [a, b] = [ids[x]!, ids[y]!].sort((p, q) => p - q);
      return pairs.find((p) => p.a === a && p.b === b);
    },
    together: (x, y) => clusters.some((c) => c.memberIds.includes(ids[x]!) && c.memberIds.includes(ids[y]!)),
  };
}
