/**
 * Excel's own undo (ExcelUndoApiAll, ExcelApi 1.20) in the double, on Windows and on the web: every action that
 * writes is one Ctrl+Z step; after the first on a workbook, Tính điểm and Tạo phụ lục (again) call nothing that clears
 * the user's undo stack; the pane's Hoàn tác knows when Ctrl+Z took the action back. Below 1.20, nothing changes.
 */
import { createOfficeDouble } from "../office-double/index";
import { runScoring } from "../../src/excel/scoring";
import { generateAnnex } from "../../src/excel/annex";
import { createChart } from "../../src/excel/chart";
import { createExplanation } from "../../src/excel/explanation";
import { undoLast } from "../../src/excel/undo";
import { saveDecision } from "../../src/excel/settings";
import { setUndoClearConsent } from "../../src/excel/store";
import { referenceSheet } from "../fixtures/reference";
import { SHEET } from "./helpers";

const DECISION = { number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh Thái Bình", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" };

let restore: () => void = () => undefined;
afterEach(() => restore());

function setup(platform: "PC" | "OfficeOnline", apiLevel = 20) {
  const double = createOfficeDouble({ apiLevel, platform, sheets: [SHEET, "Ghi chép"] });
  const ws = double.workbook.sheet(SHEET);
  ws.setValues("A1", referenceSheet() as (string | number)[][]);
  double.workbook.setActive(SHEET);
  restore = double.install(globalThis);
  /** Runs an action and returns what it added to the undo stack and whether it cleared it. */
  const step = async <T>(action: () => Promise<T>) => {
    const depth = double.undo.stack.length;
    const cleared = double.undo.clearedBy.length;
    const outcome = await action();
    return { outcome, added: double.undo.stack.length - depth, cleared: double.undo.clearedBy.slice(cleared) };
  };
  return { double, ws, step };
}

describe.each([
  ["Windows", "PC"],
  ["the web", "OfficeOnline"],
] as const)("ExcelApi 1.20 on %s", (_label, platform) => {
  test("each action is one Ctrl+Z step; after the first, none clears the user's undo stack; the user's own edit stays under them", async () => {
    const { double, ws, step } = setup(platform);
    // The first write makes the hidden store: on Windows and Mac hiding a sheet clears the stack (once, outside any group).
    const first = await step(() => saveDecision(DECISION));
    expect(first.outcome).toEqual({ ok: true });
    expect(first.cleared).toEqual(platform === "PC" ? ["Worksheet.visibility"] : []);

    double.edit("Ghi chép", "A2", [["ghi chú của tôi"]]);
    const scored = await step(() => runScoring("pane"));
    expect(scored.outcome).toMatchObject({ kind: "done" });
    expect(scored).toMatchObject({ added: 1, cleared: [] });

    double.edit(SHEET, "C5", [[49]]);
    const again = await step(() => runScoring("pane"));
    expect(again.outcome).toMatchObject({ kind: "done", unchanged: false });
    expect(again).toMatchObject({ added: 1, cleared: [] });

    const annex = await step(() => generateAnnex({ confirmErrors: true }));
    expect(annex.outcome).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(annex).toMatchObject({ added: 1, cleared: [] });
    const firstAnnex = double.workbook.sheet("Phụ lục").snapshot();

    double.workbook.setActive(SHEET);
    double.edit(SHEET, "C5", [[48]]);
    await runScoring("pane");
    const regenerated = await step(() => generateAnnex({ confirmErrors: true }));
    expect(regenerated.outcome).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(regenerated).toMatchObject({ added: 1, cleared: [] });
    // Written in place: the same sheet, no temporary or hidden copy.
    expect(double.workbook.sheets.map((s) => s.name)).toEqual([SHEET, "Ghi chép", "XepHangCNTT_DuLieu", "Phụ lục"]);
    expect(double.workbook.sheet("Phụ lục").snapshot()).not.toEqual(firstAnnex);

    // One Ctrl+Z takes the whole regeneration back.
    double.pressUndo();
    expect(double.workbook.sheet("Phụ lục").snapshot()).toEqual(firstAnnex);

    double.workbook.setActive(SHEET);
    const chart = await step(() => createChart());
    expect(chart.outcome).toMatchObject({ kind: "done" });
    expect(chart).toMatchObject({ added: 1, cleared: [] });

    double.workbook.setActive(SHEET);
    const explained = await step(() => createExplanation({ selectedOnly: false }));
    expect(explained.outcome).toMatchObject({ kind: "done" });
    expect(explained).toMatchObject({ added: 1, cleared: [] });

    // The user's edit is still there to undo, under every action's one record.
    expect(double.undo.stack.filter((r) => r.source === "user")).toHaveLength(3);
    expect(double.undo.stack.filter((r) => r.source === "addin").every((r) => r.syncs >= 1)).toBe(true);
    expect(ws.getValues("C5")).toEqual([[48]]);
  });

  test("Hoàn tác of a regenerated annex is one group that clears nothing; the previous annex comes back in place", async () => {
    const { double, step } = setup(platform);
    await saveDecision(DECISION);
    await runScoring("pane");
    await generateAnnex({ confirmErrors: true });
    const firstAnnex = double.workbook.sheet("Phụ lục").snapshot();
    double.workbook.setActive(SHEET);
    double.edit(SHEET, "C5", [[49]]);
    await runScoring("pane");
    const second = await generateAnnex({ confirmErrors: true });
    if (second.kind !== "done") throw new Error("annex");
    const undone = await step(() => undoLast(second.undo));
    expect(undone.outcome).toMatchObject({ kind: "done" });
    expect(undone).toMatchObject({ added: 1, cleared: [] });
    expect(double.workbook.sheet("Phụ lục").snapshot()).toEqual(firstAnnex);
  });

  test("after Ctrl+Z took Tính điểm back, Hoàn tác says there is nothing left to undo for it and writes nothing", async () => {
    const { double, ws, step } = setup(platform);
    await saveDecision(DECISION);
    await runScoring("pane");
    double.edit(SHEET, "C5", [[49]]);
    const scored = await runScoring("pane");
    if (scored.kind !== "done") throw new Error("score");
    const results = ws.getValues("J5:M23");
    double.pressUndo(); // the whole second Tính điểm, with the add-in's journal of it
    expect(ws.getValues("J5:M23")).not.toEqual(results);
    const before = ws.snapshot();
    const undone = await step(() => undoLast({ action: "score", at: scored.undo!.at }));
    expect(undone.outcome).toMatchObject({ kind: "nothing", message: expect.stringContaining("Ctrl+Z") });
    expect(undone.added).toBe(0);
    expect(ws.snapshot()).toEqual(before);
  });
});

test("below ExcelApi 1.20 nothing is grouped: each write is as before (Tính điểm: 1 read, 1 write)", async () => {
  const { double } = setup("PC", 17);
  expect(await saveDecision(DECISION)).toEqual({ ok: true });
  double.stats.reset();
  const scored = await runScoring("pane");
  expect(scored).toMatchObject({ kind: "done" });
  expect(double.stats.syncs).toBe(2);
  expect(double.stats.runs).toBe(1);
  expect(double.undo.supported).toBe(false);
});

describe("the one step that clears the user's undo history is said before it happens (setUndoClearConsent: the ribbon's and the pane's dialog)", () => {
  afterEach(() => setUndoClearConsent(null));

  test("on Windows: asked once, before anything is cleared; “no” writes nothing and keeps the stack, “yes” goes on; never asked again", async () => {
    const { double, ws, step } = setup("PC");
    double.edit("Ghi chép", "A2", [["ghi chú của tôi"]]);
    const asked: { step: string; clearedWhenAsked: number }[] = [];
    let answer: true | { message: string; messageEn: string } = { message: "Chưa làm gì.", messageEn: "Nothing was done." };
    setUndoClearConsent(async (s) => {
      asked.push({ step: s, clearedWhenAsked: double.undo.clearedBy.length });
      return answer;
    });
    const before = ws.snapshot();
    const declined = await step(() => runScoring("pane"));
    expect(declined.outcome).toEqual({ kind: "refused", message: "Chưa làm gì.", messageEn: "Nothing was done.", cells: [] });
    expect(declined).toMatchObject({ added: 0, cleared: [] });
    expect(asked).toEqual([{ step: "store", clearedWhenAsked: 0 }]);
    expect(ws.snapshot()).toEqual(before);
    expect(double.workbook.sheets.map((s) => s.name)).toEqual([SHEET, "Ghi chép"]);
    expect(double.undo.stack.map((r) => r.source)).toEqual(["user"]);

    answer = true;
    const scored = await step(() => runScoring("pane"));
    expect(scored.outcome).toMatchObject({ kind: "done" });
    expect(scored.cleared).toEqual(["Worksheet.visibility"]);
    expect(asked).toHaveLength(2);
    // The store exists now: nothing else asks (nor clears).
    double.edit(SHEET, "C5", [[49]]);
    expect(await step(() => runScoring("pane"))).toMatchObject({ added: 1, cleared: [] });
    expect(await step(() => generateAnnex({ confirmErrors: true }))).toMatchObject({ added: 0, cleared: [] }); // no decision yet: refused
    expect(asked).toHaveLength(2);
  });

  test("on the web nothing clears the stack: never asked", async () => {
    const { double, step } = setup("OfficeOnline");
    const consent = jest.fn(async () => true as const);
    setUndoClearConsent(consent);
    expect(await step(() => runScoring("pane"))).toMatchObject({ outcome: { kind: "done" }, added: 1, cleared: [] });
    expect(consent).not.toHaveBeenCalled();
    expect(double.undo.clearedBy).toEqual([]);
  });

  test("below ExcelApi 1.20 (no undo groups): never asked", async () => {
    setup("PC", 19);
    const consent = jest.fn(async () => true as const);
    setUndoClearConsent(consent);
    expect(await runScoring("pane")).toMatchObject({ kind: "done" });
    expect(consent).not.toHaveBeenCalled();
  });
});
