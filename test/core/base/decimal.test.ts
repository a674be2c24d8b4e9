import type Decimal from "decimal.js";
import fc from "fast-check";
import {
  add,
  cmp,
  Dec,
  div,
  formatVi,
  fromNumber,
  fromString,
  mul,
  neg,
  Rounding,
  sign,
  sub,
  sum,
  toNumber,
  toString,
  trim,
} from "../../../src/core/base/decimal";
import { D, dd } from "../helpers";

const dec = (s: string): Dec => {
  const d = fromString(s);
  if (!d) throw new Error(`not a decimal: ${s}`);
  return d;
};
const str = (d: Dec | null): string | null => (d ? toString(trim(d)) : null);

/** Decimals of every size: small scores, and mantissas far beyond 2^53 (the bigint path). */
const arbDec: fc.Arbitrary<Dec> = fc
  .tuple(fc.oneof(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.bigInt({ min: -100000n, max: 100000n })), fc.integer({ min: 0, max: 20 }))
  .map(([m, s]) => {
    // Built from the string form so that both the number and the bigint mantissa are exercised.
    const neg = m < 0n;
    let digits = (neg ? -m : m).toString();
    if (s > 0) {
      digits = digits.padStart(s + 1, "0");
      digits = `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}`;
    }
    return dec((neg ? "-" : "") + digits);
  });
/** Raw, not normalised values ({m: 10, s: 1}, bigint mantissas that would fit a number). */
const arbRawDec: fc.Arbitrary<Dec> = fc
  .tuple(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })), fc.integer({ min: 0, max: 18 }))
  .map(([m, s]) => ({ m, s }));
const anyDec = fc.oneof(arbDec, arbRawDec);

const ROUNDING: Record<Rounding, Decimal.Rounding> = {
  halfUp: D.ROUND_HALF_UP,
  halfEven: D.ROUND_HALF_EVEN,
  down: D.ROUND_DOWN,
};

describe("decimal: exact arithmetic", () => {
  it("adds scores without float noise (474,95, never 474,95000000000005)", () => {
    const parts = ["50", "81.05", "95", "98.9", "100", "50"].map(dec);
    expect(toString(sum(parts))).toBe("474.95");
    expect(formatVi(sum(parts))).toBe("474,95");
    expect(50 + 81.05 + 95 + 98.9 + 100 + 50).not.toBe(474.95); // what a float implementation gets
  });

  it("adds and subtracts negatives", () => {
    expect(str(add(dec("-1.5"), dec("0.25")))).toBe("-1.25");
    expect(str(sub(dec("0.1"), dec("0.3")))).toBe("-0.2");
    expect(str(sub(dec("-2"), dec("-2")))).toBe("0");
    expect(sign(sub(dec("-2"), dec("-2")))).toBe(0);
    expect(str(neg(dec("0")))).toBe("0");
    expect(Object.is(neg(dec("0")).m, -0)).toBe(false);
  });

  it("compares across scales and signs", () => {
    expect(cmp(dec("0.85"), dec("0.850"))).toBe(0);
    expect(cmp(dec("0.849"), dec("0.85"))).toBe(-1);
    expect(cmp(dec("-0.1"), dec("-0.01"))).toBe(-1);
    expect(cmp(dec("100"), dec("99.999999999999999999999"))).toBe(1);
  });

  it("divides with half-up rounding as the annex does (288,35 ÷ 398 → 0,724; 458,4 ÷ 498 → 0,920)", () => {
    expect(formatVi(div(dec("288.35"), dec("398"), 3), 3)).toBe("0,724");
    expect(formatVi(div(dec("458.4"), dec("498"), 3), 3)).toBe("0,920");
    expect(formatVi(div(dec("342.7"), dec("398"), 3), 3)).toBe("0,861");
  });

  it.each<[string, string, number, Rounding, string]>([
    ["1", "8", 2, "halfUp", "0.13"],
    ["1", "8", 2, "halfEven", "0.12"],
    ["3", "8", 2, "halfEven", "0.38"],
    ["1", "8", 2, "down", "0.12"],
    ["-1", "8", 2, "halfUp", "-0.13"],
    ["-1", "8", 2, "halfEven", "-0.12"],
    ["-1", "8", 2, "down", "-0.12"],
    ["1", "-8", 2, "halfUp", "-0.13"],
    ["-1", "-8", 2, "halfUp", "0.13"],
    ["2", "3", 3, "halfUp", "0.667"],
    ["2", "3", 3, "down", "0.666"],
    ["-2", "3", 3, "down", "-0.666"],
    ["84.95", "100", 3, "halfUp", "0.85"],
    ["84.95", "100", 3, "halfEven", "0.85"],
    ["84.85", "100", 3, "halfEven", "0.848"],
    ["0.0004", "1", 3, "halfUp", "0"],
    ["-0.0004", "1", 3, "halfUp", "0"],
    ["-0.0005", "1", 3, "halfUp", "-0.001"],
    ["5", "1", 0, "halfEven", "5"],
    ["25", "10", 0, "halfEven", "2"],
    ["35", "10", 0, "halfEven", "4"],
  ])("%s ÷ %s to %i places, %s → %s", (a, b, places, rounding, expected) => {
    expect(str(div(dec(a), dec(b), places, rounding))).toBe(expected);
  });

  it("refuses to divide by zero", () => {
    expect(() => div(dec("1"), dec("0"), 3)).toThrow(RangeError);
    expect(() => div(dec("1"), { m: 0n, s: 4 }, 3)).toThrow(RangeError);
  });

  it("falls back to bigint beyond 2^53 and comes back to number", () => {
    const max = dec(String(Number.MAX_SAFE_INTEGER));
    const over = add(max, dec("1"));
    expect(typeof over.m).toBe("bigint");
    expect(toString(over)).toBe("9007199254740992");
    expect(toString(add(over, dec("0.000000001")))).toBe("9007199254740992.000000001");
    const back = sub(over, dec("2"));
    expect(typeof back.m).toBe("number");
    expect(toString(back)).toBe("9007199254740990");
    const huge = dec("123456789012345678901234567890.123456789");
    expect(toString(add(huge, huge))).toBe("246913578024691357802469135780.246913578");
    expect(toString(mul(huge, dec("10")))).toBe("1234567890123456789012345678901.234567890");
    expect(toString(neg(huge))).toBe("-123456789012345678901234567890.123456789");
    expect(str(div(huge, dec("3"), 3))).toBe("41152263004115226300411522630.041");
    expect(toNumber(huge)).toBe(1.2345678901234568e29);
  });

  it("sums 100 000 scores of 0,01 exactly to 1 000", () => {
    const cent = dec("0.01");
    let acc = dec("0");
    for (let i = 0; i < 100000; i++) acc = add(acc, cent);
    expect(toString(trim(acc))).toBe("1000");
  });
});

describe("decimal: fromNumber (what Excel shows, 15 significant digits)", () => {
  it.each<[number, string]>([
    [0.1 + 0.2, "0.3"],
    [99.1, "99.1"],
    [81.05, "81.05"],
    [0.1 * 3, "0.3"],
    [1 - 0.9, "0.1"],
    [50 + 81.05 + 95 + 98.9 + 100 + 50, "474.95"],
    [342.7 / 398, "0.861055276381909"],
    [1 / 3, "0.333333333333333"],
    [-0, "0"],
    [-12.5, "-12.5"],
    [1e21, "1000000000000000000000"],
    [1.5e-10, "0.00000000015"],
    [123456789.123, "123456789.123"],
  ])("%p → %s", (x, expected) => {
    expect(str(fromNumber(x))).toBe(expected);
  });

  it("rejects NaN and infinities", () => {
    expect(fromNumber(NaN)).toBeNull();
    expect(fromNumber(Infinity)).toBeNull();
    expect(fromNumber(-Infinity)).toBeNull();
  });

  it("property: equals decimal.js reading x.toPrecision(15), for every finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(str(fromNumber(x))).toBe(str(dec(new D(x.toPrecision(15)).toFixed())));
      }),
      { numRuns: 3000 },
    );
  });

  it("property: a score typed with up to 2 decimals comes back exactly as typed", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000000, max: 1000000 }), (cents) => {
        const typed = new D(cents).div(100);
        expect(str(fromNumber(cents / 100))).toBe(typed.toFixed());
      }),
      { numRuns: 1000 },
    );
  });
});

describe("decimal: fromString", () => {
  it.each<[string, string | null]>([
    ["1e3", "1000"],
    ["-12.50", "-12.5"],
    ["+5", "5"],
    [".5", "0.5"],
    ["5.", "5"],
    ["007.10", "7.1"],
    ["1.5E-2", "0.015"],
    ["-0", "0"],
    ["", null],
    [".", null],
    ["-", null],
    ["abc", null],
    ["1,5", null],
    [" 1", null],
    ["1e", null],
    ["0x10", null],
  ])("%p → %p", (text, expected) => {
    expect(str(fromString(text))).toBe(expected);
  });

  it("returns null, never throws, for absurd exponents (rules files are user input)", () => {
    expect(() => fromString("1e999999999")).not.toThrow();
    expect(fromString("1e999999999")).toBeNull();
    expect(fromString("1e99999999999999999999")).toBeNull();
    expect(fromString("1e-999999999")).toBeNull();
  });

  it("property: agrees with decimal.js", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]?\d{0,25}(\.\d{0,25})?([eE][+-]?\d{1,2})?$/), (text) => {
        const ours = fromString(text);
        let theirs: string | null = null;
        try {
          if (/\d/.test(text)) theirs = new D(text).toFixed();
        } catch {
          theirs = null;
        }
        expect(str(ours)).toBe(theirs === null ? null : str(dec(theirs)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("decimal: formatVi", () => {
  it.each<[string, number | undefined, string]>([
    ["0.92", 3, "0,920"],
    ["474.95", undefined, "474,95"],
    ["474.950", undefined, "474,95"],
    ["99.1", undefined, "99,1"],
    ["498", undefined, "498"],
    ["0.8495", 3, "0,850"],
    ["0.9995", 3, "1,000"],
    ["-0.5", 3, "-0,500"],
    ["-0.0004", 3, "0,000"],
    ["0.861055", 3, "0,861"],
    ["12.5", 0, "13"],
    ["7", 2, "7,00"],
  ])("%s with %p decimals → %s", (text, decimals, expected) => {
    expect(formatVi(dec(text), decimals)).toBe(expected);
  });
});

describe("decimal: properties against decimal.js", () => {
  it("add, sub, mul and cmp are exact", () => {
    fc.assert(
      fc.property(anyDec, anyDec, (a, b) => {
        const x = dd(a);
        const y = dd(b);
        expect(dd(add(a, b)).eq(x.plus(y))).toBe(true);
        expect(dd(sub(a, b)).eq(x.minus(y))).toBe(true);
        expect(dd(mul(a, b)).eq(x.times(y))).toBe(true);
        expect(cmp(a, b)).toBe(x.cmp(y));
        expect(sign(a)).toBe(x.isZero() ? 0 : x.isNeg() ? -1 : 1);
        // A result that fits a safe integer is a number, else a bigint, never an unsafe number.
        const r = add(a, b);
        if (typeof r.m === "number") expect(Number.isSafeInteger(r.m)).toBe(true);
        else expect(r.m > BigInt(Number.MAX_SAFE_INTEGER) || r.m < BigInt(Number.MIN_SAFE_INTEGER)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it("div rounds half-up, half-even and down exactly as decimal.js, negatives included", () => {
    fc.assert(
      fc.property(
        anyDec,
        anyDec.filter((b) => sign(b) !== 0),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom<Rounding>("halfUp", "halfEven", "down"),
        (a, b, places, rounding) => {
          const ours = div(a, b, places, rounding);
          const theirs = dd(a).div(dd(b)).toDecimalPlaces(places, ROUNDING[rounding]);
          expect(toString(trim(ours))).toBe(str(dec(theirs.toFixed())));
          expect(ours.s).toBeLessThanOrEqual(places);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("div on ties (exact halves) in every mode", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100000, max: 100000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<Rounding>("halfUp", "halfEven", "down"),
        (k, places, rounding) => {
          // (2k+1)/2 · 10^-places is exactly halfway between two results
          const a = dec(new D(2 * k + 1).div(new D(10).pow(places)).toFixed());
          const ours = div(a, dec("2"), places, rounding);
          const theirs = dd(a).div(2).toDecimalPlaces(places, ROUNDING[rounding]);
          expect(str(ours)).toBe(str(dec(theirs.toFixed())));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("toString, toNumber and formatVi agree with decimal.js", () => {
    fc.assert(
      fc.property(anyDec, fc.integer({ min: 0, max: 6 }), (a, places) => {
        const x = dd(a);
        expect(new D(toString(a)).eq(x)).toBe(true);
        expect(toNumber(a)).toBe(x.toNumber());
        expect(formatVi(a, places)).toBe(
          x
            .toFixed(places, D.ROUND_HALF_UP)
            .replace(/^-(0[.,]?0*)$/, "$1")
            .replace(".", ","),
        );
        expect(formatVi(a)).toBe(x.toFixed().replace(".", ","));
      }),
      { numRuns: 1000 },
    );
  });
});
