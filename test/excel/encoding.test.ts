import { encodeLegacy } from "../../src/core/text/legacy-encoding";
import { STORE_SHEET } from "../../src/core/store/store";
import { officeUseCases } from "../../src/excel/index";
import { notifyOutcome } from "../../src/commands/notify";
import { referenceSheet } from "../fixtures/reference";
import { changedCells, referenceDouble, SHEET } from "./helpers";
import { saveRules } from "../../src/excel/settings";
import { twoBlockRulesJson } from "../core/helpers";

const { convertEncoding, loadSettings, runScoring, undoLast } = officeUseCases();

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

const NOTE = "I10"; // Văn phòng UBND tỉnh's “Không TTHC”
const NAME = "B12"; // Sở Y tế
const OFFICE_INDEX = "K10";

/** The reference grid with Văn phòng UBND tỉnh's note typed in TCVN3 (.VnTime) and Sở Y tế in VNI (VNI-Times). */
function legacyDouble(apiLevel = 20, platform: "PC" | "OfficeOnline" = "PC") {
  const setup = referenceDouble(apiLevel, { platform });
  restore = setup.restore;
  expect(setup.ws.getValues(`${NOTE}`)).toEqual([["Không TTHC"]]);
  expect(setup.ws.getValues(`${NAME}`)).toEqual([["Sở Y tế"]]);
  setup.ws.setCell(NOTE, { value: encodeLegacy("Không TTHC", "tcvn3"), font: { name: ".VnTime", size: 13 } });
  setup.ws.setCell(NAME, { value: encodeLegacy("Sở Y tế", "vni"), font: { name: "VNI-Times", bold: true } });
  return setup;
}

describe("“Chuyển mã” on a TCVN3 note and a VNI name", () => {
  it("Tính điểm reports them: one warning per encoding with the cells to convert, the missed exemption as an error", async () => {
    const { ws } = legacyDouble();
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    const legacy = outcome.findings.filter((f) => f.code === "legacyText");
    expect(legacy.map((f) => [f.cell, f.convertible])).toEqual([
      [NOTE, [NOTE]],
      [NAME, [NAME]],
    ]);
    expect(legacy[0].message).toContain("TCVN3 (ABC)");
    expect(legacy[0].messageEn).toContain("“Convert encoding”");
    expect(outcome.findings.find((f) => f.code === "legacyExemption")).toMatchObject({ cell: NOTE, severity: "error" });
    expect(ws.getValues(OFFICE_INDEX)).toEqual([[0.688]]);
    // The ribbon says where the conversion is.
    expect(notifyOutcome(outcome, "vi").message).toContain("bấm “Chuyển mã”");
    expect(notifyOutcome(outcome, "en").message).toContain("“Convert encoding”");
  });

  it("converts exactly the named cells in 2 syncs, takes a Unicode font, and the exemption applies at the next Tính điểm", async () => {
    const { double, ws } = legacyDouble();
    const scored = await runScoring("pane");
    if (scored.kind !== "done") throw new Error(scored.message);
    const convertible = scored.findings.flatMap((f) => f.convertible ?? []);
    const before = ws.snapshot();
    double.stats.reset();

    const outcome = await convertEncoding(convertible);
    expect(outcome).toMatchObject({ kind: "done", cells: [NOTE, NAME] });
    if (outcome.kind !== "done") return;
    expect(outcome.message).toContain("Đã chuyển 1 ô từ bảng mã TCVN3 (ABC) sang Unicode (I10)");
    expect(outcome.messageEn).toContain("Converted 1 cell from the VNI encoding to Unicode (B12)");
    expect(double.stats.syncs).toBe(2);

    const after = ws.snapshot();
    expect(changedCells(before, after)).toEqual([NAME, NOTE]);
    expect(after.cells[NOTE]).toEqual({ ...before.cells[NOTE], value: "Không TTHC", font: { ...before.cells[NOTE].font, name: "Times New Roman" } });
    expect(after.cells[NAME]).toEqual({ ...before.cells[NAME], value: "Sở Y tế", font: { ...before.cells[NAME].font, name: "Times New Roman" } });
    expect((await loadSettings()).undo).toMatchObject({ action: "encoding" });

    const again = await runScoring("pane");
    if (again.kind !== "done") throw new Error(again.message);
    expect(again.findings.map((f) => f.code)).toEqual(["aboveMax"]);
    expect(ws.getValues(OFFICE_INDEX)).toEqual([[0.861]]);
  });

  it("Hoàn tác gives back the legacy texts, number formats and fonts, and nothing else changes", async () => {
    const { double, ws } = legacyDouble();
    const before = ws.snapshot();
    const outcome = await convertEncoding([NOTE, NAME]);
    expect(outcome.kind).toBe("done");
    const undone = await undoLast();
    expect(undone).toMatchObject({ kind: "done", message: expect.stringContaining("“Chuyển mã”"), messageEn: expect.stringContaining("“Convert encoding”") });
    expect(changedCells(before, ws.snapshot())).toEqual([]);
    expect((await loadSettings()).undo).toBeNull();
    expect(double.workbook.sheet(STORE_SHEET).snapshot().visibility).toBe("VeryHidden");
  });

  it("converts only cells still in a legacy encoding: a cell the user retyped or a formula is left alone", async () => {
    const { double, ws } = legacyDouble();
    ws.setCell(NAME, { value: "Sở Y tế" });
    ws.setCell("I11", { formula: '="Kh«ng TTHC"', value: "Kh«ng TTHC" });
    const before = ws.snapshot();
    double.stats.reset();
    const nothing = await convertEncoding([NAME, "I11"]);
    expect(nothing.kind).toBe("nothing");
    expect(nothing.message).toContain("Không có ô nào bị thay đổi");
    expect(double.stats.syncs).toBe(1);
    expect(changedCells(before, ws.snapshot())).toEqual([]);

    const one = await convertEncoding([NOTE, NAME, "I11"]);
    expect(one).toMatchObject({ kind: "done", cells: [NOTE] });
    expect(changedCells(before, ws.snapshot())).toEqual([NOTE]);
    expect(ws.getCell("I11").formula).toBe('="Kh«ng TTHC"');
  });

  it("refuses on a protected sheet, changing nothing", async () => {
    const { double, ws } = legacyDouble();
    ws.protect();
    const before = double.workbook.snapshot();
    const outcome = await convertEncoding([NOTE]);
    expect(outcome).toMatchObject({ kind: "refused", message: expect.stringContaining("đang được bảo vệ") });
    expect(double.workbook.snapshot()).toEqual(before);
  });

  it("works with ExcelApi 1.4, the manifest's minimum", async () => {
    const { ws } = legacyDouble(4);
    const outcome = await convertEncoding([NOTE, NAME]);
    expect(outcome.kind).toBe("done");
    expect(ws.getValues(`${NOTE}`)).toEqual([["Không TTHC"]]);
    expect((await undoLast()).kind).toBe("done");
    expect(ws.getValues(`${NOTE}`)).toEqual([["Kh«ng TTHC"]]);
  });
});

describe("a sheet whose headers are TCVN3", () => {
  it("Tính điểm refuses naming the encoding and offers the header cells; converted, the sheet is scored as published", async () => {
    const values = referenceSheet().map((row) => row.map((v) => (typeof v === "string" ? encodeLegacy(v, "tcvn3") : v)));
    const setup = referenceDouble(20, { values });
    restore = setup.restore;
    const refused = await runScoring("pane");
    if (refused.kind !== "refused") throw new Error("expected a refusal");
    expect(refused.message).toContain("bảng mã TCVN3 (ABC)");
    expect(refused.convertible).toEqual(expect.arrayContaining(["B4", "C4", "I4", "B5", "I10"]));
    expect(notifyOutcome(refused, "vi").message).toContain("bấm “Chuyển mã”");

    expect((await convertEncoding(refused.convertible!)).kind).toBe("done");
    const scored = await runScoring("pane");
    if (scored.kind !== "done") throw new Error(scored.message);
    expect(scored.findings.map((f) => f.code)).toEqual(["aboveMax"]);
    expect(setup.ws.getValues("B4:I4")).toEqual([referenceSheet()[3].slice(1)]);
    expect(setup.ws.getValues(OFFICE_INDEX)).toEqual([[0.861]]);
    expect(setup.double.workbook.sheet(SHEET).getValues("B10")).toEqual([["Văn phòng UBND tỉnh"]]);
  });
});

describe("one header alone in a legacy font", () => {
  it("“Ghi chó” (TCVN3): Tính điểm names the header as an error with its Chuyển mã cell; converted in 2 syncs and undoable; converted, the exemption is back", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    const { ws, double } = setup;
    ws.setCell("I4", { value: encodeLegacy("Ghi chú", "tcvn3"), font: { name: ".VnTimeH", bold: true } });
    const first = await runScoring("pane");
    if (first.kind !== "done") throw new Error(first.message);
    const header = first.findings.find((f) => f.code === "legacyHeader");
    expect(header).toMatchObject({ cell: "I4", severity: "error", convertible: ["I4"] });
    expect(header!.message).toContain("“Ghi chó”");
    expect(ws.getValues(OFFICE_INDEX)).toEqual([[0.688]]);

    const before = ws.snapshot();
    double.stats.reset();
    const outcome = await convertEncoding(header!.convertible!);
    expect(outcome).toMatchObject({ kind: "done", cells: ["I4"] });
    expect(double.stats.syncs).toBe(2);
    expect(changedCells(before, ws.snapshot())).toEqual(["I4"]);
    expect(ws.snapshot().cells.I4).toMatchObject({ value: "Ghi chú", font: { name: "Times New Roman", bold: true } });

    // Hoàn tác gives the header as typed back (the journal holds the old text and font).
    expect((await undoLast()).kind).toBe("done");
    expect(changedCells(before, ws.snapshot())).toEqual([]);
    expect((await convertEncoding(["I4"])).kind).toBe("done");

    const again = await runScoring("pane");
    if (again.kind !== "done") throw new Error(again.message);
    expect(again.findings.map((f) => f.code)).toEqual(["aboveMax"]);
    expect(ws.getValues(OFFICE_INDEX)).toEqual([[0.861]]);
  });

  it("“Teân cô quan” (VNI): Tính điểm refuses (no agency column) and offers the header; converted, the sheet is scored as published", async () => {
    const values = referenceSheet();
    values[3][1] = encodeLegacy("Tên cơ quan", "vni");
    const setup = referenceDouble(20, { values });
    restore = setup.restore;
    const refused = await runScoring("pane");
    if (refused.kind !== "refused") throw new Error("expected a refusal");
    expect(refused.message).toContain("bảng mã VNI");
    expect(refused.convertible).toEqual(["B4"]);
    expect((await convertEncoding(refused.convertible!)).kind).toBe("done");
    const scored = await runScoring("pane");
    if (scored.kind !== "done") throw new Error(scored.message);
    expect(setup.ws.getValues("B4")).toEqual([["Tên cơ quan"]]);
    expect(setup.ws.getValues(OFFICE_INDEX)).toEqual([[0.861]]);
  });
});

describe("a Khối cell in a legacy font", () => {
  it("Tính điểm names it as an error with its Chuyển mã cell (not “no block”); converted in 2 syncs and undoable; converted, no legacy or no-block finding", async () => {
    const json = twoBlockRulesJson();
    const setup = referenceDouble(20, {
      values: [
        ["STT", "Tên cơ quan", "Khối", "Nhóm A", "Nhóm B"],
        [1, "Sở Tư pháp", "", 90, 40],
        [2, "UBND huyện Vũ Thư", "Huyện", 70, 30],
      ],
    });
    restore = setup.restore;
    const { ws, double } = setup;
    ws.setCell("C2", { value: encodeLegacy("Sở, ban, ngành", "tcvn3"), font: { name: ".VnTime" } });
    expect(await saveRules(json)).toEqual({ ok: true });
    const first = await runScoring("pane");
    if (first.kind !== "done") throw new Error(first.message);
    const block = first.findings.find((f) => f.code === "legacyBlock");
    expect(block).toMatchObject({ cell: "C2", severity: "error", agency: "Sở Tư pháp" });
    expect(block!.message).toContain(
      `khối “${encodeLegacy("Sở, ban, ngành", "tcvn3")}” của Sở Tư pháp được gõ bằng bảng mã TCVN3 (ABC), đọc là “Sở, ban, ngành”`,
    );
    expect(block!.message).toContain("Hãy bấm “Chuyển mã”");
    expect(first.findings.map((f) => f.code)).not.toContain("noBlock");
    const legacyText = first.findings.find((f) => f.code === "legacyText");
    expect(legacyText!.convertible).toEqual(["C2"]);

    const before = ws.snapshot();
    double.stats.reset();
    expect(await convertEncoding(legacyText!.convertible!)).toMatchObject({ kind: "done", cells: ["C2"] });
    expect(double.stats.syncs).toBe(2);
    expect(changedCells(before, ws.snapshot())).toEqual(["C2"]);
    expect(ws.snapshot().cells.C2).toMatchObject({ value: "Sở, ban, ngành", font: { name: "Times New Roman" } });
    expect((await undoLast()).kind).toBe("done");
    expect(changedCells(before, ws.snapshot())).toEqual([]);
    expect((await convertEncoding(["C2"])).kind).toBe("done");

    const again = await runScoring("pane");
    if (again.kind !== "done") throw new Error(again.message);
    expect(again.findings.filter((f) => f.code.startsWith("legacy") || f.code === "noBlock")).toEqual([]);
  });
});

describe.each([
  ["Windows", "PC"],
  ["the web", "OfficeOnline"],
] as const)("“Chuyển mã” at ExcelApi 1.20 on %s", (_label, platform) => {
  it("is one Ctrl+Z step that clears nothing of the user's undo history; Ctrl+Z gives the legacy texts back", async () => {
    const { double, ws } = legacyDouble(20, platform);
    const scored = await runScoring("pane"); // the first write (on Windows it makes the store on its own, clearing the stack once)
    if (scored.kind !== "done") throw new Error(scored.message);
    const cleared = double.undo.clearedBy.length;
    double.edit("Ghi chép", "A2", [["của tôi"]]);
    const before = ws.snapshot();
    const depth = double.undo.stack.length;
    const outcome = await convertEncoding(scored.findings.flatMap((f) => f.convertible ?? []));
    expect(outcome).toMatchObject({ kind: "done", cells: [NOTE, NAME] });
    expect(double.undo.stack.length - depth).toBe(1);
    expect(double.undo.clearedBy.length).toBe(cleared);
    double.pressUndo();
    expect(ws.snapshot().cells).toEqual(before.cells);
    expect(double.undo.stack.at(-1)?.source).toBe("user"); // the user's own edit, still there to undo
  });
});
