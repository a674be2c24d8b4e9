import { cmp, Dec } from "./decimal";

/**
 * Competition ranking, highest first: equal keys share a rank and the next rank is skipped
 * (1, 2, 2, 4). Returns the rank of each key, in the input order.
 */
export function rankDescending(keys: readonly Dec[]): number[] {
  const order = keys.map((_, i) => i).sort((a, b) => cmp(keys[b], keys[a]) || a - b);
  const ranks = new Array<number>(keys.length);
  for (let pos = 0; pos < order.length; pos++) {
    const i = order[pos];
    ranks[i] = pos > 0 && cmp(keys[order[pos - 1]], keys[i]) === 0 ? ranks[order[pos - 1]] : pos + 1;
  }
  return ranks;
}
