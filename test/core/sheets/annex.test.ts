import { SHEET_HEADER_2020 } from "../helpers";
import { annexGate, annexGrid, annexNotes, buildAnnex, chooseAnnexSheet, packAnnex, unpackAnnex } from "../../../src/core/sheets/annex";
import { compareWithPrevious } from "../../../src/core/grid/previous";
import { completeMetadata, validateMetadata, parseViDate } from "../../../src/core/rules/metadata";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { readPublishedAnnex, referenceSheet } from "../../fixtures/reference";

const rules = presetRules();
const meta = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", year: 2020 });

function score(values: unknown[][]) {
  const r = scoreSheet(values, rules);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const HEADER = [...SHEET_HEADER_2020];

describe("annex description", () => {
  const result = score(referenceSheet());
  const annex = buildAnnex(rules, result.rows, meta);
  const grid = annexGrid(annex);
  const published = readPublishedAnnex();

  it("has the title block with the stored number and date", () => {
    expect(grid[0][0]).toBe("KẾT QUẢ");
    expect(grid[1][0]).toBe("Đánh giá, xếp hạng ứng dụng công nghệ thông tin trong hoạt động của các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh năm 2020");
    expect(grid[2][0]).toBe("(Kèm theo Quyết định số 06/QĐ-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh)");
    expect(annex.merges).toEqual(expect.arrayContaining([{ row: 0, col: 0, rows: 1, cols: 12 }]));
    expect(annex.cells.find((c) => c.row === 2)!.style).toBe("reference");
    expect(annex.styles.reference.italic).toBe(true);
  });

  it("reproduces the published table cell by cell, as text with decimal commas", () => {
    expect(grid[annex.table.headerRow]).toEqual(published.header);
    published.rows.forEach((p, i) => expect(grid[annex.table.firstRow + i]).toEqual([p.stt, p.name, ...p.groups, p.total, p.index, p.className, p.notes]));
    expect(annex.table.lastRow - annex.table.firstRow + 1).toBe(19);
  });

  it("generates the notes from the rules: 498 and why, the three exempt agencies", () => {
    expect(annexNotes(rules, result.rows)).toEqual([
      "- Tổng điểm đánh giá chung: 498 điểm (Do không đánh giá mục điều kiện địa lý trên Cổng thông tin điện tử, điểm của mục này là 2 điểm).",
      "- Cơ quan: Văn phòng UBND tỉnh, Sở Ngoại vụ, Thanh tra tỉnh không có thủ tục hành chính nên không thực hiện chấm điểm mục: Cung cấp dịch vụ công trực tuyến (điểm mục này là 100 điểm).",
    ]);
    expect(grid[annex.table.lastRow + 2][0]).toBe("Ghi chú:");
  });

  it("sets up printing: A4 landscape, one page wide, the header row on every page, Times New Roman", () => {
    expect(annex.font).toBe("Times New Roman");
    expect(annex.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToPagesWide: 1, repeatRows: { first: 4, last: 4 } });
    expect(annex.styles.header).toMatchObject({ bold: true, wrap: true, border: true });
    expect(annex.rowHeights).toHaveLength(annex.rowCount);
    expect(annex.columnWidths).toHaveLength(annex.colCount);
  });

  it("is identical when built twice from the same data", () => {
    expect(JSON.stringify(buildAnnex(rules, score(referenceSheet()).rows, meta))).toBe(JSON.stringify(annex));
  });
});

describe("annex with ties and unusual names", () => {
  const values = [
    HEADER,
    [1, "Sở A", 50, 100, 98, 100, 100, 50, ""],
    [2, "Sở B", 40, 90, 90, 90, 90, 40, ""],
    [3, '=HYPERLINK("x")', 40, 90, 90, 90, 90, 40, ""],
    [4, "Sở D", 10, 10, 10, 10, 10, 10, ""],
  ];
  const result = score(values);
  const annex = buildAnnex(rules, result.rows, meta);
  const grid = annexGrid(annex);

  it("shows the shared rank in its own column while STT stays a sequence", () => {
    expect(grid[4]).toContain("Xếp hạng");
    const rankCol = grid[4].indexOf("Xếp hạng");
    expect(grid.slice(5, 9).map((r) => [r[0], r[rankCol]])).toEqual([
      ["1", "1"],
      ["2", "2"],
      ["3", "2"],
      ["4", "4"],
    ]);
  });

  it("keeps a formula-like agency name as literal text", () => {
    expect(grid[7][1]).toBe('=HYPERLINK("x")');
    expect(annex.cells.find((c) => c.text === '=HYPERLINK("x")')).toMatchObject({ row: 7, col: 1 });
  });

  it("has no rank column without ties (STT is the rank, as published)", () => {
    const plain = buildAnnex(rules, score(referenceSheet()).rows, meta);
    expect(plain.table.columns).not.toContain("Xếp hạng");
  });
});

describe("the gate before an annex with errors", () => {
  const result = score(referenceSheet());
  it("refuses without confirmation and names the 55", () => {
    const refusal = annexGate(result.findings, false)!;
    expect(refusal.errors).toHaveLength(1);
    expect(refusal.message).toContain("H10 (Văn phòng UBND tỉnh, Nhân lực cho ứng dụng CNTT: 55)");
  });
  it("lets a confirmed annex through, and one without errors", () => {
    expect(annexGate(result.findings, true)).toBeNull();
    expect(
      annexGate(
        result.findings.filter((f) => f.severity !== "error"),
        false,
      ),
    ).toBeNull();
  });
});

describe("annex sheet naming", () => {
  it("replaces only its own annex", () => {
    expect(chooseAnnexSheet("Phụ lục", ["Chấm điểm", "Phụ lục"], "Phụ lục")).toEqual({ name: "Phụ lục", replaces: true, collidedWithUserSheet: false });
  });
  it("never touches a user's sheet with the same name", () => {
    expect(chooseAnnexSheet("Phụ lục", ["Chấm điểm", "Phụ lục"], undefined)).toEqual({ name: "Phụ lục (2)", replaces: false, collidedWithUserSheet: true });
    expect(chooseAnnexSheet("Phụ lục", ["Phụ lục", "Phụ lục (2)"], "Phụ lục (2)")).toEqual({
      name: "Phụ lục (2)",
      replaces: true,
      collidedWithUserSheet: true,
    });
  });
  it("creates a new sheet when none exists", () => {
    expect(chooseAnnexSheet("Phụ lục", ["Chấm điểm"], undefined)).toEqual({ name: "Phụ lục", replaces: false, collidedWithUserSheet: false });
  });
});

describe("decision metadata", () => {
  it("accepts the decision's own number and date", () => {
    expect(validateMetadata(meta)).toEqual([]);
  });
  it("rejects impossible dates and a signing date before the evaluated year, each with its field", () => {
    expect(parseViDate("31/02/2021")).toBeNull();
    expect(parseViDate("29/02/2024")).toEqual({ day: 29, month: 2, year: 2024 });
    expect(validateMetadata({ ...meta, date: "31/02/2021" }).map((p) => p.field)).toEqual(["date"]);
    expect(validateMetadata({ ...meta, date: "05/01/2019" })[0].message).toContain("trước năm được đánh giá 2020");
    expect(validateMetadata({ ...meta, number: "" }).map((p) => p.field)).toEqual(["number"]);
    expect(validateMetadata({ ...meta, sheetName: "Phụ/lục" }).map((p) => p.field)).toEqual(["sheetName"]);
  });
  it("normalises the date to dd/mm/yyyy", () => {
    expect(completeMetadata({ date: "5/1/2021" }).date).toBe("05/01/2021");
  });
});

describe("section headings inside the grid", () => {
  const withRows = (...extra: unknown[][]) => {
    const v = referenceSheet();
    v.splice(4, 0, ...extra);
    return v;
  };

  it("a row numbered like a section (I, A) or written in capitals, without scores, is a heading with a warning", () => {
    const r = score(withRows(["I", "Khối sở, ban, ngành", "", "", "", "", "", "", ""], ["", "II. CÁC CƠ QUAN KHÁC", "", "", "", "", "", "", ""]));
    expect(r.rows).toHaveLength(19);
    expect(r.findings.filter((f) => f.code === "noScores").map((f) => [f.cell, f.severity, f.agency])).toEqual([
      ["B5", "warning", "Khối sở, ban, ngành"],
      ["B6", "warning", "II. CÁC CƠ QUAN KHÁC"],
    ]);
  });

  it("an agency numbered 20 with every score missing stays an agency, with its errors", () => {
    const r = score(withRows([20, "Sở Mới thành lập", "", "", "", "", "", "", ""]));
    expect(r.rows).toHaveLength(20);
    expect(r.findings.filter((f) => f.code === "missing")).toHaveLength(6);
  });
});

describe("very long notes", () => {
  it("continue on further rows so that no row is higher than Excel's 409 points", () => {
    const header = [...SHEET_HEADER_2020];
    const rowsIn = Array.from({ length: 800 }, (_, i) => [i + 1, `Ủy ban nhân dân xã số ${i + 1}`, 40, 80, 80, 0, 80, 40, "Không TTHC"]);
    const r = score([header, ...rowsIn]);
    const annex = buildAnnex(rules, r.rows, meta);
    expect(Math.max(...annex.rowHeights)).toBeLessThanOrEqual(409);
    const notes = annex.cells.filter((c) => c.style === "note").map((c) => c.text);
    expect(notes.length).toBeGreaterThan(2);
    expect(notes.slice(1).join(" ")).toContain("Ủy ban nhân dân xã số 800 không có thủ tục hành chính");
    expect(
      notes
        .slice(1)
        .join(" ")
        .match(/Ủy ban nhân dân xã số \d+/g),
    ).toHaveLength(800);
  });
});

describe("packing the annex for the workbook store", () => {
  it("unpacks to the identical description, in a fraction of the size", () => {
    const annex = buildAnnex(rules, score(referenceSheet()).rows, meta);
    const packed = packAnnex(annex);
    expect(unpackAnnex(JSON.parse(JSON.stringify(packed)))).toEqual(annex);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(annex).length / 2);
  });
});

describe("a “Ghi chú” line inside the table", () => {
  it("does not end the grid when agencies with scores follow it", () => {
    const v = referenceSheet();
    v.splice(10, 0, ["", "", "", "", "", "", "", "", "Ghi chú: các sở dưới đây chấm bổ sung"]);
    const r = score(v);
    expect(r.rows).toHaveLength(19);
    expect(r.layout.notesBlockRow).toBe(25);
  });
});

describe("class names are written into cells", () => {
  it("so one that Excel would take for a formula is refused, with its path", async () => {
    const { validateRules, PRESET_THAI_BINH_2020 } = await import("../../../src/core/rules/rules");
    const { ruleProblemMessage } = await import("../../../src/core/rules/ruleMessages");
    const r = validateRules({
      ...PRESET_THAI_BINH_2020,
      classes: [
        { name: "=Tốt", minIndex: 0.85 },
        { name: "Khá", minIndex: 0 },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path)).toEqual(["classes[0].name"]);
      expect(ruleProblemMessage(r.problems[0], "en")).toContain("formula");
      expect(ruleProblemMessage(r.problems[0], "vi")).toContain("công thức");
    }
  });
});

describe("row heights", () => {
  it("never pass Excel's 409 points, even for a very long Ghi chú in the table", () => {
    const v = referenceSheet();
    v[4][8] = "Ghi chú rất dài. ".repeat(40);
    const annex = buildAnnex(rules, score(v).rows, meta);
    expect(Math.max(...annex.rowHeights)).toBe(409);
  });
});

describe("last year's columns in the annex, when the user chooses them", () => {
  const result = score(referenceSheet());
  const byRank = [...result.rows].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  // Last year: the first two swapped places, the last agency did not exist (new this year).
  const last = byRank.slice(0, -1).map((r, i) => ({ name: r.name, rank: i === 0 ? 2 : i === 1 ? 1 : i + 1, index: null, className: null }));
  const comparison = compareWithPrevious(result.rows, last);

  it("adds “Xếp hạng năm trước” and “Tăng/giảm” after the results, before Ghi chú, with each agency's values", () => {
    const annex = buildAnnex(rules, result.rows, meta, comparison);
    const cols = annex.table.columns;
    expect(cols.slice(-3)).toEqual(["Xếp hạng năm trước", "Tăng/giảm", "Ghi chú"]);
    expect(annex.colCount).toBe(cols.length);
    expect(annex.columnWidths).toHaveLength(cols.length);
    const grid = annexGrid(annex);
    const prev = cols.indexOf("Xếp hạng năm trước");
    const at = (name: string) => grid.find((row) => row[1] === name)!;
    expect([at(byRank[0].name)[prev], at(byRank[0].name)[prev + 1]]).toEqual(["2", "▲1"]);
    expect([at(byRank[1].name)[prev], at(byRank[1].name)[prev + 1]]).toEqual(["1", "▼1"]);
    expect([at(byRank[2].name)[prev], at(byRank[2].name)[prev + 1]]).toEqual(["3", "="]);
    const newcomer = byRank[byRank.length - 1].name;
    expect([at(newcomer)[prev], at(newcomer)[prev + 1]]).toEqual(["", "mới"]);
    // The title banners span the wider table.
    expect(annex.merges).toEqual(expect.arrayContaining([{ row: 0, col: 0, rows: 1, cols: cols.length }]));
  });

  it("without the choice (null), the annex is exactly the published one", () => {
    expect(JSON.stringify(buildAnnex(rules, result.rows, meta, null))).toBe(JSON.stringify(buildAnnex(rules, result.rows, meta)));
    expect(buildAnnex(rules, result.rows, meta).table.columns).not.toContain("Tăng/giảm");
  });
});
