/** The write plan (core/grid/plan.ts): the result columns' values and number formats, as the rules ask. */
import { annexGrid, buildAnnex } from "../../../src/core/sheets/annex";
import { formatVi } from "../../../src/core/base/decimal";
import { completeMetadata } from "../../../src/core/rules/metadata";
import { planResultWrite } from "../../../src/core/grid/plan";
import { score, twoGroups, twoSheet } from "../helpers";

const meta = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", year: 2020 });

describe("index.display: percent", () => {
  it("the sheet's number format and the annex show 91,7%; the value stays the ratio", () => {
    const rules = twoGroups({ index: { decimals: 3, rounding: "halfUp", display: "percent" } });
    const values = twoSheet([["Sở A", 100, 37.55]]);
    const r = score(values, rules);
    expect(formatVi(r.rows[0].index!, 3)).toBe("0,917"); // 137,55 ÷ 150
    const plan = planResultWrite(values, null, { row: 0, col: 0 }, "Sheet1", r, {});
    if (!plan.ok) throw new Error(plan.message);
    const indexCol = plan.plan.columns.find((c) => c.kind === "index")!;
    const block = plan.plan.blocks.find((b) => b.col <= indexCol.col && indexCol.col < b.col + b.values[0].length)!;
    expect(block.values[0][indexCol.col - block.col]).toBe(0.917);
    expect(block.numberFormat[0][indexCol.col - block.col]).toBe("0.0%");
    const annex = buildAnnex(r.rules, r.rows, meta);
    expect(annexGrid(annex)[annex.table.firstRow][annex.table.columns.indexOf("Chỉ số")]).toBe("91,7%");
  });

  it("decimal (the default) keeps 0,917 and 0.000", () => {
    const rules = twoGroups();
    const values = twoSheet([["Sở A", 100, 37.55]]);
    const r = score(values, rules);
    const plan = planResultWrite(values, null, { row: 0, col: 0 }, "Sheet1", r, {});
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.plan.blocks[0].numberFormat[0]).toContain("0.000");
    expect(annexGrid(buildAnnex(r.rules, r.rows, meta))[5][5]).toBe("0,917");
  });
});
