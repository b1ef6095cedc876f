import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeKey } from '../../../shared/text/normalize';
import { findResourcesDir } from './resources-dir';

/** normalizeKey with a fast path for plain ASCII (most names), which needs no NFD pass. */
function nameKey(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(value) ? value.toLowerCase().replace(/\s+/g, ' ').trim() : normalizeKey(value);
}

/**
 * Known first and last names (resources/names, from @faker-js/faker locale data, MIT), keyed by
 * normalizeKey so `JEAN-PIERRE`, `Jean-Pierre` and `jean-pierre` all hit. Read-only after load.
 */
export class NameReference {
  readonly firstNames: ReadonlySet<string>;
  readonly lastNames: ReadonlySet<string>;

  constructor(first: Iterable<string>, last: Iterable<string>) {
    this.firstNames = new Set([...first].map(normalizeKey));
    this.lastNames = new Set([...last].map(normalizeKey));
  }

  static load(dir: string = join(findResourcesDir(), 'names')): NameReference {
    const read = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean);
    return new NameReference(read('first-names.txt'), read('last-names.txt'));
  }

  isFirstName(value: string): boolean {
    return this.firstNames.has(nameKey(value));
  }

  isLastName(value: string): boolean {
    return this.lastNames.has(nameKey(value));
  }
}
