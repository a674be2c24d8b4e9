/** The table of result columns drives detection, the write plan's formats and headers, the annex and the JSON. */
import { annexColumns, jsonRow, RESULT_COLUMNS, resultHeaders, sheetColumns } from "../../../src/core/grid/columns";
import { locateGrid } from "../../../src/core/grid/grid";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { referenceSheet } from "../../fixtures/reference";

const rules = presetRules();

test("the sheet columns, in the order they are appended: Tổng điểm, Chỉ số, Phân loại, Xếp hạng", () => {
  expect(sheetColumns(rules).map((c) => c.sheet.header)).toEqual(["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"]);
  expect(sheetColumns(rules).map((c) => c.sheet.numberFormat({ rules, decimals: 3 }))).toEqual(["General", "0.000", "General", "0"]);
});

test("every header and other header of a column is recognised where the grid's header is", () => {
  const base = referenceSheet();
  const headerRow = locateGrid(base, rules);
  if (!headerRow.ok) throw new Error("the reference grid is found");
  const row = headerRow.layout.headerRow;
  for (const [kind, words] of resultHeaders()) {
    for (const word of words) {
      const values = base.map((r) => [...r]);
      values[row] = [...values[row], word];
      const located = locateGrid(values, rules);
      if (!located.ok) throw new Error(word);
      expect([word, located.layout.resultCols[kind as keyof typeof located.layout.resultCols]]).toEqual([word, values[row].length - 1]);
    }
  }
});

test("the annex takes the columns with an annex part, Xếp hạng only when ranks are shared", () => {
  expect(annexColumns({ rules, decimals: 3, hasTies: false }).map((c) => c.annex.header)).toEqual(["Tổng điểm", "Chỉ số", "Phân loại"]);
  expect(annexColumns({ rules, decimals: 3, hasTies: true }).map((c) => c.annex.header)).toEqual(["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"]);
});

test("a JSON row has the name and every column's key, numbers exact", () => {
  const scored = scoreSheet(referenceSheet(), rules);
  if (!scored.ok) throw new Error("the reference grid scores");
  const row = jsonRow(scored.rows.find((r) => r.name === "Sở Thông tin và Truyền thông")!);
  expect(Object.keys(row).sort()).toEqual(["name", ...RESULT_COLUMNS.flatMap((c) => ("json" in c && c.json ? [c.json] : []))].sort());
  expect(row).toMatchObject({ total: 497.1, maxPoints: 498, index: 0.998, class: "Tốt", rank: 1 });
});
