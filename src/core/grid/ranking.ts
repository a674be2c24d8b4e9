import { cmp, Dec } from "../base/decimal";

/**
 * Competition ranking, highest first: equal keys share a rank and the next rank is skipped
 * (1, 2, 2, 4). Returns the rank of each key, in the input order.
 */
export function rankDescending(keys: readonly Dec[]): number[] {
  const n = keys.length;
  // Fast path: the keys brought to one scale as whole numbers, when they all fit exactly (they do
  // for every index and total: 0,861 → 861). Otherwise exact decimal comparison.
  const ints = commonScaleIntegers(keys);
  const order = ints ? sortedByInts(ints) : keys.map((_, i) => i).sort((a, b) => cmp(keys[b], keys[a]) || a - b);
  const same = ints ? (i: number, j: number) => ints[i] === ints[j] : (i: number, j: number) => cmp(keys[i], keys[j]) === 0;
  const ranks = new Array<number>(n);
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos];
    ranks[i] = pos > 0 && same(order[pos - 1], i) ? ranks[order[pos - 1]] : pos + 1;
  }
  return ranks;
}

/** Positions by key, highest first, ties in input order. */
function sortedByInts(ints: Float64Array): ArrayLike<number> {
  const n = ints.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (ints[i] < lo) lo = ints[i];
    if (ints[i] > hi) hi = ints[i];
  }
  // One number per key, (hi − key)·n + position, sorted natively: exact while below 2^53.
  if (n > 0 && (hi - lo + 1) * n < 2 ** 53) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (hi - ints[i]) * n + i;
    packed.sort();
    const order = new Uint32Array(n);
    for (let p = 0; p < n; p++) order[p] = packed[p] % n;
    return order;
  }
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => ints[b] - ints[a] || a - b);
}

const POW10 = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));

function commonScaleIntegers(keys: readonly Dec[]): Float64Array | null {
  let scale = 0;
  for (const k of keys) {
    if (typeof k.m !== "number") return null;
    if (k.s > scale) scale = k.s;
  }
  if (scale > 15) return null;
  const out = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const v = (keys[i].m as number) * POW10[scale - keys[i].s];
    // The product, if below 2^53, is the exact integer.
    if (!(v < 2 ** 53 && v > -(2 ** 53))) return null;
    out[i] = v;
  }
  return out;
}
