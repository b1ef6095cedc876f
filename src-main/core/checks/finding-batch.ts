/**
 * The finding values of one checks batch in the form a worker sends them to the main thread:
 * each distinct string once, and per value slot its index. Most strings repeat within a batch
 * (codes, fields, severities, and the whole cached findings of memoised checks such as
 * `country.not-iso`), and structured clone copies every string occurrence anew: with the table
 * the main thread, which stores every batch alone, builds a fraction of the strings.
 */
export interface PackedValues {
  /** Distinct strings in first-seen order, with the numbers and nulls (not deduplicated). */
  distinct: unknown[];
  /** `values[i] === distinct[refs[i]]` for the flat insert values of the batch. */
  refs: Int32Array;
}

/** Packs a flat value array: each distinct string once; numbers and null as they come. */
export function packValues(values: readonly unknown[]): PackedValues {
  const ids = new Map<string, number>();
  const distinct: unknown[] = [];
  const refs = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Only strings are worth a lookup: numbers (row ids, confidences) and null copy as cheaply
    // as an index, and the row ids are nearly all distinct (they would only grow the Map).
    if (typeof v !== 'string') {
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
