import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { generateAnnex } from "../../src/excel/annex";
import { saveDecision } from "../../src/excel/settings";
import { completeMetadata } from "../../src/core/metadata";
import { createOfficeDouble } from "../office-double";
import { referenceSheet } from "../fixtures/reference";
import { changedCells, SHEET } from "./helpers";

const LAST = "Năm trước";

let restore: () => void = () => undefined;
afterEach(() => restore());

/**
 * Last year: the reference grid. This year: the same scores, with Sở Nông nghiệp và PTNT now Sở Nông
 * nghiệp và Môi trường (merged with Sở Tài nguyên và Môi trường, whose row is a new agency's).
 */
function workbook(apiLevel: number, lineageRows: (string | number)[][] | null) {
  const sheets = [SHEET, LAST, ...(lineageRows ? ["Sáp nhập"] : [])];
  const double = createOfficeDouble({ apiLevel, sheets });
  const ws = double.workbook.sheet(SHEET);
  const now = referenceSheet().map((r) => [...r]) as (string | number)[][];
  const rename = (from: string, to: string) => (now.find((r) => r[1] === from)![1] = to);
  rename("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Môi trường");
  rename("Sở Tài nguyên và Môi trường", "Ban Quản lý dự án đầu tư xây dựng");
  ws.setValues("A1", now);
  double.workbook.sheet(LAST).setValues("A1", referenceSheet() as (string | number)[][]);
  if (lineageRows) double.workbook.sheet("Sáp nhập").setValues("A1", lineageRows);
  double.workbook.setActive(SHEET);
  restore = double.install(globalThis);
  const rowOf = (name: string) => ws.getValues("B5:B23").findIndex((r) => r[0] === name) + 5;
  return { double, ws, rowOf };
}

describe.each([4, 20])("“So sánh với năm trước” through the lineage (ExcelApi 1.%i)", (apiLevel) => {
  it("reads the “Sáp nhập” sheet in the same sync: a merged department shows “sáp nhập”, the 2025 list's other entries are offered", async () => {
    const { double, ws, rowOf } = workbook(apiLevel, [
      ["Cơ quan hiện nay", "Tiền thân"],
      ["Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và PTNT"],
      ["", "Sở Tài nguyên và Môi trường"],
    ]);
    const before = ws.snapshot();
    double.stats.reset();
    const o = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    expect(o.kind).toBe("done");
    if (o.kind !== "done") return;
    // As Tính điểm without a comparison: the store sheet is made on its own first where writes join the undo stack (ExcelApi 1.20).
    expect(double.stats.syncs).toBe(apiLevel >= 20 ? 4 : 2);
    const nnmt = rowOf("Sở Nông nghiệp và Môi trường");
    const [[rank, previous, change]] = ws.getValues(`M${nnmt}:O${nnmt}`);
    expect(change).toBe("sáp nhập");
    expect(typeof previous).toBe("number");
    expect(rank).toBeGreaterThan(0);
    expect(ws.getValues(`O${rowOf("Ban Quản lý dự án đầu tư xây dựng")}`)).toEqual([["mới"]]);
    const told = o.notices.join("\n");
    expect(told).toContain("So sánh năm 2020 với năm 2020. 1 cơ quan được so qua danh sách sáp nhập (“Sở Nông nghiệp và Môi trường”)");
    // Sở Tài chính ← Sở KH&ĐT, Sở Xây dựng ← Sở GTVT, Sở KH&CN ← Sở TT&TT, Sở Nội vụ ← Sở Lao động TBXH: offered, not applied.
    expect(told).toContain("Danh sách sáp nhập sở năm 2025 có 4 mục");
    expect(told).toContain("“Sở Nội vụ” ← “Sở Nội vụ”, “Sở Lao động TBXH”");
    expect(o.noticesEn.join("\n")).toContain("click “Use the 2025 merger list”");
    expect(ws.getValues(`O${rowOf("Sở Tài chính")}`)[0][0]).not.toBe("sáp nhập");
    expect((await undoLast()).kind).toBe("done");
    expect(changedCells(before, ws.snapshot())).toEqual([]);
  });

  it("uses the 2025 list when the user ticks it", async () => {
    const { ws, rowOf } = workbook(apiLevel, null);
    const o = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST, lineage2025: true } });
    expect(o.kind).toBe("done");
    if (o.kind !== "done") return;
    expect(o.notices.join("\n")).toContain("Đã dùng 5 mục của danh sách sáp nhập sở năm 2025");
    for (const name of ["Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Nội vụ"])
      expect([name, ws.getValues(`O${rowOf(name)}`)[0][0]]).toEqual([name, "sáp nhập"]);
  });

  it("refuses, changing nothing, when the “Sáp nhập” sheet names a predecessor without its agency", async () => {
    const { ws } = workbook(apiLevel, [
      ["Cơ quan hiện nay", "Tiền thân"],
      ["", "Sở Tài nguyên và Môi trường"],
    ]);
    const before = ws.snapshot();
    const o = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    expect(o.kind).toBe("refused");
    expect(o.kind === "refused" && o.message).toContain("Ô A2 của trang “Sáp nhập”: tiền thân “Sở Tài nguyên và Môi trường” chưa có cơ quan hiện nay");
    expect(changedCells(before, ws.snapshot())).toEqual([]);
  });

  it("“Tạo phụ lục” names the predecessors from the “Sáp nhập” sheet Tính điểm compared through (the rules declare none), in ≤ 3 syncs", async () => {
    const { double } = workbook(apiLevel, [
      ["Cơ quan hiện nay", "Tiền thân"],
      ["Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và PTNT"],
      ["", "Sở Tài nguyên và Môi trường"],
    ]);
    expect((await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } })).kind).toBe("done");
    const decision = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình", year: 2020 });
    expect(await saveDecision({ ...decision, annexPrevious: true })).toEqual({ ok: true });
    double.stats.reset();
    const o = await generateAnnex({ confirmErrors: true });
    expect(o).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(double.stats.syncs).toBeLessThanOrEqual(3);
    const texts = double.workbook
      .sheet("Phụ lục")
      .getValues("A1:J60")
      .flat()
      .filter((v) => typeof v === "string") as string[];
    expect(texts).toContain(
      "- Sở Nông nghiệp và Môi trường: sáp nhập từ Sở Nông nghiệp và PTNT và Sở Tài nguyên và Môi trường; xếp hạng năm trước tính theo trung bình chỉ số năm trước của các cơ quan này.",
    );
  });

  it("“Tạo phụ lục” refuses, changing nothing, when the “Sáp nhập” sheet became unreadable after Tính điểm", async () => {
    const { double } = workbook(apiLevel, [
      ["Cơ quan hiện nay", "Tiền thân"],
      ["Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và PTNT"],
      ["", "Sở Tài nguyên và Môi trường"],
    ]);
    expect((await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } })).kind).toBe("done");
    const decision = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình", year: 2020 });
    expect(await saveDecision({ ...decision, annexPrevious: true })).toEqual({ ok: true });
    double.workbook.sheet("Sáp nhập").setValues("A2", [["Sở Nông nghiệp và Môi trường", ""]]);
    double.workbook.sheet("Sáp nhập").setValues("B2", [[""]]);
    const before = double.workbook.snapshot();
    const o = await generateAnnex({ confirmErrors: true });
    expect(o.kind).toBe("refused");
    expect(o.kind === "refused" && o.message).toContain("Ô B2 của trang “Sáp nhập”");
    expect(double.workbook.snapshot()).toEqual(before);
  });
});
