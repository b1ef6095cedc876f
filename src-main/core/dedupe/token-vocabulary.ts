import { PairMemo } from './pair-memo';
import { isDigits, jaroWinkler } from './similarity';

/**
 * Interned tokens with their pairwise similarity memoised. Street lines are made of few distinct
 * words (`strasse`, `rue`, `de`, `via`, the street names of a town) compared over and over: on
 * 100k generated contacts the street comparisons ask for ~1.1M word similarities among ~23k
 * distinct word pairs. `setSimilarity` on token ids gives exactly `tokenArraySimilarity` on the
 * tokens (same matching, same sum order); only the Jaro-Winkler of a word pair is reused.
 */
export class TokenVocabulary {
  private readonly ids = new Map<string, number>();
  private readonly tokens: string[] = [];
  private readonly digits: boolean[] = [];
  private readonly sims = new PairMemo();
  private used = new Uint8Array(16);

  /** Id of a token (ids are dense from 0). */
  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.ids.set(token, id);
      this.tokens.push(token);
      this.digits.push(isDigits(token));
    }
    return id;
  }

  intern(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length); // a plain loop: Int32Array.from(list, fn) is slow
    for (let i = 0; i < tokens.length; i++) ids[i] = this.id(tokens[i]!);
    return ids;
  }

  /** Score of one token pair as tokenArraySimilarity scores it (numbers only match exactly). */
  similarity(x: number, y: number): number {
    if (x === y) return 1;
    if (this.digits[x] || this.digits[y]) return 0;
    let s = this.sims.get(x, y);
    if (s < 0) {
      s = jaroWinkler(this.tokens[x]!, this.tokens[y]!);
      this.sims.set(x, y, s);
    }
    return s;
  }

  /** tokenArraySimilarity of two interned token lists. */
  setSimilarity(ta: Int32Array, tb: Int32Array): number {
    if (ta.length === 0 || tb.length === 0) return 0;
    if (this.used.length < tb.length) this.used = new Uint8Array(tb.length * 2);
    const used = this.used;
    used.fill(0, 0, tb.length);
    let total = 0;
    for (let i = 0; i < ta.length; i++) {
      const x = ta[i]!;
      let best = 0;
      let bestJ = -1;
      for (let j = 0; j < tb.length; j++) {
        if (used[j]) continue;
        const s = this.similarity(x, tb[j]!);
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
}
