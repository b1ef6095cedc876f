import type { Finding } from './check';
import { FINDING_WIDTH, pushFindingValues, type FindingEncoder } from './findings-store';

/**
 * Findings of one **shape** — same field, code, severity, message template, params, suggestion
 * keys and confidence — that differ only in two string values put in as they are (a phone cell
 * and its E.164 form). The stored form (finding-template.ts) of every such finding is the same
 * template with the two values as arguments, so it is worked out once per shape, from a sample
 * built with marker values, and each finding is then pushed as (row id, key, a, b): no JSON, no
 * text search, and one key string per shape, which the batch packing and the writer's template
 * lookup find by identity instead of hashing a fresh 100-character key.
 *
 * Why: `phone.format` is about one finding per row (1.06M in the 1M bench run); going through
 * pushFindingValues cost it 2–3 µs in this thread and more again when packed and written.
 *
 * Contract of `build(a, b)`: it is the check's own constructor of that finding, and it only
 * inserts `a` and `b` into the texts (message, params, suggestion), never transforms or tests
 * them. Then the template with the markers cut out, rendered with the real values, gives the
 * texts the check would have built — provided the values are written into JSON as they are
 * (nothing to escape) and hold no marker or placeholder character. Other values, and a sample the
 * cut does not give back as (marker A, marker B), take the generic path.
 */
export class FindingShape {
  /** The template key; null when the sample does not cut as expected (generic path always). */
  private key: string | null | undefined;

  constructor(
    private readonly build: (a: string, b: string) => Finding,
    private readonly encoder?: FindingEncoder,
  ) {}

  /** Pushes the finding built from `a` and `b` for `rowId`; false when the caller must push it generically. */
  push(out: unknown[], rowId: number, a: string, b: string): boolean {
    if (NOT_PLAIN.test(a) || NOT_PLAIN.test(b)) return false;
    if (this.key === undefined) this.key = this.sampleKey();
    if (this.key === null) return false;
    out.push(rowId, this.key, a, b);
    return true;
  }

  private sampleKey(): string | null {
    const values: unknown[] = [];
    pushFindingValues(values, this.build(MARK_A, MARK_B), this.encoder);
    const [, key, a, b] = values as [number, string, string | null, string | null];
    return values.length === FINDING_WIDTH && a === MARK_A && b === MARK_B ? key : null;
  }
}

/** Private-use characters: no check writes them in its constant texts. */
const MARK_A = '\uE000\uE000\uE000';
const MARK_B = '\uE001\uE001\uE001';
/**
 * What JSON.stringify would escape (quote, backslash, control characters, which include the
 * template placeholders U+0001–U+0003, and lone surrogates: any surrogate, to stay simple), and
 * the markers.
 */
// eslint-disable-next-line no-control-regex -- control characters are what must be excluded
const NOT_PLAIN = /["\\\u0000-\u001f\ud800-\udfff\ue000\ue001]/;
