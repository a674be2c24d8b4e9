/**
 * The ledger's sums (src/core/flows/ledger.ts) run over both ports: the strict double through ExcelPort, and the same
 * workbook saved as .xlsx through XlsxPort, plan the same writes and put the same values into the ledger and the grid.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { ledgerWorkbook } from "../../../bench/ledger";
import { cellAddress } from "../../../src/core/base/address";
import { ledgerWritten, LedgerPort, planLedgerSums, writeLedgerSums } from "../../../src/core/flows/ledger";
import { LEDGER_SHEET } from "../../../src/core/grid/ledger";
import { loadRules } from "../../../src/core/rules/rules";
import { WorkbookPort } from "../../../src/core/sheets/port";
import { writtenCells, writtenRecord } from "../../../src/core/store/store";
import { ExcelPort, loadedRead, queuePortRead } from "../../../src/excel/port";
import { queueLedgerRead } from "../../../src/excel/ledger";
import { XlsxPort } from "../../../src/xlsx/port";
import { XlsxWorkbook } from "../../../src/xlsx/workbook";

const GRID = "Chấm điểm";

/** The flow as both callers run it: the rules from the store, the sums planned from the port's snapshots and queued. */
function sumsThrough(port: LedgerPort & Pick<WorkbookPort, "readStore">) {
  const stored = port.readStore();
  if (!stored.ok) throw new Error(stored.message);
  const rules = loadRules(stored.state.rules!);
  const sums = planLedgerSums(port, { sheet: GRID, rules, state: stored.state });
  if (!sums.ok) throw new Error(sums.reason);
  writeLedgerSums(port, GRID, sums);
  return { sums, state: stored.state };
}

describe("one ledger flow over both ports", () => {
  it("the double through ExcelPort and the same workbook's package through XlsxPort write the same ledger points and group sums", async () => {
    // A group cell typed over (C3): kept on both sides, named, and not written.
    const { double, expected, points } = ledgerWorkbook(6);
    double.workbook.sheet(GRID).setValues("C3", [[5]]);
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);

    const restore = double.install(globalThis);
    let excel: ReturnType<typeof sumsThrough> & { journal: ReturnType<ExcelPort["journal"]> };
    try {
      double.stats.reset();
      excel = await Excel.run(async (context) => {
        const read = queuePortRead(context, context.workbook.worksheets.getItem(GRID));
        const ledger = queueLedgerRead(context);
        await context.sync();
        const port = new ExcelPort(context, { ...loadedRead(read), others: new Map([[LEDGER_SHEET, ledger()!]]) });
        const flow = sumsThrough(port);
        const journal = port.journal();
        port.writeStore({ ...flow.state, undo: { action: "score", at: "2026-12-07T03:00:00.000Z", sheet: GRID, ...journal, previousState: {} } });
        await port.apply();
        return { ...flow, journal };
      });
      expect(double.stats.syncs).toBe(2); // the read, then one write batch (the journal first)
    } finally {
      restore();
    }

    const xlsx = XlsxPort.open(bytes);
    const pkg = sumsThrough(xlsx);
    const out = XlsxWorkbook.open(xlsx.toBytes());

    expect(pkg.sums.ledgerWrites).toEqual(excel.sums.ledgerWrites);
    expect(pkg.sums.gridWrites).toEqual(excel.sums.gridWrites);
    expect(pkg.sums.gridWritten).toEqual(excel.sums.gridWritten);
    expect(pkg.sums.result.findings.map((f) => f.code)).toEqual(["groupTypedOver"]);
    // Every agency's group sums but the cell typed over, and every entry's Điểm.
    expect(excel.sums.gridWrites.length).toBe(6 * expected[0].length - 1);
    expect(excel.sums.ledgerWrites.length).toBeGreaterThanOrEqual(points.length);

    for (const [sheet, writes] of [
      [GRID, excel.sums.gridWrites],
      [LEDGER_SHEET, excel.sums.ledgerWrites],
    ] as const) {
      const values = out.readSheet(sheet).values;
      const ws = double.workbook.sheet(sheet);
      for (const { row, col, value } of writes) {
        const address = cellAddress(row, col);
        expect([address, values[row]?.[col] ?? ""]).toEqual([address, value]);
        expect([address, ws.getCell(address).value]).toEqual([address, value]);
      }
    }
    expect(double.workbook.sheet(GRID).getCell("C3").value).toBe(5);
    expect(out.readSheet(GRID).values[2][2]).toBe(5);
    // The journal holds the ledger's cells on their sheet, each with what it held and what was written.
    const onLedger = excel.journal.cells.filter((c) => c.sheet === LEDGER_SHEET);
    const byValue = (a: unknown, b: unknown) => Number(a) - Number(b);
    expect(onLedger.flatMap((c) => c.wrote!.map((r) => r[0])).sort(byValue)).toEqual(excel.sums.ledgerWrites.map((w) => w.value).sort(byValue));
    // The store's record claims the sums written, not the cell typed over.
    const record = writtenCells(ledgerWritten(writtenRecord(GRID, new Map()), excel.sums), GRID);
    expect(record.has("C3")).toBe(false);
    expect(record.size).toBe(excel.sums.gridWrites.length);
  }, 60_000);
});
