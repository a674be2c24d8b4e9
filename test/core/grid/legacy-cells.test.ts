import { formatVi } from "../../../src/core/base/decimal";
import { findingMessage } from "../../../src/core/findings/findings";
import { withConverted } from "../../../src/core/grid/legacy-cells";
import { encodeLegacy, LegacyEncoding, legacyToUnicode } from "../../../src/core/text/legacy-encoding";
import { compareWithPrevious } from "../../../src/core/grid/previous";
import { loadRules, presetRules } from "../../../src/core/rules/rules";
import { twoBlockRulesJson } from "../helpers";
import { scoreSheet, ScoreResult } from "../../../src/core/grid/scoring";
import { readPublishedAnnex, referenceSheet } from "../../fixtures/reference";

const published = readPublishedAnnex();
const HEADER_ROW = 3; // referenceSheet(): title rows, a blank row, then the header
const rowOf = (name: string) => HEADER_ROW + 1 + published.rows.findIndex((r) => r.name === name);
const NOTES_COL = 8;
const NAME_COL = 1;

function scored(values: unknown[][]): Extract<ScoreResult, { ok: true }> {
  const result = scoreSheet(values, presetRules());
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const indexOf = (result: Extract<ScoreResult, { ok: true }>, name: string) => {
  const row = result.rows.find((r) => r.name === name)!;
  return {
    index: row.index === null ? null : formatVi(row.index, 3),
    className: row.className,
    maxPoints: row.maxPoints === null ? null : formatVi(row.maxPoints),
  };
};

const publishedRows = () => published.rows.map((r) => ({ name: r.name, index: r.index, className: r.className }));
const resultRows = (result: Extract<ScoreResult, { ok: true }>) =>
  result.rows.map((r) => ({ name: r.name, index: r.index === null ? null : formatVi(r.index, 3), className: r.className }));

describe.each(["tcvn3", "vni"] as LegacyEncoding[])("a “Không TTHC” note typed in %s", (encoding) => {
  const values = referenceSheet();
  const row = rowOf("Văn phòng UBND tỉnh");
  const legacyNote = encodeLegacy("Không TTHC", encoding);
  values[row][NOTES_COL] = legacyNote;
  const result = scored(values);

  it("is a warning naming the encoding and the cell, and an error saying the exemption is missed", () => {
    const legacy = result.findings.filter((f) => f.code === "legacyText");
    expect(legacy).toHaveLength(1);
    expect(legacy[0]).toMatchObject({ severity: "warning", cell: `I${row + 1}`, cells: [`I${row + 1}`], encoding, value: legacyNote, detail: "Không TTHC" });
    const name = encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI";
    expect(legacy[0].message).toContain(`bảng mã ${name}`);
    expect(legacy[0].message).toContain(`“${legacyNote}” là “Không TTHC”`);
    expect(findingMessage(legacy[0], "en")).toContain(`the ${name} encoding`);
    const missed = result.findings.filter((f) => f.code === "legacyExemption");
    expect(missed).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: `I${row + 1}`,
        agency: "Văn phòng UBND tỉnh",
        group: "Cung cấp DVCTT",
        value: legacyNote,
        detail: "Không TTHC",
      }),
    ]);
    expect(missed[0].message).toContain("miễn chấm chưa được áp dụng");
    expect(findingMessage(missed[0], "en")).toContain("the exemption is not applied yet");
  });

  it("leaves the agency unexempted until converted: 342,7 of 498", () => {
    expect(indexOf(result, "Văn phòng UBND tỉnh")).toEqual({ index: "0,688", className: "Trung bình", maxPoints: "498" });
  });

  it("converted, gives back every published figure and no legacy finding", () => {
    const fixed = scored(withConverted(values, result.legacy));
    expect(fixed.legacy).toEqual([]);
    expect(fixed.findings.filter((f) => f.code.startsWith("legacy"))).toEqual([]);
    expect(fixed.rows[row - HEADER_ROW - 1].notes).toBe("Không TTHC");
    expect(resultRows(fixed)).toEqual(publishedRows());
  });
});

describe.each(["tcvn3", "vni"] as LegacyEncoding[])("an agency name typed in %s", (encoding) => {
  it("repeats its Unicode spelling: a duplicate name, and one warning listing the legacy cells", () => {
    const values = referenceSheet();
    const yTe = rowOf("Sở Y tế");
    const second = rowOf("Sở Nội vụ");
    const third = rowOf("Sở Tư pháp");
    values[second][NAME_COL] = encodeLegacy("Sở Y tế", encoding);
    values[third][NAME_COL] = encodeLegacy("Sở Tư pháp", encoding);
    const result = scored(values);
    expect(result.findings.filter((f) => f.code === "duplicateName")).toEqual([
      expect.objectContaining({ cell: `B${second + 1}`, agency: encodeLegacy("Sở Y tế", encoding), detail: `B${yTe + 1}` }),
    ]);
    const legacy = result.findings.filter((f) => f.code === "legacyText");
    expect(legacy).toHaveLength(1);
    expect(legacy[0].cells).toEqual([`B${second + 1}`, `B${third + 1}`]);
    expect(legacy[0].message).toMatch(/^Các ô B13, B15 được gõ bằng bảng mã/);
    expect(result.legacy.map((c) => [c.cell, c.kind, c.converted])).toEqual([
      [`B${second + 1}`, "name", "Sở Y tế"],
      [`B${third + 1}`, "name", "Sở Tư pháp"],
    ]);
  });
});

describe.each(["tcvn3", "vni"] as LegacyEncoding[])("a whole sheet typed in %s", (encoding) => {
  const values = referenceSheet().map((row) => row.map((v) => (typeof v === "string" ? encodeLegacy(v, encoding) : v)));
  const name = encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI";

  it("has no grid, and the message says the headers look like that encoding, in both languages", () => {
    const result = scoreSheet(values, presetRules());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe("noGrid");
    expect(result.error.message).toContain(`bảng mã ${name}`);
    expect(result.error.message).toContain("“Chuyển mã”");
    expect(result.error.messageEn).toContain(`the ${name} encoding`);
    const headers = result.legacy.filter((c) => c.row === HEADER_ROW).map((c) => c.converted);
    // Every header with a letter Unicode writes differently is found, “Ghi chú” too.
    expect(headers).toEqual(referenceSheet()[HEADER_ROW].filter((h) => typeof h === "string" && encodeLegacy(h, encoding) !== h));
  });

  it("converted, is scored exactly as the published annex", () => {
    const first = scoreSheet(values, presetRules());
    const converted = withConverted(values, first.legacy);
    const result = scored(converted);
    const again = result.legacy.length > 0 ? scored(withConverted(converted, result.legacy)) : result;
    expect(again.legacy).toEqual([]);
    expect(resultRows(again)).toEqual(publishedRows());
  });
});

describe("no false alarm on Unicode", () => {
  it("the reference sheet: no legacy cell, no legacy finding", () => {
    const result = scored(referenceSheet());
    expect(result.legacy).toEqual([]);
    expect(result.findings.map((f) => f.code)).toEqual(["aboveMax"]);
  });
});

describe("last year's ranking typed in TCVN3 or VNI", () => {
  it("meets this year's Unicode names through legacyToUnicode (the converter the command line passes)", () => {
    const result = scored(referenceSheet());
    const unicode = (t: string) => legacyToUnicode(t)?.text ?? t;
    for (const encoding of ["tcvn3", "vni"] as LegacyEncoding[]) {
      const previous = result.rows.map((r) => ({ name: encodeLegacy(r.name, encoding), rank: r.rank, index: r.index, className: r.className }));
      const comparison = compareWithPrevious(result.rows, previous, unicode);
      expect([encoding, comparison.missing, comparison.added]).toEqual([encoding, [], []]);
      // Without the converter, names with Vietnamese letters would not meet.
      expect(compareWithPrevious(result.rows, previous).added.length).toBeGreaterThan(15);
    }
  });
});

/** One header typed in a legacy encoding in an otherwise Unicode sheet (the issue: “Ghi chó”, “Tªn c¬ quan”). */
describe.each(["tcvn3", "vni"] as LegacyEncoding[])("one header alone typed in %s", (encoding) => {
  const headers = referenceSheet()[HEADER_ROW] as string[];
  const withHeader = (col: number) => {
    const values = referenceSheet();
    values[HEADER_ROW][col] = encodeLegacy(headers[col], encoding);
    return values;
  };

  it("“Ghi chú”: an error at the header (the notes and their exemptions are not read), the cell offered to convert; converted, the published annex", () => {
    const values = withHeader(NOTES_COL);
    const result = scored(values);
    expect(result.layout.notesCol).toBeNull();
    expect(result.legacy.map((c) => [c.cell, c.kind, c.converted])).toEqual([["I4", "header", "Ghi chú"]]);
    const header = result.findings.filter((f) => f.code === "legacyHeader");
    expect(header).toEqual([
      expect.objectContaining({ severity: "error", cell: "I4", cells: ["I4"], encoding, detail: "Ghi chú", value: values[HEADER_ROW][NOTES_COL] }),
    ]);
    expect(header[0].message).toContain("chưa đọc ghi chú của các cơ quan (các miễn chấm theo ghi chú không được áp dụng)");
    expect(findingMessage(header[0], "en")).toContain("the agencies' notes (and the exemptions they give) are not read");
    expect(result.findings.some((f) => f.code === "legacyText" && f.cells!.includes("I4"))).toBe(true);
    // Without the notes, Văn phòng UBND tỉnh loses its “Không TTHC” exemption (the 8th → 14th).
    expect(indexOf(result, "Văn phòng UBND tỉnh").maxPoints).toBe("498");
    const fixed = scored(withConverted(values, result.legacy));
    expect(fixed.findings.filter((f) => f.code.startsWith("legacy"))).toEqual([]);
    expect(resultRows(fixed)).toEqual(publishedRows());
  });

  it("“Tên cơ quan”: no agency column, and the message says the header looks like that encoding and names its cell; converted, the published annex", () => {
    const values = withHeader(NAME_COL);
    const result = scoreSheet(values, presetRules());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe("noNameColumn");
    expect(result.error.message).toContain("không có cột tên cơ quan");
    expect(result.error.message).toContain(`bảng mã ${encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI"}`);
    expect(result.error.message).toContain("B4");
    expect(result.legacy.map((c) => [c.cell, c.converted])).toEqual([["B4", "Tên cơ quan"]]);
    expect(resultRows(scored(withConverted(values, result.legacy)))).toEqual(publishedRows());
  });

  it.each([2, 3, 4, 5, 6, 7])("group header in column %i: no grid, the header named; converted, the published annex", (col) => {
    const values = withHeader(col);
    const result = scoreSheet(values, presetRules());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe("noGrid");
    expect(result.legacy.map((c) => c.converted)).toEqual([headers[col]]);
    expect(result.error.message).toContain(result.legacy[0].cell);
    expect(resultRows(scored(withConverted(values, result.legacy)))).toEqual(publishedRows());
  });

  it("a “Khối” column: an error at the header (the blocks are not read); converted, each agency in its block", () => {
    const json = twoBlockRulesJson();
    const rules = loadRules(json);
    const values = [
      ["STT", "Tên cơ quan", encodeLegacy("Khối", encoding), "Nhóm A", "Nhóm B"],
      [1, "Sở Tư pháp", "Sở, ban, ngành", 90, 40],
      [2, "UBND huyện Vũ Thư", "Huyện", 70, 30],
    ];
    const result = scoreSheet(values, rules);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.layout.blockCol).toBeNull();
    expect(result.findings.filter((f) => f.code === "legacyHeader")).toEqual([expect.objectContaining({ cell: "C1", detail: "Khối", severity: "error" })]);
    expect(
      findingMessage(
        result.findings.find((f) => f.code === "legacyHeader")!,
        "vi",
      ),
    ).toContain("khối của các cơ quan");
    const fixed = scoreSheet(withConverted(values, result.legacy), rules);
    if (!fixed.ok) throw new Error(fixed.error.message);
    expect(fixed.layout.blockCol).toBe(2);
    expect(fixed.rows.map((r) => r.block)).toEqual(["so-nganh", "huyen"]);
    expect(fixed.findings).toEqual([]);
  });
});

/** The Khối column's cells typed in a legacy encoding (a block column pasted from an old file): each named, the agency not placed until converted. */
describe.each(["tcvn3", "vni"] as LegacyEncoding[])("an agency's block typed in %s", (encoding) => {
  const blockRules = () => loadRules(twoBlockRulesJson());
  const values = () => [
    ["STT", "Tên cơ quan", "Khối", "Nhóm A", "Nhóm B"],
    [1, "Sở Tư pháp", encodeLegacy("Sở, ban, ngành", encoding), 90, 40],
    [2, "UBND huyện Vũ Thư", "Huyện", 70, 30],
    [3, "UBND huyện Kiến Xương", encodeLegacy("Huyện", encoding), 60, 20],
  ];

  it("is named as a legacy cell, and each such agency is an error naming its cell, the text, the block it reads as and the fix (not “no block”)", () => {
    const rules = blockRules();
    const result = scoreSheet(values(), rules);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.legacy.filter((c) => c.kind === "block").map((c) => [c.cell, c.converted])).toEqual([
      ["C2", "Sở, ban, ngành"],
      ["C4", "Huyện"],
    ]);
    const blocks = result.findings.filter((f) => f.code === "legacyBlock");
    expect(blocks.map((f) => [f.cell, f.severity, f.agency, f.group, f.detail, f.encoding])).toEqual([
      ["C2", "error", "Sở Tư pháp", "Khối sở, ban, ngành", "Sở, ban, ngành", encoding],
      ["C4", "error", "UBND huyện Kiến Xương", "Khối UBND huyện, thành phố", "Huyện", encoding],
    ]);
    expect(result.findings.some((f) => f.code === "noBlock" && (f.cell === "B2" || f.cell === "B4"))).toBe(false);
    expect(blocks[0].message).toBe(
      `Ô C2: khối “${values()[1][2]}” của Sở Tư pháp được gõ bằng bảng mã ${encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI"}, đọc là “Sở, ban, ngành”: cơ quan này thuộc “Khối sở, ban, ngành” nhưng chưa được xếp vào khối ấy, nên điểm tối đa, phân loại và thứ hạng có thể sai. Hãy bấm “Chuyển mã” (dòng lệnh: --fix-encoding) rồi bấm lại “Tính điểm”.`,
    );
    expect(findingMessage(blocks[0], "en", "cli")).toContain(
      "is not placed in it yet, so its maxima, class and rank may be wrong. Run again with --fix-encoding.",
    );
    // The cells to convert are offered with the others (legacyText).
    expect(result.findings.find((f) => f.code === "legacyText")!.cells).toEqual(expect.arrayContaining(["C2", "C4"]));
    // Until converted, the two are not ranked (no block).
    expect(result.rows.map((r) => r.block)).toEqual([null, "huyen", null]);
  });

  it("converted: each agency in its block, no legacy finding", () => {
    const rules = blockRules();
    const result = scoreSheet(values(), rules);
    if (!result.ok) throw new Error(result.error.message);
    const fixed = scoreSheet(withConverted(values(), result.legacy), rules);
    if (!fixed.ok) throw new Error(fixed.error.message);
    expect(fixed.rows.map((r) => r.block)).toEqual(["so-nganh", "huyen", "huyen"]);
    expect(fixed.findings).toEqual([]);
  });
});
