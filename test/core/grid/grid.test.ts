import { groupOfHeader, locateGrid, GridLayout } from "../../../src/core/grid/grid";
import { loadRules, presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { referenceSheet } from "../../fixtures/reference";
import { clonePreset, GROUP_HEADERS } from "../helpers";

const rules = presetRules();
const row = (name: string, stt: unknown = "", notes = ""): unknown[] => [stt, name, 40, 80, 80, 80, 80, 40, notes];
const HEADER = ["STT", "Tên cơ quan", ...GROUP_HEADERS, "Ghi chú"];
const blankRow = (): unknown[] => HEADER.map(() => "");

function layoutOf(values: unknown[][], r = rules): GridLayout {
  const located = locateGrid(values, r);
  if (!located.ok) throw new Error(located.message);
  return located.layout;
}

function agencies(values: unknown[][], r = rules): string[] {
  const result = scoreSheet(values, r);
  if (!result.ok) throw new Error(result.error.message);
  return result.rows.map((x) => x.name);
}

describe("locateGrid: the header row", () => {
  it("finds the header anywhere in the first rows, below title rows", () => {
    const values = [
      ["KẾT QUẢ"],
      ["Đánh giá, xếp hạng ứng dụng CNTT năm 2020"],
      [],
      ["(Kèm theo Quyết định số 06/QĐ-UBND)"],
      [""],
      HEADER,
      row("Sở A", 1),
      row("Sở B", 2),
    ];
    const layout = layoutOf(values);
    expect(layout).toMatchObject({
      headerRow: 5,
      headerTop: 5,
      nameCol: 1,
      sttCol: 0,
      notesCol: 8,
      groupCols: [2, 3, 4, 5, 6, 7],
      dataRows: [6, 7],
      lastCol: 8,
      lastRow: 7,
      notesBlockRow: null,
    });
  });

  it("the published sheet: header in row 4, notes block from row 25", () => {
    const layout = layoutOf(referenceSheet());
    expect(layout.headerRow).toBe(3);
    expect(layout.dataRows).toHaveLength(19);
    expect(layout.notesBlockRow).toBe(24);
  });

  it("matches headers regardless of case, accents, line breaks, extra spaces and a trailing (note)", () => {
    const header = [
      "stt",
      "TÊN CƠ QUAN",
      "  Hạ   tầng\nkỹ thuật ",
      "ỨNG DỤNG CNTT",
      "TRANG/CỔNG TTĐT",
      "Cung cấp dịch vụ công trực tuyến",
      "Co che, chinh sach",
      "Nhân lực cho ứng dụng CNTT (50 điểm)",
      "GHI CHÚ",
    ];
    expect(layoutOf([header, row("Sở A")])).toMatchObject({ nameCol: 1, sttCol: 0, notesCol: 8, groupCols: [2, 3, 4, 5, 6, 7] });
    for (const text of [
      "Trang/Cổng\nthông tin điện tử",
      "Trang / Cổng thông tin điện tử",
      "trang/cong thong tin dien tu",
      "Cổng thông tin điện tử",
      "Trang/Cổng thông tin điện tử (100 điểm)",
    ]) {
      expect(groupOfHeader(rules, text)).toBe(2);
    }
    expect(groupOfHeader(rules, "Cổng thông tin")).toBe(-1);
    expect(groupOfHeader(rules, 42)).toBe(-1);
    expect(groupOfHeader(rules, null)).toBe(-1);
  });

  it("finds shuffled columns and other name/notes headers", () => {
    const header = ["Ghi chú", "Nhân lực", "Cung cấp DVCTT", "Đơn vị", "Hạ tầng kỹ thuật", "Cơ chế, chính sách", "Ứng dụng CNTT", "Trang/Cổng TTĐT", "Số TT"];
    const layout = layoutOf([header, ["Không TTHC", 40, 0, "Sở A", 40, 80, 80, 80, 1]]);
    expect(layout).toMatchObject({ nameCol: 3, sttCol: 8, notesCol: 0, groupCols: [4, 6, 7, 2, 5, 1] });
    const result = scoreSheet([header, ["Không TTHC", 40, 0, "Sở A", 40, 80, 80, 80, 1]], rules);
    expect(result.ok && result.rows[0].exemptGroups).toEqual([3]);
  });

  it("two-row header: STT, Tên cơ quan and Ghi chú merged down from the row above, the groups in the second row", () => {
    const values = [
      ["KẾT QUẢ ĐÁNH GIÁ"],
      ["STT", "Tên cơ quan", "Điểm các nhóm tiêu chí", "", "", "", "", "", "Ghi chú"],
      ["", "", ...GROUP_HEADERS, ""],
      row("Sở A", 1),
      row("Sở B", 2, "Không TTHC"),
    ];
    const layout = layoutOf(values);
    expect(layout).toMatchObject({
      headerRow: 2,
      headerTop: 1,
      nameCol: 1,
      sttCol: 0,
      notesCol: 8,
      groupCols: [2, 3, 4, 5, 6, 7],
      dataRows: [3, 4],
      lastCol: 8,
    });
  });

  it("a title merged across the groups above a full header row makes a two-row header block", () => {
    const values = [["", "", "Điểm đánh giá theo nhóm tiêu chí", "", "", "", "", "", ""], HEADER, row("Sở A", 1)];
    expect(layoutOf(values)).toMatchObject({ headerRow: 1, headerTop: 0, nameCol: 1, dataRows: [2] });
  });

  it("a document title merged across the whole width (value in A) is not part of the header block", () => {
    const values = [["KẾT QUẢ ĐÁNH GIÁ NĂM 2020", "", "", "", "", "", "", "", ""], HEADER, row("Sở A", 1)];
    expect(layoutOf(values)).toMatchObject({ headerRow: 1, headerTop: 1 });
  });

  it("recognises existing result columns (Tổng điểm, Chỉ số, Phân loại, Xếp hạng) and their other names", () => {
    const header = ["STT", "Tên cơ quan", ...GROUP_HEADERS, "Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng", "Ghi chú"];
    const layout = layoutOf([header, [1, "Sở A", 40, 80, 80, 80, 80, 40, 400, 0.803, "Khá", 1, ""]]);
    expect(layout.resultCols).toEqual({ total: 8, index: 9, class: 10, rank: 11 });
    expect(layout.notesCol).toBe(12);
    expect(layout.lastCol).toBe(12);
    const other = ["TT", "Cơ quan, đơn vị", ...GROUP_HEADERS, "TỔNG ĐIỂM ĐẠT", "Chỉ số đạt được", "Xếp loại", "Thứ hạng"];
    expect(layoutOf([other, [1, "Sở A", 40, 80, 80, 80, 80, 40]]).resultCols).toEqual({ total: 8, index: 9, class: 10, rank: 11 });
    expect(layoutOf([HEADER, row("Sở A")]).resultCols).toEqual({});
  });

  it("a group name ending in a parenthesis matches a header typed exactly like it", () => {
    const json = clonePreset();
    json.groups[3] = { ...json.groups[3], name: "Cung cấp dịch vụ công trực tuyến (DVCTT)", aliases: [] };
    const custom = loadRules(json);
    expect(groupOfHeader(custom, "Cung cấp dịch vụ công trực tuyến (DVCTT)")).toBe(3);
    expect(groupOfHeader(custom, "Cung cấp dịch vụ công trực tuyến")).toBe(3);
    const header = ["STT", "Tên cơ quan", ...GROUP_HEADERS.slice(0, 3), "Cung cấp dịch vụ công trực tuyến (DVCTT)", ...GROUP_HEADERS.slice(4), "Ghi chú"];
    expect(layoutOf([header, row("Sở A")], custom).groupCols).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

describe("locateGrid: the rows", () => {
  it("skips a repeated header row inside the data (page 2 of the published annex)", () => {
    const values = [HEADER, row("Sở A", 1), row("Sở B", 2), HEADER, row("Sở C", 3)];
    const layout = layoutOf(values);
    expect(layout.dataRows).toEqual([1, 2, 4]);
    expect(layout.skippedRows).toEqual([{ row: 3, why: "header" }]);
    const result = scoreSheet(values, rules);
    expect(result.ok && result.findings).toEqual([]);
  });

  it("skips a repeated header typed differently (other case, aliases)", () => {
    const repeat = ["stt", "tên cơ quan", "HẠ TẦNG KỸ THUẬT", "Ứng dụng CNTT", "Trang/Cổng TTĐT", "DVCTT", "Cơ chế chính sách", "Nhân lực", "ghi chú"];
    expect(layoutOf([HEADER, row("Sở A"), repeat, row("Sở B")]).dataRows).toEqual([1, 3]);
  });

  it("skips a repeated two-row header inside the data", () => {
    const top = ["STT", "Tên cơ quan", "Điểm các nhóm tiêu chí", "", "", "", "", "", "Ghi chú"];
    const bottom = ["", "", ...GROUP_HEADERS, ""];
    const values = [top, bottom, row("Sở A", 1), row("Sở B", 2), top, bottom, row("Sở C", 3)];
    expect(agencies(values)).toEqual(["Sở A", "Sở B", "Sở C"]);
    const result = scoreSheet(values, rules);
    expect(result.ok && result.findings).toEqual([]);
  });

  it("skips blank rows inside the data and after it; only those inside are listed", () => {
    const values = [HEADER, row("Sở A"), blankRow(), [], row("Sở B"), blankRow(), [null, null]];
    const layout = layoutOf(values);
    expect(layout.dataRows).toEqual([1, 4]);
    // The rows after the table are not part of it: listing them would cost a million entries when a
    // stray value sits at the sheet's last row.
    expect(layout.skippedRows).toEqual([
      { row: 2, why: "blank" },
      { row: 3, why: "blank" },
    ]);
    expect(layout.lastRow).toBe(4);
  });

  it("skips a column-number row “(1) (2) (3) …” under the header", () => {
    const marker = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"];
    const layout = layoutOf([HEADER, marker, row("Sở A")]);
    expect(layout.dataRows).toEqual([2]);
    expect(layout.skippedRows).toEqual([{ row: 1, why: "marker" }]);
    expect(layoutOf([HEADER, ["1", "2", "3", "4", "5", "6", "7", "8", "9"], row("Sở A")]).dataRows).toEqual([2]);
  });

  it("skips a column-number row typed as numbers (1 2 3 …): “2” is not an agency", () => {
    const values = [HEADER, [1, 2, 3, 4, 5, 6, 7, 8, 9], row("Sở A")];
    expect(agencies(values)).toEqual(["Sở A"]);
    expect(layoutOf(values).skippedRows).toEqual([{ row: 1, why: "marker" }]);
  });

  it("a numeric name with scores that do not run 3, 4, 5 … is read as a row, never skipped silently", () => {
    const values = [HEADER, [1, 2, 40, 80, 80, 80, 80, 40, ""], row("Sở A")];
    expect(agencies(values)).toEqual(["2", "Sở A"]);
  });

  it("skips a “Tổng cộng” summary row typed in the name column", () => {
    const values = [HEADER, row("Sở A"), row("Sở B"), ["", "Tổng cộng", 80, 160, 160, 160, 160, 80, ""]];
    const layout = layoutOf(values);
    expect(layout.dataRows).toEqual([1, 2]);
    expect(layout.skippedRows).toEqual([{ row: 3, why: "summary" }]);
    const result = scoreSheet(values, rules);
    expect(result.ok && result.findings).toEqual([]);
  });

  it("skips a “Tổng cộng” row merged across STT and Tên cơ quan (its text in the STT cell), with no warning", () => {
    const values = [HEADER, row("Sở A"), ["Tổng cộng", "", 40, 80, 80, 80, 80, 40, ""]];
    const layout = layoutOf(values);
    expect(layout.dataRows).toEqual([1]);
    expect(layout.skippedRows).toEqual([{ row: 2, why: "summary" }]);
    const result = scoreSheet(values, rules);
    expect(result.ok && result.findings).toEqual([]);
  });

  it("stops at a trailing “Ghi chú:” block; its lines are not agencies", () => {
    const values = [
      HEADER,
      row("Sở A"),
      blankRow(),
      ["Ghi chú:", "", "", "", "", "", "", "", ""],
      ["- Tổng điểm đánh giá chung: 498 điểm", "", "", "", "", "", "", "", ""],
      ["", "- Các cơ quan không có TTHC: Sở B", "", "", "", "", "", "", ""],
    ];
    const layout = layoutOf(values);
    expect(layout).toMatchObject({ dataRows: [1], notesBlockRow: 3, lastRow: 1 });
    // "Ghi chú:" typed in the name column, too
    const inName = [HEADER, row("Sở A"), ["", "Ghi chú:", "", "", "", "", "", "", ""], ["", "Sở B không có TTHC", "", "", "", "", "", "", ""]];
    expect(layoutOf(inName)).toMatchObject({ dataRows: [1], notesBlockRow: 2 });
  });

  it("a row with scores and no name is skipped as noName (and scoreSheet warns)", () => {
    const layout = layoutOf([HEADER, row("Sở A"), row("")]);
    expect(layout.skippedRows).toEqual([{ row: 2, why: "noName" }]);
  });

  it("everything at once: the published page break, blank rows, markers, summary and notes", () => {
    const marker = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"];
    const values = [
      ["ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"],
      ["KẾT QUẢ"],
      [""],
      HEADER,
      marker,
      row("Sở A", 1),
      blankRow(),
      [2, "Sở B", 40, 80, 80, 0, 80, 40, "Không TTHC"],
      HEADER,
      row("Sở C", 3),
      ["Tổng cộng", "", 120, 240, 240, 240, 240, 120, ""],
      blankRow(),
      ["Ghi chú:"],
      ["- Tổng điểm đánh giá chung: 498 điểm"],
    ];
    expect(agencies(values)).toEqual(["Sở A", "Sở B", "Sở C"]);
    const result = scoreSheet(values, rules);
    expect(result.ok && result.findings).toEqual([]);
    expect(result.ok && result.layout).toMatchObject({ headerRow: 3, notesBlockRow: 12, lastRow: 10 });
  });
});

describe("locateGrid: when there is no grid", () => {
  it("says what it looked for, what it saw and what is missing", () => {
    const values = [
      ["Bảng điểm"],
      ["STT", "Tên cơ quan", "Hạ tầng kỹ thuật", "Ứng dụng CNTT", "Cổng TT", "Cơ chế, chính sách", "Nhân sự"],
      [1, "Sở A", 1, 2, 3, 4, 5],
    ];
    const located = locateGrid(values, rules);
    expect(located.ok).toBe(false);
    if (located.ok) return;
    expect(located.reason).toBe("noGrid");
    expect(located.lookedFor).toEqual(GROUP_HEADERS);
    expect(located.seen).toEqual(["STT", "Tên cơ quan", "Hạ tầng kỹ thuật", "Ứng dụng CNTT", "Cổng TT", "Cơ chế, chính sách", "Nhân sự"]);
    for (const name of GROUP_HEADERS) expect(located.message).toContain(`“${name}”`);
    expect(located.message).toContain("Dòng 2 có:");
    expect(located.message).toContain("Còn thiếu: “Trang/Cổng thông tin điện tử”, “Cung cấp DVCTT”, “Nhân lực cho ứng dụng CNTT”.");
    const scored = scoreSheet(values, rules);
    expect(scored.ok).toBe(false);
  });

  it("with no group header at all it shows the row with the most text", () => {
    const located = locateGrid([["a"], ["Họ và tên", "Lớp", "Điểm"], [1, 2, 3]], rules);
    expect(located.ok).toBe(false);
    if (located.ok) return;
    expect(located.seen).toEqual(["Họ và tên", "Lớp", "Điểm"]);
    expect(located.message).toContain("Còn thiếu: " + GROUP_HEADERS.map((n) => `“${n}”`).join(", "));
  });

  it("an empty sheet is reported as empty", () => {
    for (const values of [[], [[]], [["", null, "  "], [undefined]]]) {
      const located = locateGrid(values as unknown[][], rules);
      expect(located).toMatchObject({ ok: false, reason: "empty", seen: [] });
      if (!located.ok) expect(located.message).toContain("Trang tính đang trống");
    }
  });

  it("all groups but no name column", () => {
    const located = locateGrid(
      [
        ["STT", "Tên", ...GROUP_HEADERS],
        [1, "Sở A", 1, 2, 3, 4, 5, 6],
      ],
      rules,
    );
    expect(located).toMatchObject({ ok: false, reason: "noNameColumn" });
    if (!located.ok) expect(located.message).toContain("“Tên cơ quan”");
  });

  it("a header row below the search window (row 41) is not found", () => {
    const values: unknown[][] = Array.from({ length: 40 }, () => ["…"]);
    values.push(HEADER, row("Sở A"));
    expect(locateGrid(values, rules)).toMatchObject({ ok: false, reason: "noGrid" });
    values.splice(0, 1);
    expect(locateGrid(values, rules).ok).toBe(true);
  });
});
