/**
 * Exact decimal numbers for scores: a value is `m × 10^-s` with an integer mantissa `m` and a scale
 * `s ≥ 0`. The mantissa is a JS number while it is a safe integer (the fast path every real score
 * takes) and a bigint beyond that, so sums never lose a digit (474,95 — never 474,95000000000005).
 */
export interface Dec {
  readonly m: number | bigint;
  readonly s: number;
}

const POW10: number[] = [];
for (let i = 0, p = 1; i <= 15; i++, p *= 10) POW10.push(p);

const big = (m: number | bigint): bigint => (typeof m === "bigint" ? m : BigInt(m));

function normalize(m: number | bigint, s: number): Dec {
  if (typeof m === "bigint") {
    if (m >= BigInt(Number.MIN_SAFE_INTEGER) && m <= BigInt(Number.MAX_SAFE_INTEGER)) {
      return { m: Number(m), s };
    }
  }
  return { m, s };
}

export const ZERO: Dec = { m: 0, s: 0 };

/** Multiplies a mantissa by 10^k, exactly. */
function scaleUp(m: number | bigint, k: number): number | bigint {
  if (k === 0) return m;
  if (typeof m === "number" && k <= 15) {
    const r = m * POW10[k];
    if (Number.isSafeInteger(r)) return r;
  }
  return big(m) * 10n ** BigInt(k);
}

export function add(a: Dec, b: Dec): Dec {
  const s = a.s > b.s ? a.s : b.s;
  const am = scaleUp(a.m, s - a.s);
  const bm = scaleUp(b.m, s - b.s);
  if (typeof am === "number" && typeof bm === "number") {
    const r = am + bm;
    if (Number.isSafeInteger(r)) return { m: r, s };
  }
  return normalize(big(am) + big(bm), s);
}

export function sub(a: Dec, b: Dec): Dec {
  return add(a, neg(b));
}

export function neg(a: Dec): Dec {
  return typeof a.m === "bigint" ? normalize(-a.m, a.s) : { m: a.m === 0 ? 0 : -a.m, s: a.s };
}

export function sign(a: Dec): -1 | 0 | 1 {
  if (typeof a.m === "bigint") return a.m > 0n ? 1 : a.m < 0n ? -1 : 0;
  return a.m > 0 ? 1 : a.m < 0 ? -1 : 0;
}

export function cmp(a: Dec, b: Dec): -1 | 0 | 1 {
  const s = a.s > b.s ? a.s : b.s;
  const am = scaleUp(a.m, s - a.s);
  const bm = scaleUp(b.m, s - b.s);
  if (typeof am === "number" && typeof bm === "number") return am > bm ? 1 : am < bm ? -1 : 0;
  const x = big(am);
  const y = big(bm);
  return x > y ? 1 : x < y ? -1 : 0;
}

export type Rounding = "halfUp" | "halfEven" | "down";

/**
 * `a ÷ b` rounded to `decimals` places. Half-up rounds ties away from zero, as ROUND() in Excel
 * does; the division is exact (integer arithmetic), so 288,35 ÷ 398 = 0,72449… → 0,724.
 */
export function div(a: Dec, b: Dec, decimals: number, rounding: Rounding = "halfUp"): Dec {
  if (sign(b) === 0) throw new RangeError("Division by zero");
  // Fast path, same integer arithmetic on numbers: every value below stays under 2^53, so exact.
  if (typeof a.m === "number" && typeof b.m === "number" && b.s + decimals <= 15 && a.s <= 15) {
    const num = a.m * POW10[b.s + decimals];
    const den0 = b.m * POW10[a.s];
    const n = num < 0 ? -num : num;
    const den = den0 < 0 ? -den0 : den0;
    if (n < 2 ** 52 && den < 2 ** 52) {
      let q = Math.floor(n / den);
      let r = n - q * den;
      if (r < 0) {
        q -= 1;
        r += den;
      } else if (r >= den) {
        q += 1;
        r -= den;
      }
      const twice = 2 * r;
      if (r !== 0 && (rounding === "halfUp" ? twice >= den : rounding === "halfEven" ? twice > den || (twice === den && q % 2 === 1) : false)) q += 1;
      return trim({ m: num < 0 !== den0 < 0 && q !== 0 ? -q : q, s: decimals });
    }
  }
  // a/b = (am/10^as) / (bm/10^bs) = am·10^(bs+decimals) / (bm·10^as) in units of 10^-decimals
  let num = big(a.m) * 10n ** BigInt(b.s + decimals);
  let den = big(b.m) * 10n ** BigInt(a.s);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const n = negative ? -num : num;
  let q = n / den;
  const r = n - q * den;
  const twice = 2n * r;
  if (rounding === "halfUp" ? twice >= den : rounding === "halfEven" ? twice > den || (twice === den && q % 2n === 1n) : false) {
    if (r !== 0n) q += 1n;
  }
  return trim(normalize(negative ? -q : q, decimals));
}

/** Removes trailing zeros of the fraction (458,40 → 458,4). */
export function trim(a: Dec): Dec {
  let { m, s } = a;
  if (typeof m === "number") {
    while (s > 0 && m % 10 === 0) {
      m /= 10;
      s--;
    }
    return { m: m === 0 ? 0 : m, s: m === 0 ? 0 : s };
  }
  while (s > 0 && m % 10n === 0n) {
    m /= 10n;
    s--;
  }
  return normalize(m, s);
}

/** Exact value of a JS number as Excel shows it at full precision (15 significant digits). */
export function fromNumber(x: number): Dec | null {
  if (!Number.isFinite(x)) return null;
  if (Number.isSafeInteger(x) && x < 1e15 && x > -1e15) return { m: x === 0 ? 0 : x, s: 0 };
  // Fast path: the shortest k with round(x·10^k)/10^k === x is x's shortest decimal form, when
  // that form has at most 15 significant digits (|m| < 10^15); longer forms go the 15-digit way.
  for (let k = 1; k <= 10; k++) {
    const p = POW10[k];
    const m = Math.round(x * p);
    if (!(m < 1e15 && m > -1e15)) break;
    if (m / p === x) return { m, s: k };
  }
  // Float noise from formulas (0.1+0.2) or very large/small values: 15 significant digits.
  return fromString(x.toPrecision(15));
}

const DEC_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a plain decimal string with "." as the separator ("-12.50", "1e3"). */
export function fromString(text: string): Dec | null {
  const match = DEC_RE.exec(text);
  if (!match) return null;
  const [, sg, intPart = "", fracPart = "", expPart] = match;
  if (intPart === "" && fracPart === "") return null;
  let digits = (intPart + fracPart).replace(/^0+(?=\d)/, "");
  let s = fracPart.length - (expPart ? parseInt(expPart, 10) : 0);
  if (s > 400 || s < -400) return null;
  if (s < 0) {
    digits += "0".repeat(-s);
    s = 0;
  }
  if (s > 400 || digits.length > 400) return null;
  let m: number | bigint = BigInt(digits);
  if (sg === "-") m = -m;
  return trim(normalize(m, s));
}

/** Plain string with "." (for JSON, tests): 474.95, 0.998, -3. */
export function toString(a: Dec): string {
  const negative = sign(a) < 0;
  let digits = (negative ? -big(a.m) : big(a.m)).toString();
  if (a.s === 0) return (negative ? "-" : "") + digits;
  if (digits.length <= a.s) digits = "0".repeat(a.s - digits.length + 1) + digits;
  const cut = digits.length - a.s;
  return (negative ? "-" : "") + digits.slice(0, cut) + "." + digits.slice(cut);
}

/** The nearest JS number (what Excel stores). */
export function toNumber(a: Dec): number {
  if (typeof a.m === "number" && a.s <= 15) return a.m / POW10[a.s];
  return Number(toString(a));
}

/**
 * Vietnamese form with a decimal comma. With `decimals`, exactly that many places (0,920); without,
 * as few as needed (474,95; 99,1). No thousands separator: scores stay below 1 000.
 */
export function formatVi(a: Dec, decimals?: number): string {
  let v = a;
  if (decimals !== undefined) {
    v = div(a, { m: 1, s: 0 }, decimals, "halfUp");
    let str = toString(v);
    const dot = str.indexOf(".");
    const have = dot < 0 ? 0 : str.length - dot - 1;
    if (decimals > 0) str = (dot < 0 ? str + "." : str) + "0".repeat(decimals - have);
    return str.replace(".", ",");
  }
  return toString(trim(v)).replace(".", ",");
}

export function sum(values: readonly Dec[]): Dec {
  let acc = ZERO;
  for (const v of values) acc = add(acc, v);
  return acc;
}

export function mul(a: Dec, b: Dec): Dec {
  if (typeof a.m === "number" && typeof b.m === "number") {
    const r = a.m * b.m;
    if (Number.isSafeInteger(r)) return { m: r, s: a.s + b.s };
  }
  return normalize(big(a.m) * big(b.m), a.s + b.s);
}

export const min = (a: Dec, b: Dec): Dec => (cmp(a, b) <= 0 ? a : b);
