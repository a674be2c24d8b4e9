import { Scored } from "../../../src/core/findings/explain";
import {
  annexPreviousProblemText,
  compareWithPrevious,
  comparisonFromSheet,
  PreviousAgency,
  previousNotEarlier,
  rankChangeText,
} from "../../../src/core/grid/previous";
import { annexGrid, buildAnnex } from "../../../src/core/sheets/annex";
import { completeMetadata } from "../../../src/core/rules/metadata";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { simpleSheet } from "../helpers";

const score = (values: unknown[][]): Scored => {
  const r = scoreSheet(values, presetRules());
  if (!r.ok) throw new Error(r.error.message);
  return r;
};
const agency = (name: string, t: number) => ({ name, scores: [t, 80, 80, 80, 80, 40] });

describe("comparison with last year", () => {
  // This year: Sở Y tế first, Sở Tư pháp and Sở Nội vụ tied second, Sở Số hoá new (renamed).
  const now = score(simpleSheet([agency("Sở Nội vụ", 40), agency("SỞ Y TẾ", 50), agency("Sở  Tư pháp", 40), agency("Sở Số hoá", 10)]));
  const last: PreviousAgency[] = [
    { name: "So y te", rank: 3, index: null, className: null },
    { name: "Sở Tư pháp", rank: 1, index: null, className: null },
    { name: "Sở Nội vụ", rank: 1, index: null, className: null }, // tied first last year
    { name: "Sở Thông tin và Truyền thông", rank: 4, index: null, className: null }, // renamed this year
  ];
  const cmp = compareWithPrevious(now.rows, last);
  const byName = (n: string) => cmp.byRow.get(now.rows.find((r) => r.name === n)!.row)!;

  it("matches names ignoring case, accents and spacing", () => {
    expect(byName("SỞ Y TẾ")).toMatchObject({ previousRank: 3, rankChange: 2, previousName: "So y te" });
    expect(rankChangeText(byName("SỞ Y TẾ"), 1)).toBe("▲2");
  });

  it("ties: both tied agencies keep their own last-year rank and change", () => {
    expect(now.rows.filter((r) => r.name !== "SỞ Y TẾ" && r.name !== "Sở Số hoá").map((r) => r.rank)).toEqual([2, 2]);
    expect(byName("Sở Nội vụ")).toMatchObject({ previousRank: 1, rankChange: -1, previousName: "Sở Nội vụ" });
    expect(byName("Sở Tư pháp").rankChange).toBe(-1); // typed with two spaces, cleaned to one
    expect(rankChangeText(byName("Sở Nội vụ"), 2)).toBe("▼1");
  });

  it("a renamed agency is new this year and last year's name is reported missing", () => {
    expect(byName("Sở Số hoá")).toMatchObject({ previousRank: null, rankChange: null, previousName: null });
    expect(rankChangeText(byName("Sở Số hoá"), 4)).toBe("mới");
    expect(rankChangeText(byName("Sở Số hoá"), 4, "en")).toBe("new");
    expect(cmp.missing).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(cmp.added).toEqual(["Sở Số hoá"]);
  });

  it("unchanged rank shows “=”; legacy-encoded names match once converted", () => {
    expect(rankChangeText({ previousRank: 2, rankChange: 0, previousName: "x" }, 2)).toBe("=");
    const legacy = compareWithPrevious(now.rows, [{ name: "Së Y tÕ", rank: 1, index: null, className: null }], (t) =>
      t.replace("Së", "Sở").replace("tÕ", "tế"),
    );
    expect(legacy.byRow.get(now.rows.find((r) => r.name === "SỞ Y TẾ")!.row)!.previousRank).toBe(1);
  });
});

describe("last year's columns read back from the score sheet (the add-in's annex with “Xếp hạng năm trước”)", () => {
  // As "Tính điểm" with the comparison wrote them: A first (3 last year), B second (1 last year), C new.
  const sheet = () =>
    simpleSheet([agency("A", 50), agency("B", 40), agency("C", 10)]).map((r, i) => [
      ...r,
      ...[
        ["Xếp hạng năm trước", "Tăng/giảm"],
        [3, "▲2"],
        [1, "▼1"],
        ["", "mới"],
      ][i],
    ]);
  const scored = score(sheet());
  const meta = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", year: 2020, province: "Thái Bình" });

  it("gives the annex the same columns as last year's agencies compared directly (the command line's --annex-previous)", () => {
    const read = comparisonFromSheet(sheet(), scored);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const direct = compareWithPrevious(scored.rows, [
      { name: "A", rank: 3, index: null, className: null },
      { name: "B", rank: 1, index: null, className: null },
    ]);
    const fromSheet = buildAnnex(scored.rules, scored.rows, meta, read.comparison);
    expect(annexGrid(fromSheet)).toEqual(annexGrid(buildAnnex(scored.rules, scored.rows, meta, direct)));
    const { headerRow, columns } = fromSheet.table;
    expect(columns.slice(-3)).toEqual(["Xếp hạng năm trước", "Tăng/giảm", "Ghi chú"]);
    const grid = annexGrid(fromSheet);
    expect(grid.slice(headerRow + 1, headerRow + 4).map((r) => [r[1], ...r.slice(-3, -1)])).toEqual([
      ["A", "3", "▲2"],
      ["B", "1", "▼1"],
      ["C", "", "mới"],
    ]);
    expect(read.comparison.added).toEqual(["C"]);
  });

  it("a sheet without the columns is refused, naming the missing one in both languages", () => {
    const values = sheet().map((r) => r.slice(0, -1));
    const read = comparisonFromSheet(values, score(values));
    expect(read).toEqual({ ok: false, problem: { code: "annexPreviousNoColumns", missing: ["Tăng/giảm"] } });
    if (read.ok) return;
    expect(annexPreviousProblemText(read.problem, "vi")).toContain("chưa có cột “Tăng/giảm”");
    expect(annexPreviousProblemText(read.problem, "en")).toContain("has no “Tăng/giảm” column");
  });

  it("a last-year cell that is not a rank is named (text, 0, a fraction)", () => {
    const values = sheet();
    values[1][9] = "ba";
    values[2][9] = 2.5;
    values[3][9] = 0;
    const read = comparisonFromSheet(values, score(values));
    expect(read).toEqual({ ok: false, problem: { code: "annexPreviousNotRank", cells: ["J2", "J3", "J4"] } });
    if (read.ok) return;
    expect(annexPreviousProblemText(read.problem, "en")).toContain("J2, J3, J4");
  });

  it("a “Tăng/giảm” cell left from before the ranks changed is refused (scored again without the comparison)", () => {
    const values = sheet();
    values[2][5] = 0; // B falls behind C: ranks A 1, C 2, B 3
    const read = comparisonFromSheet(values, score(values));
    expect(read).toEqual({ ok: false, problem: { code: "annexPreviousChangeStale", cells: ["K3"] } }); // C stays “mới”: new whatever its rank
    if (read.ok) return;
    expect(annexPreviousProblemText(read.problem, "vi")).toContain("“So sánh với năm trước”");
  });
});

describe("previousNotEarlier: last year's workbook must be of an earlier year (--previous and the pane alike)", () => {
  const titled = (year: number) => ({ values: [[`KẾT QUẢ XẾP HẠNG NĂM ${year}`]], headerTop: 1 });
  it("gives both years when last year's is the same or later, null when earlier or unknown", () => {
    expect(previousNotEarlier({ year: 2019 }, titled(2020))).toBeNull();
    expect(previousNotEarlier({ year: 2020 }, titled(2020))).toEqual({ previous: 2020, current: 2020 });
    expect(previousNotEarlier({ year: 2021 }, titled(2020))).toEqual({ previous: 2021, current: 2020 });
    expect(previousNotEarlier({ year: null }, titled(2020))).toBeNull();
    expect(previousNotEarlier({ year: 2021 }, { values: [["KẾT QUẢ"]], headerTop: 1 })).toBeNull();
  });
  it("takes last year's title before its stored decision, and this year's stated year, then its decision, before its title", () => {
    expect(previousNotEarlier({ year: null, decisionYear: 2020 }, titled(2020))).toEqual({ previous: 2020, current: 2020 });
    expect(previousNotEarlier({ year: 2019, decisionYear: 2021 }, titled(2020))).toBeNull();
    expect(previousNotEarlier({ year: 2020 }, { ...titled(2020), decisionYear: 2021 })).toBeNull();
    expect(previousNotEarlier({ year: 2020 }, { ...titled(2019), stated: 2022, decisionYear: 2020 })).toBeNull();
    expect(previousNotEarlier({ year: 2020 }, { ...titled(2022), stated: 2020 })).toEqual({ previous: 2020, current: 2020 });
  });
});
