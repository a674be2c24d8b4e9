/**
 * Round trips per user action, counted by the strict double, at 19 agencies (the reference grid) and at
 * 10 000 (the bench sheet); and what happens when Excel fails mid-batch or someone types between the
 * add-in's read and its write.
 */
import { createOfficeDouble, FIVE_MB } from "../office-double/index";
import { runScoring } from "../../src/excel/scoring";
import { generateAnnex, ANNEX_BUILD_SHEET } from "../../src/excel/annex";
import { undoLast } from "../../src/excel/undo";
import { loadSettings, saveDecision } from "../../src/excel/settings";
import { openPane } from "../../src/excel/opening";
import { decodeStore, STORE_SHEET } from "../../src/core/store/store";
import { MARK_FILL } from "../../src/core/grid/plan";
import { benchSheet, benchSheetWithErrors } from "../../bench/core";
import { DEFAULT_COLUMN_WIDTH } from "../office-double/workbook";
import { referenceDouble, SHEET, Double } from "./helpers";

const DECISION = { number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" };

/**
 * These counts are those of hosts without Excel's undo groups (below ExcelApi 1.20), where nothing changed; at 1.20
 * the first action on a workbook also makes the store on its own (test/excel/store.test.ts).
 */
const BELOW_UNDO = 19;

let restore: () => void = () => undefined;
afterEach(() => restore());

function benchDouble(n: number, apiLevel = BELOW_UNDO, platform: "PC" | "OfficeOnline" = "PC") {
  const double = createOfficeDouble({ apiLevel, platform, sheets: ["Chấm điểm"] });
  double.workbook.sheet("Chấm điểm").setValues("A1", benchSheet(n) as (string | number)[][]);
  double.workbook.setActive("Chấm điểm");
  restore = double.install(globalThis);
  return { double, ws: double.workbook.sheet("Chấm điểm"), sheet: "Chấm điểm" };
}

function referenceSetup() {
  const setup = referenceDouble(BELOW_UNDO);
  restore = setup.restore;
  return { double: setup.double, ws: setup.ws, sheet: SHEET };
}

/** Runs an action and returns its outcome with the syncs it took; no request may fail (no blocks below 5 MB). */
async function counted<T>(
  double: Double,
  action: () => Promise<T>,
): Promise<{ outcome: T; syncs: number; bytes: number; requests: { requestBytes: number; responseBytes: number }[] }> {
  double.stats.reset();
  const outcome = await action();
  expect(double.stats.requests.filter((r) => r.error).map((r) => r.error)).toEqual([]);
  for (const r of double.stats.requests) {
    expect(r.requestBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(r.responseBytes).toBeLessThanOrEqual(FIVE_MB);
  }
  return { outcome, syncs: double.stats.syncs, bytes: double.stats.bytes, requests: [...double.stats.requests] };
}

const responseBytes = (requests: { responseBytes: number }[]) => requests.reduce((n, r) => n + r.responseBytes, 0);

describe.each([
  ["19 agencies (the reference grid)", 19],
  ["10 000 agencies", 10000],
])("syncs per action at %s", (_label, n) => {
  it("Tính điểm 2 (ribbon and pane), Hoàn tác ≤ 3, Tạo phụ lục ≤ 3, regenerate ≤ 3 (also from the annex sheet), Hoàn tác after an annex ≤ 3, pane open 1 of a few KB", async () => {
    const { double, ws, sheet } = n === 19 ? referenceSetup() : benchDouble(n);
    const before = ws.snapshot();
    expect(await saveDecision(DECISION)).toEqual({ ok: true });

    const ribbon = await counted(double, () => runScoring("ribbon"));
    expect(ribbon.outcome).toMatchObject({ kind: "done", unchanged: false, edited: [] });
    expect(ribbon.syncs).toBe(2);

    const undone = await counted(double, () => undoLast());
    expect(undone.outcome).toMatchObject({ kind: "done", leftAlone: [] });
    expect(undone.syncs).toBeLessThanOrEqual(3);
    expect(ws.snapshot().cells).toEqual(before.cells);

    const pane = await counted(double, () => runScoring("pane"));
    expect(pane.outcome).toMatchObject({ kind: "done", unchanged: false });
    expect(pane.syncs).toBe(2);

    const annex = await counted(double, () => generateAnnex({ confirmErrors: true }));
    expect(annex.outcome).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(annex.syncs).toBeLessThanOrEqual(3);

    double.workbook.setActive(sheet);
    const again = await counted(double, () => generateAnnex({ confirmErrors: true }));
    expect(again.outcome).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(again.syncs).toBeLessThanOrEqual(3);

    double.workbook.setActive("Phụ lục");
    const fromAnnex = await counted(double, () => generateAnnex({ confirmErrors: true }));
    expect(fromAnnex.outcome).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(fromAnnex.syncs).toBeLessThanOrEqual(3);

    const open = await counted(double, () => loadSettings());
    expect(open.syncs).toBe(1);
    expect(open.outcome.decision.number).toBe("06/QĐ-UBND");
    expect(open.outcome.undo).toMatchObject({ action: "annex" });
    expect(open.outcome.lastRun?.agencies).toBe(n);
    // A few kilobytes, whatever the grid's size: the journal and the written record stay in the store's body.
    expect(open.bytes).toBeLessThan(16 * 1024);

    const annexUndone = await counted(double, () => undoLast());
    expect(annexUndone.outcome).toMatchObject({ kind: "done" });
    expect(annexUndone.syncs).toBeLessThanOrEqual(3);
    const names = double.workbook.snapshot().sheets.map((s) => s.name);
    expect(names.filter((x) => x.startsWith("Phụ lục"))).toEqual(["Phụ lục"]);
    expect(names).not.toContain(ANNEX_BUILD_SHEET);

    // Opening the pane as it does (ExcelApi ≥ 1.9): the settings and the subscription to cell edits, 1 sync.
    let told = 0;
    const opened = await counted(double, () => openPane(() => told++));
    expect(opened.syncs).toBe(1);
    expect(opened.bytes).toBeLessThan(16 * 1024);
    expect(opened.outcome.head.lastRun?.agencies).toBe(n);
    // The rest of the settings comes from the same read: no other sync.
    double.stats.reset();
    expect((await opened.outcome.settings()).decision.number).toBe("06/QĐ-UBND");
    expect(double.stats.syncs).toBe(0);
    double.edit(sheet, "C5", [[1]]);
    expect(told).toBe(1);
    opened.outcome.stopListening();
    await new Promise((r) => setTimeout(r, 0));
    double.edit(sheet, "C5", [[2]]);
    expect(told).toBe(1);
  }, 600_000);
});

describe("Tính điểm at 10 000 agencies with 527 cells to mark", () => {
  it.each([
    ["below ExcelApi 1.20", BELOW_UNDO, "PC"],
    ["at 1.20 on Windows, after the first action", 20, "PC"],
    ["at 1.20 on the web, after the first action", 20, "OfficeOnline"],
  ] as const)(
    "takes 2 syncs %s, as at 19 agencies: the request and the response each within the budget",
    async (_label, apiLevel, platform) => {
      const double = createOfficeDouble({ apiLevel, platform, sheets: ["Chấm điểm"] });
      double.workbook.sheet("Chấm điểm").setValues("A1", benchSheetWithErrors(10000) as (string | number)[][]);
      double.workbook.setActive("Chấm điểm");
      restore = double.install(globalThis);
      expect(await saveDecision(DECISION)).toEqual({ ok: true }); // at 1.20 the store is made here, on its own
      const cleared = double.undo.clearedBy.length;
      const scored = await counted(double, () => runScoring("pane"));
      if (scored.outcome.kind !== "done") throw new Error("score");
      expect(scored.outcome.run.errors).toBe(527);
      expect(scored.syncs).toBe(2);
      if (apiLevel === 20) expect(double.undo.clearedBy.length).toBe(cleared); // one Ctrl+Z step, nothing cleared
      // Every mark is there (the results too): the one write batch carried them all.
      const ws = double.workbook.sheet("Chấm điểm");
      expect(ws.getValues("C5")).toEqual([[55]]);
      expect(ws.getCell("C5").fill).toBe(MARK_FILL.error);
      expect(ws.getCell(`C${5 + 19 * 526}`).fill).toBe(MARK_FILL.error);
      expect(ws.getCell(`C${6 + 19 * 526}`).fill ?? null).toBeNull();
      expect(ws.getValues("M10004")[0][0]).toEqual(expect.any(Number));
    },
    120_000,
  );
});

/**
 * Tạo phụ lục on a table with the 55s: the question (one read) and, after “Vẫn tạo phụ lục”, the annex (read, write,
 * the new sheet's id). ≤ 4 syncs in all, at 19 agencies and at 10 000 with 527 errors. At 10 000 the store and the
 * annex's texts pass the 3 MB a sync carries: the write takes two syncs, and the second carries the new sheet's id
 * (loaded by the first) with the state's head, so no sync of its own; the annex's journal keeps only the annex record
 * of the state before, not the results' record and last run too (some 700 KB).
 */
describe("Tạo phụ lục on a table with the 55s (errors the user must confirm)", () => {
  it.each([
    ["19 agencies (the reference grid, H10 = 55)", 19, 3, BELOW_UNDO, "PC"],
    ["10 000 agencies (527 scores of 55)", 10000, 3, BELOW_UNDO, "PC"],
    ["10 000 agencies at ExcelApi 1.20 on Windows (one undo group)", 10000, 3, 20, "PC"],
    ["10 000 agencies at ExcelApi 1.20 on the web (one undo group)", 10000, 3, 20, "OfficeOnline"],
  ] as const)(
    "%s: the question takes 1 sync, the annex after “Vẫn tạo phụ lục” %i, ≤ 4 in all",
    async (_label, n, makeSyncs, apiLevel, platform) => {
      const { double } = n === 19 ? referenceSetup() : benchDouble(n, apiLevel, platform);
      if (n !== 19) double.workbook.sheet("Chấm điểm").setValues("A1", benchSheetWithErrors(n) as (string | number)[][]);
      expect(await saveDecision(DECISION)).toEqual({ ok: true });
      expect((await runScoring("pane")).kind).toBe("done");
      const asked = await counted(double, () => generateAnnex({ confirmErrors: false }));
      expect(asked.outcome).toMatchObject({ kind: "needsConfirmation", errors: expect.arrayContaining([expect.objectContaining({ code: "aboveMax" })]) });
      expect(asked.syncs).toBe(1);
      const depth = double.undo.stack.length;
      const cleared = double.undo.clearedBy.length;
      const made = await counted(double, () => generateAnnex({ confirmErrors: true }));
      expect(made.outcome).toMatchObject({ kind: "done", sheetName: "Phụ lục", errorsIncluded: n === 19 ? 1 : 527 });
      expect(made.syncs).toBe(makeSyncs);
      expect(asked.syncs + made.syncs).toBeLessThanOrEqual(4);
      // Nothing changed in between: the answer reuses the question's read (the sheets' names and the active one only).
      expect(responseBytes(made.requests)).toBeLessThan(responseBytes(asked.requests) / 50);
      // At 1.20: one Ctrl+Z step (its two write syncs in one group), nothing cleared.
      if (apiLevel === 20) expect(double.undo.stack.slice(depth)).toEqual([expect.objectContaining({ source: "addin", syncs: 2 })]);
      expect(double.undo.clearedBy.length).toBe(cleared);
      // The id was recorded: a sheet the user makes later under that name is not the add-in's.
      expect(stateOf(double).annex).toMatchObject({ sheetName: "Phụ lục", sheetId: double.workbook.sheet("Phụ lục").id });
      expect(Object.keys(stateOf(double).undo!.previousState)).toEqual([]);
    },
    120_000,
  );

  it("an edit between the question and “Vẫn tạo phụ lục” (or another active sheet) reads the sheet again and makes the annex from the new values, ≤ 4 syncs", async () => {
    const { double } = referenceSetup();
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    expect((await runScoring("pane")).kind).toBe("done");
    const asked = await counted(double, () => generateAnnex({ confirmErrors: false }));
    expect(asked.outcome).toMatchObject({ kind: "needsConfirmation" });
    // The user renames an agency (a cell of the grid the annex prints) before answering.
    const top = double.workbook.sheet(SHEET).getValues("A1:C30");
    const row = top.findIndex((r) => typeof r[1] === "string" && r[1].startsWith("Sở "));
    const name = top[row][1] as string;
    double.edit(SHEET, `B${row + 1}`, [["Sở Đã Đổi Tên"]]);
    const made = await counted(double, () => generateAnnex({ confirmErrors: true }));
    expect(made.outcome).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(asked.syncs + made.syncs).toBeLessThanOrEqual(4);
    expect(responseBytes(made.requests)).toBeGreaterThanOrEqual(responseBytes(asked.requests) / 2); // the grid read again
    const annexText = JSON.stringify(double.workbook.sheet("Phụ lục").getValues("A1:H40"));
    expect(annexText).toContain("Sở Đã Đổi Tên");
    expect(annexText).not.toContain(JSON.stringify(name));

    // Another active sheet when the answer comes: read again too (the annex is made from the sheet it was asked on).
    double.workbook.setActive(SHEET);
    expect((await generateAnnex({ confirmErrors: false })).kind).toBe("needsConfirmation");
    double.workbook.setActive("Phụ lục");
    const fromAnnex = await counted(double, () => generateAnnex({ confirmErrors: true }));
    expect(fromAnnex.outcome).toMatchObject({ kind: "done" });
    expect(responseBytes(fromAnnex.requests)).toBeGreaterThanOrEqual(responseBytes(asked.requests) / 2);
  });

  it("below ExcelApi 1.9 (no worksheets.onChanged to tell an edit): the answer reads the sheet again, ≤ 4 syncs", async () => {
    const { double } = benchDouble(200, 8);
    double.workbook.sheet("Chấm điểm").setValues("A1", benchSheetWithErrors(200) as (string | number)[][]);
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    expect((await runScoring("pane")).kind).toBe("done");
    const asked = await counted(double, () => generateAnnex({ confirmErrors: false }));
    expect(asked.outcome).toMatchObject({ kind: "needsConfirmation" });
    const made = await counted(double, () => generateAnnex({ confirmErrors: true }));
    expect(made.outcome).toMatchObject({ kind: "done" });
    expect(asked.syncs + made.syncs).toBeLessThanOrEqual(4);
    expect(responseBytes(made.requests)).toBeGreaterThanOrEqual(responseBytes(asked.requests) / 2);
  });
});

const stateOf = (double: Double) => {
  const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
};

describe("a batch that fails after the undo record", () => {
  it.each([
    ["at the first result written", (s: string) => s.includes(".values =") && s.includes("J4")],
    ["after the results, at the finding mark", (s: string) => s.includes('getRange("H10").format.fill.color =')],
  ])("%s: the action fails, its state and undo journal are stored, and “Hoàn tác” gives back every cell", async (_label, op) => {
    const { double, ws } = referenceSetup();
    const before = ws.snapshot();
    double.failAt({ sync: 2, op });
    const outcome = await runScoring("pane");
    expect(outcome.kind).toBe("refused");
    expect(stateOf(double).undo).toMatchObject({ action: "score", sheet: SHEET });
    expect(double.stats.syncs).toBe(2);

    const undone = await undoLast();
    expect(undone).toMatchObject({ kind: "done", leftAlone: [] });
    expect(ws.snapshot().cells).toEqual(before.cells);
    // Widths as shown (a column given back the standard width explicitly looks the same).
    const widths = ws.snapshot().columnWidths;
    for (const col of new Set([...Object.keys(widths), ...Object.keys(before.columnWidths)])) {
      expect(widths[col] ?? DEFAULT_COLUMN_WIDTH).toBe(before.columnWidths[col] ?? DEFAULT_COLUMN_WIDTH);
    }
  });

  it("Tạo phụ lục failing part-way through the new annex leaves the old annex in place; “Hoàn tác” removes the half-built one", async () => {
    const { double } = referenceSetup();
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    await generateAnnex({ confirmErrors: true });
    const first = double.workbook.sheet("Phụ lục").snapshot();
    double.workbook.setActive(SHEET);
    double.failAt({ op: (s) => s.includes(ANNEX_BUILD_SHEET) && s.includes(".merge(") });
    const outcome = await generateAnnex({ confirmErrors: true });
    expect(outcome.kind).toBe("refused");
    expect(double.workbook.sheet("Phụ lục").snapshot()).toEqual(first);

    const undone = await undoLast();
    expect(undone.kind).toBe("done");
    if (undone.kind === "done") expect(undone.messageEn).toMatch(/did not finish/);
    const names = double.workbook.snapshot().sheets.map((s) => s.name);
    expect(names).not.toContain(ANNEX_BUILD_SHEET);
    expect(double.workbook.sheet("Phụ lục").snapshot()).toEqual(first);
  });
});

describe("edits between the read and the write are never overwritten silently", () => {
  it("a result cell typed into between the two syncs gets its content back, and the user is told to run again", async () => {
    const { double, ws } = referenceSetup();
    double.onSync((n) => n === 2 && ws.setValues("K7", [["đang sửa"]]));
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.edited).toEqual(["K7"]);
    expect(ws.getValues("K7")).toEqual([["đang sửa"]]);
    expect(outcome.notices.join(" ")).toContain("K7");
    expect(outcome.noticesEn.join(" ")).toMatch(/K7 was edited.*Click “Score” again/);
    // The other results are there; only this case takes a third sync.
    expect(ws.getValues("J5:M5")[0][0]).toBeGreaterThan(0);
    expect(double.stats.syncs).toBe(3);
  });
});

describe("“Hoàn tác” after manual edits", () => {
  it("restores only the cells that still hold what the add-in wrote, lists and leaves the others", async () => {
    const { ws } = referenceSetup();
    const before = ws.snapshot();
    await runScoring("pane");
    ws.setValues("K6", [[0.5]]);
    ws.setCell("H10", { value: 55, fill: "#00B050" });
    const undone = await undoLast();
    if (undone.kind !== "done") throw new Error(undone.message);
    expect(undone.leftAlone).toEqual(["K6", "H10"]);
    expect(undone.message).toContain("K6, H10");
    expect(undone.messageEn).toContain("K6, H10");
    expect(ws.getValues("K6")).toEqual([[0.5]]);
    expect(ws.getCell("H10").fill).toBe("#00B050");
    // Everything else is as before.
    const after = ws.snapshot();
    const differ = Object.keys({ ...before.cells, ...after.cells }).filter(
      (k) => JSON.stringify(before.cells[k] ?? null) !== JSON.stringify(after.cells[k] ?? null),
    );
    expect(differ.sort()).toEqual(["H10", "K6"]);
  });

  it("a mark the add-in wrote comes off on undo only while the cell still shows it", async () => {
    const { ws } = referenceSetup();
    await runScoring("pane");
    expect(ws.getCell("H10").fill).toBe(MARK_FILL.error);
    const undone = await undoLast();
    expect(undone).toMatchObject({ kind: "done", leftAlone: [] });
    expect(ws.getCell("H10").fill ?? null).toBeNull();
  });
});
