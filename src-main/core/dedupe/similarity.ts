/**
 * String similarities used by the comparisons. Hot path (millions of calls per run): no
 * allocations per call beyond small reused buffers, plain loops over char codes.
 */

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 chars, boost above 0.7). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la <= 32 && lb <= 32) return jaroWinklerShort(a, b, la, lb);
  return jaroWinklerArrays(a, b);
}

/**
 * jaroWinkler with the matched flags in byte arrays: any length (the reference the 32-char
 * fast path is tested against).
 */
export function jaroWinklerArrays(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length || lb > flagsB.length) {
    flagsA = new Uint8Array(Math.max(la, lb) * 2);
    flagsB = new Uint8Array(Math.max(la, lb) * 2);
  }
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  return jaroWinklerFromCounts(a, b, la, lb, m, t);
}

/**
 * `osaDistance(a, b, 1) <= 1` in one linear pass: equal, or one substitution, one adjacent
 * transposition, or one insertion/deletion (the only ways to be one OSA edit apart).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (a.charCodeAt(i) === b.charCodeAt(i)) i++; // a !== b: stops at the first difference
    if (sameFrom(a, i + 1, b, i + 1)) return true; // one substitution
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameFrom(a, i + 2, b, i + 2)
    );
  }
  if (la !== lb + 1 && lb !== la + 1) return false;
  const short = la < lb ? a : b;
  const long = la < lb ? b : a;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  return sameFrom(short, i, long, i + 1); // one character inserted at i
}

/** a from `i` equals b from `j` (same remaining length assumed by the callers). */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * jaroWinkler for strings of at most 32 characters (names, words, towns: nearly every call):
 * the same algorithm with the matched flags held in two 32-bit masks instead of byte arrays,
 * so nothing is cleared or written to memory per call. Same operations, same result.
 */
function jaroWinklerShort(a: string, b: string, la: number, lb: number): number {
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let flagsA = 0;
  let flagsB = 0;
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if ((flagsB & (1 << j)) === 0 && b.charCodeAt(j) === ca) {
        flagsA |= 1 << i;
        flagsB |= 1 << j;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if ((flagsA & (1 << i)) === 0) continue;
    while ((flagsB & (1 << k)) === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  return jaroWinklerFromCounts(a, b, la, lb, m, t);
}

let row0 = new Int32Array(64);
let row1 = new Int32Array(64);
let row2 = new Int32Array(64);

/**
 * Damerau-Levenshtein distance, optimal string alignment variant (adjacent transpositions
 * count 1: `4814`/`4184` → 1). Returns `max + 1` early once the distance must exceed `max`.
 */
export function osaDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (lb + 1 > row0.length) {
    row0 = new Int32Array((lb + 1) * 2);
    row1 = new Int32Array((lb + 1) * 2);
    row2 = new Int32Array((lb + 1) * 2);
  }
  // prev2 = row i-2, prev = row i-1, cur = row i
  let prev2 = row0;
  let prev = row1;
  let cur = row2;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/**
 * Token-set similarity for multi-word values (streets, company names): tokens are matched
 * one-to-one, each pair scoring its Jaro-Winkler when ≥ 0.85 (so typos inside a word still
 * count); result = matched weight / size of the larger token set. Word order does not matter:
 * `Bahnhofstrasse 12` ~ `12 Bahnhofstrasse`.
 */
export function tokenSetSimilarity(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  return tokenArraySimilarity(a.split(' ').filter(Boolean), b.split(' ').filter(Boolean));
}

let usedBuf = new Uint8Array(16);

/** tokenSetSimilarity on pre-split tokens (callers cache the split per value). */
export function tokenArraySimilarity(ta: readonly string[], tb: readonly string[]): number {
  if (ta.length === 0 || tb.length === 0) return 0;
  if (usedBuf.length < tb.length) usedBuf = new Uint8Array(tb.length * 2);
  const used = usedBuf;
  used.fill(0, 0, tb.length);
  let total = 0;
  for (const x of ta) {
    let best = 0;
    let bestJ = -1;
    for (let j = 0; j < tb.length; j++) {
      if (used[j]) continue;
      const y = tb[j]!;
      // Numbers (house numbers, postcodes) must match exactly: 12 vs 21 is another house.
      const s = x === y ? 1 : isDigits(x) || isDigits(y) ? 0 : jaroWinkler(x, y);
      if (s > best) {
        best = s;
        bestJ = j;
      }
    }
    if (bestJ >= 0 && best >= 0.85) {
      used[bestJ] = 1;
      total += best;
    }
  }
  return total / Math.max(ta.length, tb.length);
}

/** Only ASCII digits (and not empty). */
export function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** Jaro from `m` matches and `t` half-transpositions, with Winkler's boost for a common prefix (≤ 4). */
function jaroWinklerFromCounts(a: string, b: string, la: number, lb: number, m: number, t: number): number {
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  if (jaro <= 0.7) return jaro;
  let p = 0;
  const maxP = Math.min(4, la, lb);
  while (p < maxP && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return jaro + p * 0.1 * (1 - jaro);
}
