import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PostalIndex } from './postal-index';
import { findResourcesDir } from './resources-dir';

/** Countries with a file in resources/postal (see resources/README.md for granularity limits). */
export const POSTAL_COUNTRIES = [
  'AT',
  'BE',
  'CA',
  'CH',
  'DE',
  'ES',
  'FR',
  'GB',
  'IE',
  'IT',
  'LI',
  'LU',
  'NL',
  'PT',
  'US',
] as const;

/**
 * Lazily loads one PostalIndex per country on first use and keeps it. Not shared across worker
 * threads: each thread builds its own (≈ 20-150 ms per country), the indexes are never mutated.
 */
export class PostalReference {
  private readonly cache = new Map<string, PostalIndex | null>();

  constructor(private readonly dir: string = join(findResourcesDir(), 'postal')) {}

  /** Countries whose file has been read so far (lazy loading keeps workers light). */
  loaded(): string[] {
    return [...this.cache.entries()].filter(([, v]) => v).map(([k]) => k);
  }

  get(country: string): PostalIndex | undefined {
    const cc = country.toUpperCase();
    let index = this.cache.get(cc);
    if (index === undefined) {
      const file = join(this.dir, `${cc}.tsv`);
      index =
        /^[A-Z]{2}$/.test(cc) && existsSync(file) ? new PostalIndex(cc, readFileSync(file, 'utf8')) : null;
      this.cache.set(cc, index);
    }
    return index ?? undefined;
  }
}
