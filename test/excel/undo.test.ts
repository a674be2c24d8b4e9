/**
 * A workbook scored in Microsoft 365 (ExcelApi 1.9 and later: formats of appended columns copied aside
 * with Range.copyFrom) and undone in an older Excel (the manifest's minimum, ExcelApi 1.4, no copyFrom).
 */
import { createOfficeDouble } from "../office-double/index";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { STORE_SHEET } from "../../src/core/store/store";
import { referenceDouble, SHEET } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

/** Scores the reference grid at the latest API (the user's own fill on J7, a cell of an appended column), then moves the file to a host at `apiLevel`. */
async function scoredAtLatestThenOpenedAt(apiLevel: number) {
  const setup = referenceDouble(20);
  setup.ws.setCell("J7", { fill: "#FFF2CC" });
  const before = setup.ws.snapshot();
  const scored = await runScoring("pane");
  expect(scored).toMatchObject({ kind: "done", columns: ["J", "K", "L", "M"] });
  setup.restore();
  const older = createOfficeDouble({ apiLevel, workbook: setup.double.workbook });
  restore = older.install(globalThis);
  return { older, ws: older.workbook.sheet(SHEET), before };
}

describe("undo of a workbook scored at ExcelApi 1.9+, on a host without Range.copyFrom", () => {
  it("at ExcelApi 1.4 gives back every value, clears the copied formats and says which cells lost their own formats", async () => {
    const { older, ws, before } = await scoredAtLatestThenOpenedAt(4);
    const undone = await undoLast();
    expect(undone).toMatchObject({ kind: "done", message: expect.stringMatching(/^Đã hoàn tác lần “Tính điểm”/) });
    if (undone.kind !== "done") throw new Error("not done");
    expect(undone.left).toEqual([
      expect.objectContaining({
        code: "formatsNotRestored",
        sheet: SHEET,
        cells: ["J", "K", "L", "M"].map((c) => expect.stringMatching(new RegExp(`^${c}\\d+:${c}\\d+$`))),
        message: expect.stringContaining("cần Excel 2021 hoặc Microsoft 365"),
        messageEn: expect.stringContaining("it needs Excel 2021 or Microsoft 365"),
      }),
    ]);
    expect(undone.left![0].message).toMatch(/^Phiên bản Excel này không chép lại được định dạng.*các ô J\d+:J\d+, K/);
    expect(undone.left![0].messageEn).toMatch(/^This version of Excel cannot copy formats back.*cells J\d+:J\d+, K/);

    const after = ws.snapshot();
    // Values complete: every cell holds what it held before the scoring, and nothing else remains.
    const contents = (snap: typeof before) =>
      Object.fromEntries(
        Object.entries(snap.cells)
          .filter(([, c]) => c.value !== null && c.value !== "")
          .map(([k, c]) => [k, [c.value, c.formula, c.numberFormat]]),
      );
    expect(contents(after)).toEqual(contents(before));
    // Formats: everything outside the appended columns as before; inside, the default (the user's fill on J7 is the loss reported).
    for (const [address, cell] of Object.entries(before.cells)) {
      if (/^[J-M]\d+$/.test(address)) continue;
      expect([address, after.cells[address]]).toEqual([address, cell]);
    }
    expect(before.cells.J7).toEqual({ value: "", fill: "#FFF2CC" });
    expect(Object.keys(after.cells).filter((a) => /^[J-M]\d+$/.test(a))).toEqual([]);
    // The copies on the add-in's sheet are cleared, the journal is gone: undo happens once.
    expect(Object.values(older.workbook.sheet(STORE_SHEET).snapshot().cells).filter((c) => c.fill || c.borders || c.font)).toEqual([]);
    expect((await undoLast()).kind).toBe("nothing");
  });

  it("at ExcelApi 1.9 gives the formats back too, and reports nothing left", async () => {
    const { ws, before } = await scoredAtLatestThenOpenedAt(9);
    const undone = await undoLast();
    expect(undone.kind).toBe("done");
    expect(undone).not.toHaveProperty("left");
    expect(ws.snapshot().cells).toEqual(before.cells);
  });
});

describe("undo of an annex made at ExcelApi 1.9+, on the manifest's minimum (ExcelApi 1.4)", () => {
  it("brings the previous annex back (its print setup is what this Excel cannot set, nothing fails)", async () => {
    const setup = referenceDouble(20);
    const { saveDecision } = await import("../../src/excel/settings");
    const { generateAnnex } = await import("../../src/excel/annex");
    expect(
      await saveDecision({
        number: "06/QĐ-UBND",
        date: "05/01/2021",
        issuer: "Ủy ban nhân dân tỉnh",
        province: "Thái Bình",
        year: 2020,
        subject: "Đánh giá",
        sheetName: "Phụ lục",
      }),
    ).toEqual({ ok: true });
    expect(await generateAnnex({ confirmErrors: true })).toMatchObject({ kind: "done" });
    setup.double.workbook.setActive(SHEET);
    expect(
      await saveDecision({
        number: "07/QĐ-UBND",
        date: "06/01/2021",
        issuer: "Ủy ban nhân dân tỉnh",
        province: "Thái Bình",
        year: 2020,
        subject: "Đánh giá",
        sheetName: "Phụ lục",
      }),
    ).toEqual({ ok: true });
    expect(await generateAnnex({ confirmErrors: true })).toMatchObject({ kind: "done" });
    setup.restore();
    const older = createOfficeDouble({ apiLevel: 4, workbook: setup.double.workbook });
    restore = older.install(globalThis);
    expect(await undoLast()).toMatchObject({ kind: "done" });
    expect(older.workbook.sheet("Phụ lục").getValues("A3")).toEqual([
      ["(Kèm theo Quyết định số 06/QĐ-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh Thái Bình)"],
    ]);
  });
});
