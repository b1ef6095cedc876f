import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normName } from './normalize-fields';

/** Where the bundled list lives: resources/names/ from the sources or from dist/<cli|workers>/. */
function defaultPath(): string {
  const bundled = typeof __BUNDLED__ !== 'undefined' && __BUNDLED__;
  const rel = bundled ? '../../resources/names/nicknames.tsv' : '../../../resources/names/nicknames.tsv';
  return fileURLToPath(new URL(rel, import.meta.url));
}

/**
 * Given-name equivalences (Hans ~ Johannes, Bob ~ Robert, Sepp ~ Josef, JP ~ Jean-Pierre).
 * Two names are nicknames of each other when they appear in one group (not transitively:
 * Jean ~ Hans and Hans ~ Johannes do not make every Jean a Johannes of every group).
 */
export class Nicknames {
  private readonly groups = new Map<string, number[]>();

  static parse(text: string): Nicknames {
    const n = new Nicknames();
    let g = 0;
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [formal, rest = ''] = line.split('\t');
      const names = [formal!, ...rest.split(',')].map((x) => normName(x)).filter(Boolean);
      for (const name of new Set(names)) {
        const list = n.groups.get(name);
        if (list) list.push(g);
        else n.groups.set(name, [g]);
        // "jean pierre" is also written "jeanpierre"
        const compact = name.replace(/ /g, '');
        if (compact !== name && !names.includes(compact)) {
          const l2 = n.groups.get(compact);
          if (l2) l2.push(g);
          else n.groups.set(compact, [g]);
        }
      }
      g++;
    }
    return n;
  }

  static load(path = defaultPath()): Nicknames {
    return Nicknames.parse(readFileSync(path, 'utf8'));
  }

  /** True when the two normalised given names are listed in a common group. */
  match(a: string, b: string): boolean {
    if (a === b) return false;
    const ga = this.groups.get(a);
    if (!ga) return false;
    const gb = this.groups.get(b);
    if (!gb) return false;
    for (const x of ga) if (gb.includes(x)) return true;
    return false;
  }

  get size(): number {
    return this.groups.size;
  }
}

let shared: Nicknames | undefined;
/** The bundled list, loaded once per thread. */
export function bundledNicknames(): Nicknames {
  shared ??= Nicknames.load();
  return shared;
}
