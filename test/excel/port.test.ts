/**
 * The workbook port on Office.js (src/excel/port.ts): the flow's reads answered from the first sync's
 * snapshot, and its writes placed from the used range's corner. The flows over both ports: test/core/flows.
 */
import { cellAddress } from "../../src/core/base/address";
import { ValueWrite } from "../../src/core/sheets/port";
import { listSheet, SheetDescription } from "../../src/core/sheets/sheet";
import { STORE_SHEET, StoreState } from "../../src/core/store/store";
import { planScoring } from "../../src/core/flows/score";
import { scoreSheet } from "../../src/core/grid/scoring";
import { presetRules } from "../../src/core/rules/rules";
import { ExcelPort, loadedRead, queuePortRead, SHEET_BUILD_PREFIX } from "../../src/excel/port";
import { queueSheetRead } from "../../src/excel/sheet-read";
import { isGrouped, queueStoreRead, runWriting } from "../../src/excel/store";
import { SHEET, gridDouble, throughExcel, restoreDouble } from "../core/flows/helpers";

afterEach(restoreDouble);

describe("ExcelPort", () => {
  it("answers the flow's reads from the first sync's snapshot: the sheets and their states, the grid from its used range's corner, the store", async () => {
    const double = gridDouble("B3");
    await Excel.run(async (context) => {
      const read = queuePortRead(context, context.workbook.worksheets.getActiveWorksheet());
      await context.sync();
      double.stats.reset();
      const port = new ExcelPort(context, loadedRead(read));
      expect(port.sheets()).toEqual([
        { name: SHEET, state: "visible" },
        { name: "Ghi chép", state: "visible" },
        { name: "Ẩn", state: "hidden" },
      ]);
      const grid = port.readSheet(SHEET);
      expect(grid.origin).toEqual({ row: 2, col: 1 });
      expect(grid.values[0][0]).toBe("KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG ỨNG DỤNG CÔNG NGHỆ THÔNG TIN");
      expect(port.readStore()).toEqual({ ok: true, state: {}, issues: [] });
      // A sheet the first sync did not load is not read behind the flow's back.
      expect(() => port.readSheet("Ghi chép")).toThrow(/not loaded/);
      expect(double.stats.syncs).toBe(0);
    });
  });

  it("writes from the used range's corner as the package does from A1, and applies nothing without the store's state", async () => {
    const double = gridDouble("B3");
    const excel = await throughExcel(double);
    expect(excel.syncs).toBe(2);
    const ws = double.workbook.sheet(SHEET);
    const first = excel.plan.blocks[0];
    // Sheet coordinates are the used range's: the first result lands offset by B3.
    expect(ws.getValues(cellAddress(first.row + 2, first.col + 1))[0][0]).toBe(first.values[0][0]);

    double.stats.reset();
    await Excel.run(async (context) => {
      const read = queuePortRead(context, context.workbook.worksheets.getActiveWorksheet());
      await context.sync();
      const port = new ExcelPort(context, loadedRead(read));
      const scored = scoreSheet(port.readSheet(SHEET).values, presetRules(), { row: 2, col: 1 });
      if (!scored.ok) throw new Error("grid");
      const stored = port.readStore();
      if (!stored.ok) throw new Error("store");
      const planned = planScoring(port, { sheet: SHEET, scored, state: stored.state, comparison: null });
      if (!planned.ok) throw new Error(planned.message);
      expect(() => port.writeResults({ sheet: "Ghi chép", plan: planned.plan, layout: scored.layout, converted: [] })).toThrow(/not "Ghi chép"/);
      port.writeResults({ sheet: SHEET, plan: planned.plan, layout: scored.layout, converted: [] });
      await expect(port.apply()).rejects.toThrow(/without the store's state/);
    });
    expect(double.stats.syncs).toBe(1);
  });
});

const NOTES = "Ghi chép";
const AT = "2026-12-07T03:00:00.000Z";

/**
 * One action through ExcelPort: the grid and the store read in the first sync (with "Ghi chép", formats and all), `act`
 * queues on the port, the state with the port's journal (when it has one) is queued, then applied. The syncs counted.
 */
async function actThrough(double: ReturnType<typeof gridDouble>, act: (port: ExcelPort) => void) {
  double.stats.reset();
  const journal = await Excel.run(async (context) => {
    const read = queuePortRead(context, context.workbook.worksheets.getActiveWorksheet());
    const notes = queueSheetRead(context.workbook.worksheets.getItem(NOTES), "formats");
    await context.sync();
    const port = new ExcelPort(context, { ...loadedRead(read), others: new Map([[NOTES, notes.result()]]) });
    act(port);
    const cells = (() => {
      try {
        return port.journal();
      } catch {
        return null;
      }
    })();
    const state: StoreState = cells ? { undo: { action: "merge", at: AT, sheet: SHEET, ...cells, previousState: {} } } : {};
    port.writeStore(state);
    await port.apply();
    return cells;
  });
  return { journal, syncs: double.stats.syncs };
}

async function storedState(): Promise<StoreState> {
  return Excel.run(async (context) => {
    const store = queueStoreRead(context);
    await context.sync();
    return store.state();
  });
}

const names = (double: ReturnType<typeof gridDouble>) => double.workbook.sheets.map((s) => s.name);

/** A small list sheet: a title, a header, a text that looks like a formula, a number, an input cell. */
function notesSheet(name: string, protect = false): SheetDescription {
  const style = { bold: false, italic: false, size: 12, hAlign: "left" as const, vAlign: "center" as const, wrap: false, border: true };
  return {
    ...listSheet({
      sheetName: name,
      styles: { cell: style },
      columnWidths: [20, 10],
      cells: [
        { row: 0, col: 0, value: "Sổ theo dõi", style: "cell" },
        { row: 1, col: 0, value: "Nội dung", style: "cell" },
        { row: 1, col: 1, value: "Điểm", style: "cell" },
        { row: 2, col: 0, value: "=1+1", style: "cell" },
        { row: 2, col: 1, value: 7.5, style: "cell", numberFormat: "0.00", unlocked: true },
      ],
      rowCount: 3,
      colCount: 2,
    }),
    protect,
  };
}

describe("ExcelPort.writeValues", () => {
  it("puts values in the one write batch, the journal first: numbers with the format given, the look kept otherwise, text as text, empties", async () => {
    const double = gridDouble();
    const notes = double.workbook.sheet(NOTES);
    notes.setCell("B1", { value: 3, numberFormat: "0.00" });
    notes.setCell("C2", { value: "cũ", fill: "#FFFF00" });
    const grid: ValueWrite[] = [
      { row: 4, col: 20, value: 12.5, numberFormat: "0.0" },
      { row: 5, col: 20, value: 13 },
    ];
    const other: ValueWrite[] = [
      { row: 0, col: 1, value: 7 }, // keeps its "0.00"
      { row: 1, col: 0, value: "=1+1" }, // text, never a formula
      { row: 1, col: 2, value: "0,998" }, // text, never a number
      { row: 0, col: 0, value: "" }, // emptied
    ];
    const { journal, syncs } = await actThrough(double, (port) => {
      port.writeValues(SHEET, grid);
      port.writeValues(NOTES, other);
      // A later write to a cell replaces the earlier one.
      port.writeValues(NOTES, [{ row: 0, col: 1, value: 8 }]);
    });
    expect(syncs).toBe(2); // the read, the write (journal first)
    const ws = double.workbook.sheet(SHEET);
    expect([ws.getCell("U5").value, ws.getCell("U5").numberFormat]).toEqual([12.5, "0.0"]);
    expect([ws.getCell("U6").value, ws.getCell("U6").numberFormat]).toEqual([13, "General"]);
    expect([notes.getCell("B1").value, notes.getCell("B1").numberFormat]).toEqual([8, "0.00"]);
    expect(notes.getCell("A2")).toMatchObject({ value: "=1+1", formula: null, numberFormat: "@" });
    expect(notes.getCell("C2")).toMatchObject({ value: "0,998", numberFormat: "@", fill: "#FFFF00" });
    expect(notes.getCell("A1").value).toBe("");
    // The journal (stored before the cells were written) records each run of cells: what they held, and what was written.
    const stored = (await storedState()).undo!;
    expect(stored.cells).toEqual(journal!.cells);
    // A run of cells is one entry; a cell written with a format and its neighbour without are apart.
    expect(stored.cells).toEqual([
      { address: "U5", formulas: [[""]], numberFormat: [["General"]], wrote: [[12.5]] },
      { address: "U6", formulas: [[""]], numberFormat: [["General"]], wrote: [[13]] },
      { address: "B1", sheet: NOTES, formulas: [[3]], numberFormat: [["0.00"]], wrote: [[8]] },
      { address: "A1", sheet: NOTES, formulas: [["Ghi chép riêng"]], numberFormat: [["General"]], wrote: [[""]] },
      { address: "A2", sheet: NOTES, formulas: [[""]], numberFormat: [["General"]], wrote: [["=1+1"]] },
      { address: "C2", sheet: NOTES, formulas: [["cũ"]], numberFormat: [["General"]], wrote: [["0,998"]] },
    ]);
  });

  it("writes no cell when the store's write is refused (the journal goes first in the batch)", async () => {
    const double = gridDouble();
    await actThrough(double, (port) => port.writeValues(NOTES, [{ row: 0, col: 1, value: 1 }]));
    double.workbook.sheet(STORE_SHEET).protect();
    await expect(
      actThrough(double, (port) =>
        port.writeValues(NOTES, [
          { row: 0, col: 1, value: 2 },
          { row: 4, col: 0, value: "mới" },
        ]),
      ),
    ).rejects.toThrow();
    expect(double.workbook.sheet(NOTES).getCell("B1").value).toBe(1);
    expect(double.workbook.sheet(NOTES).getCell("A5").value).toBe("");
  });

  it("refuses a sheet the first sync did not load, and values queued after the journal was taken", async () => {
    const double = gridDouble();
    await expect(actThrough(double, (port) => port.writeValues("Ẩn", [{ row: 0, col: 0, value: 1 }]))).rejects.toThrow(/not loaded/);
    await expect(
      actThrough(double, (port) => {
        port.writeValues(NOTES, [{ row: 0, col: 1, value: 1 }]);
        port.journal();
        port.writeValues(NOTES, [{ row: 0, col: 2, value: 1 }]);
      }),
    ).rejects.toThrow(/after the journal/);
  });
});

describe("ExcelPort.putSheet", () => {
  it("replaces a sheet in its place, whole: the old content gone, text as text, formats, widths, input cells unlocked under protection", async () => {
    const double = gridDouble();
    const { syncs } = await actThrough(double, (port) => port.putSheet(notesSheet(NOTES, true)));
    expect(syncs).toBe(2);
    expect(names(double).slice(0, 3)).toEqual([SHEET, NOTES, "Ẩn"]);
    expect(names(double).some((n) => n.startsWith(SHEET_BUILD_PREFIX))).toBe(false);
    const ws = double.workbook.sheet(NOTES);
    expect(ws.getValues("A1:B3")).toEqual([
      ["Sổ theo dõi", ""],
      ["Nội dung", "Điểm"],
      ["=1+1", 7.5],
    ]);
    expect(ws.getCell("A3")).toMatchObject({ formula: null, numberFormat: "@" });
    expect(ws.getCell("B3")).toMatchObject({ numberFormat: "0.00", locked: false });
    expect(ws.getCell("A3").locked).toBe(true);
    expect(ws.protection.protected).toBe(true);
  });

  it("adds a sheet just after the one named, else after the others; a build sheet left by a failed run is removed", async () => {
    const double = gridDouble();
    double.workbook.addSheet(`${SHEET_BUILD_PREFIX}1`);
    const { syncs } = await actThrough(double, (port) => {
      port.putSheet(notesSheet("Sổ mới"), SHEET);
      port.putSheet(notesSheet("Cuối"));
    });
    expect(syncs).toBe(2);
    expect(names(double).filter((n) => n !== STORE_SHEET)).toEqual([SHEET, "Sổ mới", NOTES, "Ẩn", "Cuối"]);
    expect(double.workbook.sheet("Sổ mới").getValues("A3:B3")).toEqual([["=1+1", 7.5]]);
    expect(double.workbook.sheet(NOTES).getValues("A1")).toEqual([["Ghi chép riêng"]]);
  });

  it.each([
    ["a new sheet", 'add("Thứ hai")'],
    ["a sheet replacing another", `add("${SHEET_BUILD_PREFIX}2")`],
  ])("a batch failing mid-build of %s removes the sheets it added; the sheet replaced and the cells stay as they were", async (_label, building) => {
    const double = gridDouble();
    const before = names(double);
    const notes = double.workbook.sheet(NOTES).snapshot();
    // After "Thứ nhất" is whole (built under its own name), at the first value of the sheet being built.
    double.failAt({ sync: 2, op: (st) => st.includes(building) && st.includes(".values =") });
    await expect(
      actThrough(double, (port) => {
        port.putSheet(notesSheet("Thứ nhất"), SHEET);
        port.putSheet(building.includes("Thứ hai") ? notesSheet("Thứ hai") : notesSheet(NOTES));
        port.writeValues(SHEET, [{ row: 0, col: 20, value: 1 }]);
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(double.stats.syncs).toBe(4); // the write batch, then the sheets listed and the added ones deleted
    // The store (written first, with its journal) is the only sheet more.
    expect(names(double).filter((n) => n !== STORE_SHEET)).toEqual(before);
    expect(double.workbook.sheet(NOTES).snapshot()).toEqual(notes);
    expect(double.workbook.sheet(SHEET).getCell("U1").value ?? "").toBe("");
  });

  it("goes in the same batch as values, and refuses to share an action with the annex's own writer", async () => {
    const double = gridDouble();
    const { syncs } = await actThrough(double, (port) => {
      port.putSheet(notesSheet("Sổ mới"), NOTES);
      port.writeValues(SHEET, [{ row: 0, col: 20, value: 1 }]);
    });
    expect(syncs).toBe(2);
    expect(names(double).slice(0, 3)).toEqual([SHEET, NOTES, "Sổ mới"]);
    expect(double.workbook.sheet(SHEET).getCell("U1").value).toBe(1);
    await expect(
      actThrough(double, (port) => {
        port.putSheet(notesSheet("Khác"));
        port.writeExplanationWith(async () => undefined as never);
        port.putExplanation({} as never);
      }),
    ).rejects.toThrow(/one write per action/);
  });
});

describe("ExcelPort.putSheet in an undo group (ExcelApi 1.20)", () => {
  /** The grid double at 1.20 with its store made (the store sheet is made outside a group, once), on `platform`. */
  function groupedDouble(platform: "PC" | "OfficeOnline") {
    const double = gridDouble("A1", { apiLevel: 20, platform });
    double.workbook.addSheet(STORE_SHEET).setVisibility("VeryHidden");
    return double;
  }

  /** One action as the add-in runs it (runWriting: an undo group where it can be one). */
  async function putInGroup(puts: [SheetDescription, string?][]) {
    return runWriting(async (context) => {
      const read = queuePortRead(context, context.workbook.worksheets.getActiveWorksheet());
      await context.sync();
      const port = new ExcelPort(context, loadedRead(read));
      for (const [d, after] of puts) port.putSheet(d, after);
      port.writeStore({});
      await port.apply();
      return isGrouped(context);
    });
  }

  it("renders a sheet replaced into it and adds a new one under its own name: nothing deleted or renamed, the user's undo stack kept", async () => {
    const double = groupedDouble("PC");
    const grouped = await putInGroup([[notesSheet(NOTES)], [notesSheet("Cuối")]]);
    expect(grouped).toBe(true);
    expect(double.undo.clearedBy).toEqual([]);
    expect(names(double).filter((n) => n !== STORE_SHEET)).toEqual([SHEET, NOTES, "Ẩn", "Cuối"]);
    expect(double.workbook.sheet(NOTES).getValues("A1:B3")).toEqual([
      ["Sổ theo dõi", ""],
      ["Nội dung", "Điểm"],
      ["=1+1", 7.5],
    ]);
    // One Ctrl+Z takes the whole action back.
    double.pressUndo();
    expect(double.workbook.sheet(NOTES).getValues("A1")).toEqual([["Ghi chép riêng"]]);
  });

  it("runs outside the group what it cannot keep: a new sheet moved among the others on Windows, a protected one anywhere; on the web a move stays in it", async () => {
    const pc = groupedDouble("PC");
    expect(await putInGroup([[notesSheet("Sổ mới"), SHEET]])).toBe(false);
    expect(names(pc).slice(0, 2)).toEqual([SHEET, "Sổ mới"]);
    restoreDouble();
    const web = groupedDouble("OfficeOnline");
    expect(await putInGroup([[notesSheet("Sổ mới"), SHEET]])).toBe(true);
    expect(names(web).slice(0, 2)).toEqual([SHEET, "Sổ mới"]);
    expect(await putInGroup([[notesSheet("Khóa", true)]])).toBe(false);
    expect(web.workbook.sheet("Khóa").protection.protected).toBe(true);
  });
});
