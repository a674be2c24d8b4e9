import { lockResults } from "../../src/excel/lock";
import { LOG_BUILD_SHEET, logSheetPlan, writeLogSheet } from "../../src/excel/log-sheet";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { BYTES_PER_SYNC } from "../../src/excel/host";
import { storeWriteSyncs } from "../../src/excel/store";
import { lockTime } from "../../src/core/store/lock";
import { appendLog, LogEntry, logEntry, logSheet, MAX_CELLS, MAX_ENTRIES, WorkLog } from "../../src/core/store/log";
import { decodeStore, STORE_SHEET, StoreState } from "../../src/core/store/store";
import { FIVE_MB } from "../office-double/index";
import { referenceDouble, SHEET, storeRows, tamper } from "./helpers";

const AT = () => new Date("2026-12-07T09:30:00.000Z");

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("Xem nhật ký: the printable Nhật ký sheet in Excel (the strict double)", () => {
  it("writes the log newest first in 2 syncs (its own entry the newest line), a few operations whatever the number of cells; a new sheet each time; Hoàn tác removes it and keeps the log", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    const { double, ws } = setup;
    ws.setValues("D12", [[95]]);
    expect((await runScoring("pane")).kind).toBe("done");
    expect((await lockResults({ by: "Nguyễn Văn A", confirmErrors: true }, AT)).kind).toBe("locked");
    double.stats.reset();
    const outcome = await writeLogSheet();
    expect(double.stats.syncs).toBe(2);
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome).toMatchObject({ sheetName: "Nhật ký", entries: 3 });
    expect(outcome.message).toContain("mới nhất ở trên");
    const sheet = double.workbook.sheet("Nhật ký");
    expect(double.workbook.activeSheet?.name).toBe("Nhật ký");
    const values = sheet.getValues("A1:H400");
    expect(values[0][0]).toBe("NHẬT KÝ GHI SỔ TÍNH");
    expect(values[1]).toEqual(["Thời điểm", "Thao tác", "Người thực hiện", "Trang", "Ô", "Giá trị cũ", "Giá trị mới", "Ghi chú"]);
    const actions = values.map((r) => r[1]).filter((v) => v !== "" && v !== "Thao tác");
    expect(actions).toEqual(["Trang Nhật ký", "Chốt kết quả", "Tính điểm"]);
    // Each cell Tính điểm changed is a line, old → new (the score typed, then its totals).
    const total = values.find((r) => r[4] === "J12")!;
    expect(total[6]).toBe(String(ws.getValues("J12")[0][0]));
    // Texts stay text: "@" everywhere (an old value "=…" or "1/2" is never read as a formula or date).
    expect(sheet.snapshot().cells.F3?.numberFormat ?? "@").toBe("@");
    expect(sheet.snapshot().cells.G12?.numberFormat).toBe("@");
    // Rows styled alike are styled together: 77 lines in 84 operations (a row at a time, it was several per line).
    const ops = double.stats.requests[1].ops;
    expect(ops).toBeLessThan(200);
    // A log this small goes in one batch with the store's write, as it always did.
    const state = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
    if (!state.ok) throw new Error(state.message);
    expect(logSheetPlan(logSheet(state.state.log!, lockTime, "Nhật ký"), state.state)).toEqual({ blocks: null, syncs: 2 });

    // Made again: a new sheet beside it (the first one may have been printed or annotated).
    expect((await writeLogSheet()).kind).toBe("done");
    expect(double.workbook.sheets.map((w) => w.name).filter((n) => n.startsWith("Nhật ký"))).toEqual(["Nhật ký", "Nhật ký (2)"]);
    const undone = await undoLast();
    expect(undone.kind).toBe("done");
    expect(undone.kind === "done" && undone.message).toContain("Xem nhật ký");
    expect(double.workbook.sheets.map((w) => w.name)).not.toContain("Nhật ký (2)");
    const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.state.log!.entries.map((e) => e.action)).toEqual(["score", "lock", "logSheet", "logSheet", "undo"]);
  });
});

/** A log at its bound: MAX_ENTRIES entries of MAX_CELLS cells each (and more counted), old and new values as long as agencies' names. */
function logAtBound(): WorkLog {
  const entries: LogEntry[] = Array.from({ length: MAX_ENTRIES }, (_, i) =>
    logEntry({
      at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      action: "merge",
      by: "Nguyễn Văn A",
      via: "pane",
      sheet: SHEET,
      cells: Array.from({ length: MAX_CELLS + 3 }, (_, j): [string, string, string] => [`B${j + 12}`, `Sở Tài chính ${j}`, `Sở Tài chính tỉnh ${i}`]),
    }),
  );
  return appendLog(undefined, ...entries);
}

const stored = (double: ReturnType<typeof referenceDouble>["double"]): StoreState => {
  const d = decodeStore(storeRows(double));
  if (!d.ok) throw new Error(d.message);
  return d.state;
};

describe("Xem nhật ký at the log's bound: in blocks of rows under Excel on the web's 5 MB request limit", () => {
  it("a failure halfway leaves no sheet, no entry and the journal before; then every request under 5 MB, the syncs the plan fixed beforehand, the sheet whole (each line of the core's description), undone once", async () => {
    const setup = referenceDouble(14);
    restore = setup.restore;
    const { double } = setup;
    expect((await runScoring("pane")).kind).toBe("done");
    tamper(double, (state) => (state.log = logAtBound()));
    const names = () => double.workbook.sheets.map((w) => w.name);

    // A failure halfway (the third sync: the sheet's second block): no "Nhật ký" sheet, no entry, the journal before kept.
    const before = stored(double);
    double.stats.reset();
    double.failAt({ sync: 3 });
    expect((await writeLogSheet()).kind).toBe("refused");
    expect(names().filter((n) => n.startsWith("Nhật ký"))).toEqual([]);
    expect(stored(double).log).toEqual(before.log);
    expect(stored(double).undo).toEqual(before.undo);
    expect(names()).toContain(LOG_BUILD_SHEET);

    // Again: what the failed run left under the temporary name goes, the new sheet takes its name.
    double.stats.reset();
    const outcome = await writeLogSheet();
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.sheetName).toBe("Nhật ký");
    expect(names()).not.toContain(LOG_BUILD_SHEET);
    expect(double.workbook.activeSheet?.name).toBe("Nhật ký");

    const after = stored(double);
    const description = logSheet(after.log!, lockTime, "Nhật ký");
    expect(description.rowCount).toBeGreaterThan(MAX_ENTRIES * MAX_CELLS - MAX_CELLS);
    const requests = double.stats.requests;
    // In one request the sheet alone would pass the limit (as it did before); here no request nor response does.
    const sheetBytes = requests.slice(1).reduce((n, r) => n + r.requestBytes, 0);
    expect(sheetBytes).toBeGreaterThan(FIVE_MB);
    for (const r of requests) {
      expect(r.error).toBeUndefined();
      expect(r.requestBytes).toBeLessThan(FIVE_MB);
      expect(r.responseBytes).toBeLessThan(FIVE_MB);
    }
    // The syncs: those fixed from the sizes before writing — the read, a block of rows each, the store's write.
    const plan = logSheetPlan(description, after);
    expect(plan.blocks).not.toBeNull();
    expect(double.stats.syncs).toBe(plan.syncs);
    expect(plan.syncs).toBe(1 + plan.blocks!.length + storeWriteSyncs(after));
    // No more blocks than the bytes need: each is at least half full.
    expect(plan.blocks!.length).toBeLessThanOrEqual(Math.ceil(sheetBytes / (BYTES_PER_SYNC / 2)));

    // Whole: every line of the core's description, texts formatted "@".
    const sheet = double.workbook.sheet("Nhật ký");
    const values = sheet.getValues(`A1:H${description.rowCount}`);
    const expected: unknown[][] = Array.from({ length: description.rowCount }, () => new Array(8).fill(""));
    for (const c of description.cells) expected[c.row][c.col] = c.value;
    expect(values).toEqual(expected);
    expect(sheet.getCell(`G${description.rowCount - 1}`)?.numberFormat).toBe("@");
    expect(values[2][1]).toBe("Trang Nhật ký");

    // Undone once: the sheet goes.
    expect((await undoLast()).kind).toBe("done");
    expect(names().filter((n) => n.startsWith("Nhật ký"))).toEqual([]);
  });
});
