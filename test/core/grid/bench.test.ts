import * as path from "path";
import { benchCore, benchSheet, floatScore, HEADER_ROW, section } from "../../../bench/core";
import { toString } from "../../../src/core/base/decimal";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runner = require("../../../bench/run.js") as { sectionFiles: () => string[] };

const once = (fn: () => void) => {
  fn();
  return { median: 1 };
};

describe("bench/core.ts: the benchmark measures what it says", () => {
  it("generates a sheet the core scores completely, with no finding, and the same sheet every time", () => {
    const values = benchSheet(3000);
    expect(values).toHaveLength(HEADER_ROW + 1 + 3000);
    expect(benchSheet(3000)).toEqual(values);
    const result = scoreSheet(values, presetRules());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.summary.scored).toBe(3000);
    expect(result.findings).toEqual([]);
    expect(result.rows.filter((r) => r.exemptKeyword !== null).length).toBeGreaterThan(300);
  });

  it("the float version scores the same rows, and its totals agree with the exact ones to float precision", () => {
    const values = benchSheet(3000);
    const floats = floatScore(values);
    const result = scoreSheet(values, presetRules());
    if (!result.ok) throw new Error("grid");
    const exact = new Map(result.rows.map((r) => [r.row, r]));
    expect(floats).toHaveLength(3000);
    for (const f of floats) {
      const e = exact.get(f.row)!;
      expect(Math.abs(f.total - Number(toString(e.total!)))).toBeLessThan(1e-9);
    }
    // its ranks are competition ranks of its own indices
    const sorted = [...floats].sort((a, b) => a.rank - b.rank);
    sorted.forEach((f, i) => expect(f.rank).toBe(i === 0 || sorted[i - 1].index !== f.index ? i + 1 : sorted[i - 1].rank));
  });

  it("benchCore reports both timings and their ratio, and the section formats them", () => {
    const r = benchCore({ scoreSheet, presetRules }, once, 500);
    expect(r).toMatchObject({ rows: 500, coreMs: 1, floatMs: 1, ratio: 1 });
    const modules: Record<string, unknown> = { "grid/scoring": { scoreSheet }, "rules/rules": { presetRules } };
    const rows = section.run({ rows: 200, time: once, core: (name: string) => modules[name] });
    expect(rows.map((x) => x.measure)).toEqual([expect.stringContaining("core scoreSheet"), expect.stringContaining("plain float"), "ratio core / float"]);
  });

  it("bench/run.js finds the core section among bench/sections, in name order", () => {
    const files = runner.sectionFiles().map((f) => path.basename(f));
    expect(files).toContain("10-core.js");
    expect([...files].sort()).toEqual(files);
  });
});
