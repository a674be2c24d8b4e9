import fc from "fast-check";
import { Dec, fromString, toString } from "../../../src/core/base/decimal";
import { rankDescending } from "../../../src/core/grid/ranking";
import { presetRules } from "../../../src/core/rules/rules";
import { rankedRows, scoreSheet } from "../../../src/core/grid/scoring";
import { referenceSheet } from "../../fixtures/reference";
import { D, oneGroupRules, oneGroupSheet, presetWith, simpleSheet } from "../helpers";

const decs = (...xs: string[]): Dec[] => xs.map((x) => fromString(x)!);

describe("rankDescending: competition ranking, highest first", () => {
  it("ties share a rank and the next is skipped (1, 2, 2, 4)", () => {
    expect(rankDescending(decs("0.9", "0.8", "0.8", "0.7"))).toEqual([1, 2, 2, 4]);
  });

  it("keeps the input order of the keys", () => {
    expect(rankDescending(decs("0.7", "0.8", "0.9", "0.8"))).toEqual([4, 2, 1, 2]);
  });

  it("all equal: everyone first", () => {
    expect(rankDescending(decs("0.5", "0.50", "0.500", "0.5"))).toEqual([1, 1, 1, 1]);
  });

  it("national style 17, 17, 19", () => {
    const keys = decs(...Array.from({ length: 16 }, (_, i) => `0.${99 - i}`), "0.5", "0.5", "0.4");
    expect(rankDescending(keys).slice(15)).toEqual([16, 17, 17, 19]);
  });

  it("several tie groups, negatives and an empty list", () => {
    expect(rankDescending(decs("1", "1", "0", "0", "-1", "2"))).toEqual([2, 2, 4, 4, 6, 1]);
    expect(rankDescending([])).toEqual([]);
  });

  it("compares exactly, not as floats (0.1 + 0.2 and 0.3 tie; 0.30000000000000001 does not)", () => {
    expect(rankDescending(decs("0.3", "0.30000000000000001", "0.3"))).toEqual([2, 1, 2]);
  });
});

describe("ranking inside scoreSheet", () => {
  it("ranks by index by default: Văn phòng UBND tỉnh (342,7 → 0,861) above Sở GTVT (427,5 → 0,858)", () => {
    const result = scoreSheet(referenceSheet(), presetRules());
    if (!result.ok) throw new Error("grid");
    const vp = result.rows.find((r) => r.name === "Văn phòng UBND tỉnh")!;
    const gt = result.rows.find((r) => r.name === "Sở Giao thông Vận tải")!;
    expect(vp.rank).toBe(6);
    expect(gt.rank).toBe(7);
  });

  it("rankBy total ranks by Tổng điểm", () => {
    const result = scoreSheet(referenceSheet(), presetWith({ rankBy: "total" }));
    if (!result.ok) throw new Error("grid");
    const vp = result.rows.find((r) => r.name === "Văn phòng UBND tỉnh")!;
    const gt = result.rows.find((r) => r.name === "Sở Giao thông Vận tải")!;
    expect(gt.rank!).toBeLessThan(vp.rank!);
    const byTotal = [...result.rows].sort((a, b) => Number(toString(b.total!)) - Number(toString(a.total!)));
    expect(byTotal.map((r) => r.rank)).toEqual(byTotal.map((_, i) => i + 1));
    // Index order would put 0,861 (rank 6 by index) far lower by total (13 agencies have more than 342,7).
    expect(vp.rank).toBe(14);
  });

  it("ties on the rounded index share a rank even when the exact quotients differ (84,91 and 84,94 → 0,849)", () => {
    const result = scoreSheet(
      oneGroupSheet([
        ["A", 90],
        ["B", 84.91],
        ["C", 84.94],
        ["D", 80],
      ]),
      oneGroupRules(),
    );
    if (!result.ok) throw new Error("grid");
    expect(result.rows.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
    expect(rankedRows(result.rows).map((r) => r.name)).toEqual(["A", "B", "C", "D"]);
  });

  it("with rankBy total, equal totals tie even when the indices differ (an exempt agency)", () => {
    const result = scoreSheet(
      simpleSheet([
        { name: "Sở A", scores: [40, 80, 80, 0, 80, 40], notes: "Không TTHC" },
        { name: "Sở B", scores: [40, 80, 80, 0, 80, 40] },
        { name: "Sở C", scores: [50, 80, 80, 0, 80, 40] },
      ]),
      presetWith({ rankBy: "total" }),
    );
    if (!result.ok) throw new Error("grid");
    expect(result.rows.map((r) => r.rank)).toEqual([2, 2, 1]);
    expect(result.rows[0].index).not.toEqual(result.rows[1].index);
  });

  it("unscored rows get no rank and the others are ranked among themselves; rankedRows puts them last", () => {
    const result = scoreSheet(
      oneGroupSheet([
        ["A", 50],
        ["B", "#N/A"],
        ["C", 70],
        ["D", ""],
        ["E", 50],
      ]),
      oneGroupRules(),
    );
    if (!result.ok) throw new Error("grid");
    expect(result.rows.map((r) => r.rank)).toEqual([2, null, 1, null, 2]);
    expect(rankedRows(result.rows).map((r) => r.name)).toEqual(["C", "A", "E", "B", "D"]);
    expect(result.summary).toMatchObject({ agencies: 5, scored: 3 });
  });
});

describe("rankDescending: property", () => {
  it("rank = 1 + the number of strictly greater keys, for any decimals (mixed scales, bigint mantissas)", () => {
    const arbKey = fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map((n) => fromString(`0.${String(n).padStart(3, "0")}`)!),
      fc.integer({ min: -50, max: 50 }).map((n) => ({ m: n, s: 1 }) as Dec),
      fc.integer({ min: -50, max: 50 }).map((n) => ({ m: n * 10, s: 2 }) as Dec),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((m) => ({ m, s: 18 }) as Dec),
      fc.integer({ min: 0, max: 5 }).map((n) => ({ m: n, s: 16 }) as Dec),
    );
    fc.assert(
      fc.property(fc.array(arbKey, { maxLength: 40 }), (keys) => {
        const expected = keys.map((k) => 1 + keys.filter((o) => new D(toString(o)).gt(new D(toString(k)))).length);
        expect(rankDescending(keys)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
