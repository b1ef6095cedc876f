import { FINDING_WIDTH } from './findings-store';

/** Where a finding's template key sits among its values (findingValues order). */
const KEY_SLOT = 1;

/**
 * The finding values of one checks batch in the form a worker sends them to the main thread:
 * each distinct template key once, and per value slot its index. A batch's ~8,000 findings
 * share a few dozen keys (long strings), and structured clone copies every string occurrence
 * anew: with the table the main thread, which stores every batch alone, builds a few dozen keys
 * instead of thousands. Arguments and row ids are nearly all distinct, so they go as they come.
 */
export interface PackedValues {
  /** Distinct keys in first-seen order, with the other values (not deduplicated). */
  distinct: unknown[];
  /** `values[i] === distinct[refs[i]]` for the flat insert values of the batch. */
  refs: Int32Array;
}

/** Packs a batch's flat values (FINDING_WIDTH per finding): each distinct template key once, the rest as they come. */
export function packValues(values: readonly unknown[]): PackedValues {
  const ids = new Map<string, number>();
  const distinct: unknown[] = [];
  const refs = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Only template keys are worth a lookup (a few dozen per batch, repeated thousands of
    // times). Row ids and arguments are nearly all distinct: they would only grow the Map.
    if (i % FINDING_WIDTH !== KEY_SLOT || typeof v !== 'string') {
      refs[i] = distinct.length;
      distinct.push(v);
      continue;
    }
    let id = ids.get(v);
    if (id === undefined) {
      id = distinct.length;
      ids.set(v, id);
      distinct.push(v);
    }
    refs[i] = id;
  }
  return { distinct, refs };
}

/** The form of a batch checked in this thread: nothing to copy, so no table is built. */
export function unpackedValues(values: unknown[]): PackedValues {
  const refs = new Int32Array(values.length);
  for (let i = 0; i < refs.length; i++) refs[i] = i;
  return { distinct: values, refs };
}

/** The flat value array back. */
export function unpackValues(packed: PackedValues): unknown[] {
  const { distinct, refs } = packed;
  const out = new Array<unknown>(refs.length);
  for (let i = 0; i < refs.length; i++) out[i] = distinct[refs[i]!];
  return out;
}
