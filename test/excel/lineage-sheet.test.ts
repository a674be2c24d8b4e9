import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { generateAnnex } from "../../src/excel/annex";
import { writeLineageSheet } from "../../src/excel/lineage-sheet";
import { createExplanation } from "../../src/excel/explanation";
import { inspectSelection } from "../../src/excel/card";
import { loadSettings, saveDecision, saveLineage2025, saveRules } from "../../src/excel/settings";
import { EXPECTED, GRID_2024, GRID_2025, LINEAGE_ROWS, RULES_2024, RULES_2025 } from "../fixtures/lineage-years";
import { openPane } from "../../src/excel/opening";
import { completeMetadata } from "../../src/core/rules/metadata";
import { scorePreviousYear } from "../../src/core/grid/previous";
import { PRESET_THAI_BINH_2020, RulesJson } from "../../src/core/rules/rules";
import { decodeStore, STORE_SHEET } from "../../src/core/store/store";
import { createOfficeDouble } from "../office-double/index";
import { referenceSheet } from "../fixtures/reference";
import { changedCells, SHEET } from "./helpers";

const LAST = "Năm trước";
const sheetNames = (double: ReturnType<typeof createOfficeDouble>) => double.workbook.snapshot().sheets.map((s) => s.name);

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
  // Last year's grid under a 2019 title (a grid of the same year is refused unless the user confirms).
  double.workbook
    .sheet(LAST)
    .setValues("A1", referenceSheet().map((r) => r.map((v) => (typeof v === "string" ? v.replace("NĂM 2020", "NĂM 2019") : v))) as (string | number)[][]);
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
    expect(told).toContain("So sánh năm 2020 với năm 2019. 1 cơ quan được so qua danh sách sáp nhập (“Sở Nông nghiệp và Môi trường”)");
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

describe.each([4, 20])("“Ghi trang Sáp nhập” from the pane (ExcelApi 1.%i)", (apiLevel) => {
  it("writes the 2025 entries that fit both tables as the “Sáp nhập” sheet in 2 syncs; Tính điểm then reads it; Hoàn tác removes it", async () => {
    const { double, ws, rowOf } = workbook(apiLevel, null);
    const before = ws.snapshot();
    double.stats.reset();
    const o = await writeLineageSheet({ kind: "sheet", sheet: LAST, lineage2025: true });
    expect(o).toMatchObject({ kind: "done", sheetName: "Sáp nhập", entries: 5, undo: { action: "lineage", sheet: "Sáp nhập" } });
    // As Giải trình: at ExcelApi 1.20 the store sheet is made on its own first (its own undo step).
    expect(double.stats.syncs).toBe(apiLevel >= 20 ? 4 : 2);
    expect(o.message).toContain("Đã ghi trang “Sáp nhập” (5 cơ quan");
    expect(o.messageEn).toContain("Wrote the “Sáp nhập” sheet (5 agencies");
    const table = double.workbook.sheet("Sáp nhập").getValues("A1:B12");
    expect(table[0]).toEqual(["Cơ quan hiện nay", "Tiền thân"]);
    // Last year's names as its table writes them (the abbreviation).
    expect(table).toContainEqual(["Sở Nội vụ", "Sở Lao động TBXH"]);
    expect(table).toContainEqual(["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]);
    // Hoàn tác (one undo: the last action) removes it.
    const undone = await undoLast();
    expect(undone).toMatchObject({ kind: "done", message: expect.stringContaining("Đã hoàn tác lần “Ghi trang Sáp nhập”") });
    expect(sheetNames(double)).not.toContain("Sáp nhập");
    // Written again: Tính điểm, without the box ticked, compares through the sheet.
    expect((await writeLineageSheet({ kind: "sheet", sheet: LAST, lineage2025: true })).kind).toBe("done");
    const scored = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    expect(scored).toMatchObject({ kind: "done" });
    expect(ws.getValues(`O${rowOf("Sở Tài chính")}`)).toEqual([["sáp nhập"]]);
    expect((await undoLast()).kind).toBe("done");
    expect(changedCells(before, ws.snapshot())).toEqual([]);
  });

  it("refuses, writing nothing, when the workbook already has a “Sáp nhập” sheet (the user's table) or there is nothing to write", async () => {
    const { double } = workbook(apiLevel, [["Cơ quan hiện nay", "Tiền thân"]]);
    const before = double.workbook.snapshot();
    const o = await writeLineageSheet({ kind: "sheet", sheet: LAST, lineage2025: true });
    expect(o).toMatchObject({ kind: "refused", message: expect.stringContaining("Sổ tính đã có trang “Sáp nhập”: add-in không ghi đè trang ấy") });
    expect(o.messageEn).toContain("does not write over it");
    expect(double.workbook.snapshot()).toEqual(before);
    restore();
    const other = workbook(apiLevel, null);
    const o2 = await writeLineageSheet({ kind: "sheet", sheet: LAST });
    expect(o2).toMatchObject({ kind: "refused", message: expect.stringContaining("Không có mục sáp nhập nào để ghi") });
    expect(sheetNames(other.double)).not.toContain("Sáp nhập");
  });
});

describe.each([4, 20])("“Giải trình” after a comparison through the lineage (ExcelApi 1.%i)", (apiLevel) => {
  it("the merged agency's “Năm trước” line names its predecessors, from the “Sáp nhập” sheet", async () => {
    const { double } = workbook(apiLevel, [
      ["Cơ quan hiện nay", "Tiền thân"],
      ["Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và PTNT"],
      ["", "Sở Tài nguyên và Môi trường"],
    ]);
    expect((await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } })).kind).toBe("done");
    const o = await createExplanation({ selectedOnly: false });
    expect(o.kind).toBe("done");
    const texts = double.workbook
      .sheet("Giải trình")
      .getValues("A1:H800")
      .flat()
      .filter((v) => typeof v === "string") as string[];
    expect(texts.find((t) => t.includes("(sáp nhập: Sở Nông nghiệp và PTNT, Sở Tài nguyên và Môi trường)."))).toMatch(/^Năm trước: hạng \d+ \(sáp nhập: /);
    expect(texts.some((t) => /^Năm trước: hạng \d+ \((▲|▼)\d+\)\.$|^Năm trước: hạng \d+ \(=\)\.$/.test(t))).toBe(true);
  });
});

describe.each([4, 20])("the agency card after a comparison through the lineage (ExcelApi 1.%i)", (apiLevel) => {
  it("names the merged agency's predecessors in its “Năm trước” line, in one sync", async () => {
    const { double, rowOf } = workbook(apiLevel, [
      ["Cơ quan hiện nay", "Tiền thân"],
      ["Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và PTNT"],
      ["", "Sở Tài nguyên và Môi trường"],
    ]);
    expect((await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } })).kind).toBe("done");
    double.select(`E${rowOf("Sở Nông nghiệp và Môi trường")}`);
    double.stats.reset();
    const info = (await inspectSelection())!;
    expect(double.stats.syncs).toBe(1);
    expect(info.card!.vi.lines.join("\n")).toMatch(/Năm trước: hạng \d+ \(sáp nhập: Sở Nông nghiệp và PTNT, Sở Tài nguyên và Môi trường\)\./);
    expect(info.card!.en.lines.join("\n")).toMatch(/Last year: rank \d+ \(.*: Sở Nông nghiệp và PTNT, Sở Tài nguyên và Môi trường\)\./);
  });
});

/** Last year's agencies as read from its own workbook, which stores rules giving “Cung cấp DVCTT” 80 points (this year: 100). */
function lastYearWithOtherRules(year: number) {
  const rules = JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020)) as RulesJson;
  rules.groups.find((g) => g.id === "dvctt")!.maxPoints = 80;
  const read = scorePreviousYear([{ name: "Chấm điểm", values: referenceSheet() }], rules, "nam-truoc.xlsx");
  if (!read.ok) throw new Error("last year's grid");
  return { kind: "agencies" as const, source: "nam-truoc.xlsx", agencies: read.agencies, year, storedRules: read.storedRules, rankBy: read.rankBy };
}

const annexTexts = (double: ReturnType<typeof createOfficeDouble>) =>
  double.workbook
    .sheet("Phụ lục")
    .getValues("A1:J60")
    .flat()
    .filter((v) => typeof v === "string") as string[];

const storedState = (double: ReturnType<typeof createOfficeDouble>) => {
  const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C400"));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
};

const DECISION = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình", year: 2020 });

describe.each([4, 20])("rules changed between the years: “Tạo phụ lục” says the indices are compared as published (ExcelApi 1.%i)", (apiLevel) => {
  it("Tính điểm keeps the two years and the change in the store; the annex notes both years and “so sánh như đã công bố”", async () => {
    const { double } = workbook(apiLevel, null);
    const o = await runScoring("pane", undefined, { previous: lastYearWithOtherRules(2019) });
    expect(o.kind).toBe("done");
    if (o.kind !== "done") return;
    expect(o.findings.map((f) => f.code)).toContain("rulesChangedSinceLastYear");
    expect(storedState(double).lastYear).toEqual({
      lineage2025: false,
      compared: {
        sheet: SHEET,
        years: { current: 2020, previous: 2019 },
        rulesChanged: [{ kind: "maxima", detail: "Cung cấp DVCTT: 80 → 100" }],
        lineage2025: [],
      },
    });
    expect(await saveDecision({ ...DECISION, annexPrevious: true })).toEqual({ ok: true });
    double.stats.reset();
    expect(await generateAnnex({ confirmErrors: true })).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(double.stats.syncs).toBeLessThanOrEqual(3);
    const texts = annexTexts(double);
    expect(texts).toContain("- Xếp hạng năm trước: kết quả năm 2019, so sánh với năm 2020.");
    expect(texts).toContain("- Bộ tiêu chí, điểm tối đa hoặc mức phân loại năm trước khác năm nay: chỉ số và xếp hạng năm trước được so sánh như đã công bố.");
  });

  it("the same rules last year: the annex states both years, without the note; Tính điểm with no comparison keeps the record", async () => {
    const { double } = workbook(apiLevel, null);
    expect((await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } })).kind).toBe("done");
    expect((await runScoring("pane")).kind).toBe("done");
    expect(storedState(double).lastYear?.compared).toMatchObject({ sheet: SHEET, rulesChanged: [] });
    expect(await saveDecision({ ...DECISION, annexPrevious: true })).toEqual({ ok: true });
    expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
    const texts = annexTexts(double);
    expect(texts).toContain("- Xếp hạng năm trước: kết quả năm 2019, so sánh với năm 2020.");
    expect(texts.some((t) => t.includes("như đã công bố"))).toBe(false);
  });

  it("“Hoàn tác” of Tính điểm gives the store back its record of before (none)", async () => {
    const { double } = workbook(apiLevel, null);
    expect((await runScoring("pane", undefined, { previous: lastYearWithOtherRules(2019) })).kind).toBe("done");
    expect((await undoLast()).kind).toBe("done");
    expect(storedState(double).lastYear).toBeUndefined();
  });
});

describe.each([4, 20])("a “Sáp nhập” sheet that cannot be read: every reader of last year's columns refuses it alike (ExcelApi 1.%i)", (apiLevel) => {
  /** Compared through the sheet, then its first entry loses its predecessor (B2 emptied). */
  async function brokenAfterScoring() {
    const setup = workbook(apiLevel, [
      ["Cơ quan hiện nay", "Tiền thân"],
      ["Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và PTNT"],
      ["", "Sở Tài nguyên và Môi trường"],
    ]);
    expect((await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } })).kind).toBe("done");
    setup.double.workbook.sheet("Sáp nhập").setValues("B2", [[""]]);
    return setup;
  }
  const WHY =
    "Ô B2 của trang “Sáp nhập”: cơ quan “Sở Nông nghiệp và Môi trường” chưa có tiền thân ở cột “Tiền thân”. Hãy ghi tên cơ quan năm trước mà nó tiếp nối, hoặc xóa dòng.";

  it("Tính điểm, Tạo phụ lục and Giải trình refuse with the same message (the cell, the fix), changing nothing", async () => {
    const { double } = await brokenAfterScoring();
    expect(await saveDecision({ ...DECISION, annexPrevious: true })).toEqual({ ok: true });
    const before = double.workbook.snapshot();
    const scored = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    const annex = await generateAnnex({ confirmErrors: true });
    const explained = await createExplanation({ selectedOnly: false });
    for (const o of [scored, annex, explained]) {
      expect(o).toMatchObject({ kind: "refused", message: WHY });
      expect(o.kind === "refused" && o.messageEn).toContain("Cell B2 of the “Sáp nhập” sheet");
    }
    expect(double.workbook.snapshot()).toEqual(before);
  });

  it("the agency card says it in place of last year's line", async () => {
    const { double, rowOf } = await brokenAfterScoring();
    double.select(`E${rowOf("Sở Nông nghiệp và Môi trường")}`);
    const info = (await inspectSelection())!;
    expect(info.card!.vi.lines).toContain(WHY);
    expect(info.card!.vi.lines.join("\n")).not.toMatch(/^Năm trước:/m);
    expect(info.card!.en.lines.join("\n")).toContain("Cell B2 of the “Sáp nhập” sheet");
  });

  it("a sheet without last year's columns does not use the lineage: Giải trình and the card go on", async () => {
    const { double, rowOf } = workbook(apiLevel, [
      ["Cơ quan hiện nay", "Tiền thân"],
      ["", "Sở Tài nguyên và Môi trường"],
    ]);
    expect((await runScoring("pane")).kind).toBe("done");
    expect((await createExplanation({ selectedOnly: false })).kind).toBe("done");
    double.workbook.setActive(SHEET);
    double.select(`E${rowOf("Sở Y tế")}`);
    expect((await inspectSelection())!.card!.vi.lines.join("\n")).not.toContain("Sáp nhập");
  });
});

describe.each([4, 20])("the 2025 list's box kept with the workbook, without the “Sáp nhập” sheet (ExcelApi 1.%i)", (apiLevel) => {
  it("ticked once: the pane opens with it ticked; Tính điểm, the annex, the card and Giải trình use it", async () => {
    const { double, ws, rowOf } = workbook(apiLevel, null);
    expect(await saveLineage2025(true)).toEqual({ ok: true });
    expect(sheetNames(double)).not.toContain("Sáp nhập");
    const opening = await openPane(() => undefined);
    opening.stopListening();
    expect(opening.head.lineage2025).toBe(true);
    expect((await loadSettings()).lineage2025).toBe(true);

    // The pane passes nothing about the box (the ribbon, an older pane): the workbook's choice holds.
    const o = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    expect(o.kind === "done" && o.notices.join("\n")).toContain("Đã dùng 5 mục của danh sách sáp nhập sở năm 2025");
    expect(ws.getValues(`O${rowOf("Sở Tài chính")}`)).toEqual([["sáp nhập"]]);
    expect(storedState(double).lastYear?.compared?.lineage2025.map((e) => e.name)).toContain("Sở Tài chính");

    expect(await saveDecision({ ...DECISION, annexPrevious: true })).toEqual({ ok: true });
    expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
    expect(annexTexts(double)).toContain(
      "- Sở Tài chính: sáp nhập từ Sở Tài chính và Sở Kế hoạch và Đầu tư; xếp hạng năm trước tính theo trung bình chỉ số năm trước của các cơ quan này.",
    );
    double.workbook.setActive(SHEET);
    double.select(`E${rowOf("Sở Tài chính")}`);
    expect((await inspectSelection())!.card!.vi.lines.join("\n")).toMatch(/Năm trước: hạng \d+ \(sáp nhập: Sở Tài chính, Sở Kế hoạch và Đầu tư\)\./);
    expect((await createExplanation({ selectedOnly: false })).kind).toBe("done");
    const pages = double.workbook
      .sheet("Giải trình")
      .getValues("A1:H800")
      .flat()
      .filter((v) => typeof v === "string") as string[];
    expect(pages.some((t) => /^Năm trước: hạng \d+ \(sáp nhập: Sở Tài chính, Sở Kế hoạch và Đầu tư\)\.$/.test(t))).toBe(true);
  });

  it("unticked in the pane: Tính điểm does not use it, and keeps the box unticked", async () => {
    const { double, ws, rowOf } = workbook(apiLevel, null);
    expect(await saveLineage2025(true)).toEqual({ ok: true });
    const o = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST, lineage2025: false } });
    expect(o.kind === "done" && o.notices.join("\n")).toContain("Danh sách sáp nhập sở năm 2025 có 5 mục");
    expect(ws.getValues(`O${rowOf("Sở Tài chính")}`)).not.toEqual([["sáp nhập"]]);
    expect(storedState(double).lastYear?.lineage2025).toBe(false);
  });
});

describe.each([4, 20])("two small years in the Office double: two mergers, a rename, a split, new, gone, ties, rules changed (ExcelApi 1.%i)", (apiLevel) => {
  it("Tính điểm compares through the “Sáp nhập” sheet as the command line does; the annex states both years and “so sánh như đã công bố”", async () => {
    const double = createOfficeDouble({ apiLevel, sheets: ["Chấm điểm", "Sáp nhập"] });
    const ws = double.workbook.sheet("Chấm điểm");
    ws.setValues("A1", GRID_2025);
    double.workbook.sheet("Sáp nhập").setValues("A1", LINEAGE_ROWS);
    double.workbook.setActive("Chấm điểm");
    restore = double.install(globalThis);
    expect(await saveRules(RULES_2025)).toEqual({ ok: true });
    // Last year's workbook, read as the pane reads a file: its agencies under its own stored rules.
    const read = scorePreviousYear([{ name: "Chấm điểm", values: GRID_2024 }], RULES_2024, "2024.xlsx");
    if (!read.ok) throw new Error("2024's grid");
    const o = await runScoring("pane", undefined, { previous: { kind: "agencies", source: "2024.xlsx", ...read, lineage2025: false } });
    expect(o.kind).toBe("done");
    if (o.kind !== "done") return;
    const values = ws.getValues("A1:Q10");
    const [prev, change] = ["Xếp hạng năm trước", "Tăng/giảm"].map((h) => values[2].indexOf(h));
    const got = Object.fromEntries(values.slice(3).map((r) => [r[1], [r[prev], r[change]]]));
    expect(got).toEqual(EXPECTED);
    expect(o.notices.join("\n")).toContain("So sánh năm 2025 với năm 2024.");
    expect(o.notices.join("\n")).toContain("kể cả qua danh sách sáp nhập: Sở Ngoại vụ.");
    expect(o.findings.map((f) => f.code)).toContain("rulesChangedSinceLastYear");

    expect(
      await saveDecision({
        ...completeMetadata({ number: "06/QĐ-UBND", date: "15/01/2026", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình", year: 2025 }),
        annexPrevious: true,
      }),
    ).toEqual({ ok: true });
    expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
    const texts = annexTexts(double);
    expect(texts).toContain("- Xếp hạng năm trước: kết quả năm 2024, so sánh với năm 2025.");
    expect(texts).toContain("- Trung tâm Xúc tiến Thương mại: năm trước là Sở Công Thương.");
    expect(texts).toContain("- Sở Dân tộc và Tôn giáo: năm trước là Ban Dân tộc.");
    expect(texts).toContain(
      "- Sở Xây dựng: sáp nhập từ Sở Xây dựng và Sở Giao thông vận tải; xếp hạng năm trước tính theo trung bình chỉ số năm trước của các cơ quan này.",
    );
    expect(texts).toContain("- Bộ tiêu chí, điểm tối đa hoặc mức phân loại năm trước khác năm nay: chỉ số và xếp hạng năm trước được so sánh như đã công bố.");
  });
});
