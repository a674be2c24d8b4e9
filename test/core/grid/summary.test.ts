/** The run's summary as stored in the workbook (core/grid/summary.ts): what the pane shows of a ribbon run. */
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { lastRunRecord } from "../../../src/core/grid/summary";
import { referenceSheet } from "../../fixtures/reference";

const values = referenceSheet();
const scored = scoreSheet(values, presetRules());
if (!scored.ok) throw new Error("reference grid not found");
const AT = new Date("2021-01-05T03:04:05Z");

describe("lastRunRecord", () => {
  it("keeps when, where, who started it, the counts and classes of the run", () => {
    const run = lastRunRecord(scored, "Chấm điểm 2020", "ribbon", AT);
    expect(run).toMatchObject({ at: "2021-01-05T03:04:05.000Z", sheet: "Chấm điểm 2020", source: "ribbon" });
    expect([run.agencies, run.scored, run.byClass, run.errors, run.warnings]).toEqual([
      scored.summary.agencies,
      scored.summary.scored,
      scored.summary.byClass,
      scored.summary.errors,
      scored.summary.warnings,
    ]);
  });

  it("names the agencies ranked first and last (all of them when tied)", () => {
    const run = lastRunRecord(scored, "Chấm điểm 2020", "pane", AT);
    const ranks = scored.rows.filter((r) => r.rank !== null).map((r) => r.rank!);
    const last = Math.max(...ranks);
    expect(run.top).toEqual(scored.rows.filter((r) => r.rank === 1).map((r) => r.name));
    expect(run.bottom.sort()).toEqual(
      scored.rows
        .filter((r) => r.rank === last)
        .map((r) => r.name)
        .sort(),
    );
    expect(run.top.length).toBeGreaterThan(0);
    expect(run.bottom.length).toBeGreaterThan(0);
  });

  it("keeps each finding in both languages; what correcting it would change only when given the values", () => {
    const without = lastRunRecord(scored, "Chấm điểm 2020", "pane", AT);
    const withValues = lastRunRecord(scored, "Chấm điểm 2020", "pane", AT, values);
    expect(without.findings).toHaveLength(scored.findings.length);
    for (const f of without.findings) {
      expect(f.message).not.toBe("");
      expect(f.messageEn).not.toBe("");
      expect(f.ifCorrected).toBeUndefined();
    }
    const h10 = withValues.findings.find((f) => f.cell === "H10")!;
    expect(h10.ifCorrected).toMatch(/^Nếu sửa 55 → 50/);
    expect(h10.ifCorrectedEn).toMatch(/^Correcting 55 → 50/);
  });
});
