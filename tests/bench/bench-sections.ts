/**
 * Which bench sections exist and in which order they run: every `<name>.bench.ts` in the bench
 * folder; import, export, checks and dedupe first (later sections reuse the files the import
 * section generates), then the others by name.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SECTION_ORDER = ['import', 'export', 'checks', 'dedupe'];

/** `BENCH_ONLY=import, dedupe` → `['import', 'dedupe']`; unset or empty → null (all sections). */
export function parseOnly(value: string | undefined): string[] | null {
  const names = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 ? names : null;
}

/** Absolute paths of the section files in `dir`, in run order, filtered by `only`. */
export function discoverSections(dir: string, only: string[] | null): string[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length));
  const rank = (n: string): number => {
    const i = SECTION_ORDER.indexOf(n);
    return i < 0 ? SECTION_ORDER.length : i;
  };
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.filter((n) => only === null || only.includes(n)).map((n) => join(dir, `${n}.bench.ts`));
}
