import { computeTownKey, townKey, townKeyWithoutNumber } from './town-key';

export interface TownEntry {
  /** Spelling as in the reference data (`Genève`, `Zürich`, `Saint-Étienne`). */
  name: string;
  key: string;
  /** An accepted spelling that is never suggested (municipality names, La Poste labels). */
  alias: boolean;
}

/**
 * Read-only postcode ↔ town index of one country, built from a `resources/postal/<CC>.tsv` text
 * (`postcode<TAB>town[<TAB>*]`). Pure: no I/O, so each worker thread can build its own copy.
 */
export class PostalIndex {
  private readonly byPostcode = new Map<string, TownEntry[]>();
  /** town key → postcodes where it is a primary spelling. */
  private readonly byTown = new Map<string, Set<string>>();
  /** town key → postcodes where it is only an alias. */
  private readonly byAlias = new Map<string, Set<string>>();

  constructor(
    readonly country: string,
    text: string,
  ) {
    const keys = new Map<string, string>(); // town names repeat a lot (Paris, Luxembourg)
    for (const line of text.split('\n')) {
      if (!line) continue;
      const [postcode, name, flag] = line.split('\t') as [string, string, string | undefined];
      let key = keys.get(name);
      if (key === undefined) keys.set(name, (key = computeTownKey(name)));
      const entry: TownEntry = { name, key, alias: flag === '*' };
      let towns = this.byPostcode.get(postcode);
      if (!towns) this.byPostcode.set(postcode, (towns = []));
      towns.push(entry);
      const map = entry.alias ? this.byAlias : this.byTown;
      let codes = map.get(key);
      if (!codes) map.set(key, (codes = new Set()));
      codes.add(postcode);
    }
  }

  get postcodeCount(): number {
    return this.byPostcode.size;
  }

  hasPostcode(postcode: string): boolean {
    return this.byPostcode.has(postcode);
  }

  /** Every town listed for a postcode (primary spellings first in file order). */
  townsOf(postcode: string): readonly TownEntry[] {
    return this.byPostcode.get(postcode) ?? [];
  }

  /** Postcodes where this town key is a primary spelling (see townKey); empty when unknown. */
  postcodesOf(key: string): readonly string[] {
    const codes = this.byTown.get(key);
    return codes ? [...codes].sort() : [];
  }

  /** True when the key is a known town or alias anywhere in the country. */
  knowsTown(key: string): boolean {
    return this.byTown.has(key) || this.byAlias.has(key);
  }

  /** Every distinct primary town key, for fuzzy search over the whole country. */
  townKeys(): IterableIterator<string> {
    return this.byTown.keys();
  }

  /** Primary spelling for a town key (`geneve` → `Genève`), if the country knows it. */
  spellingOf(key: string): string | undefined {
    for (const code of this.byTown.get(key) ?? []) {
      const hit = this.townsOf(code).find((t) => t.key === key && !t.alias);
      if (hit) return hit.name;
    }
    return undefined;
  }

  /**
   * The reference town a written town stands for at this postcode, or undefined. Accepts the
   * exact key, a Swiss office number (`Lausanne 1`), and a district or canton suffix on either
   * side (`Renens` for `Renens VD`, `Hamburg` for `Hamburg Altstadt`, `Zürich Oerlikon` for `Zürich`).
   */
  matchTown(postcode: string, written: string): TownEntry | undefined {
    const towns = this.townsOf(postcode);
    if (towns.length === 0) return undefined;
    const key = townKey(written);
    if (!key) return undefined;
    const bare = townKeyWithoutNumber(key);
    const exact =
      towns.find((t) => t.name === written.trim()) ??
      towns.find((t) => t.key === key && !t.alias) ??
      towns.find((t) => t.key === key) ??
      towns.find((t) => t.key === bare);
    if (exact) return exact;
    return (
      towns.find((t) => t.key.startsWith(`${bare} `)) ??
      towns.find((t) => bare.startsWith(`${t.key} `)) ??
      sameFirstWord(towns, bare)
    );
  }
}

/** First words too common to identify a town on their own (`Saint-…`, `Bad …`, `Neu …`). */
const GENERIC_FIRST = new Set([
  'saint',
  'sainte',
  'santa',
  'santo',
  'sankt',
  'villa',
  'ville',
  'monte',
  'mont',
]);

/**
 * `Frankfurt a. M.` or `Frankfurt/Main` for `Frankfurt am Main`, `Freiburg i. Br.` for
 * `Freiburg im Breisgau`: the same distinctive first word (5+ letters) at this postcode.
 */
function sameFirstWord(towns: readonly TownEntry[], key: string): TownEntry | undefined {
  const first = key.split(' ')[0]!;
  if (first.length < 5 || first === key || GENERIC_FIRST.has(first)) return undefined;
  return towns.find((t) => t.key.startsWith(`${first} `));
}
