/**
 * The one "Biểu đồ" flow (src/core/flows/chart.ts) run over both ports: createChart through ExcelPort draws the
 * description the flow puts on the package of the same scored workbook, cell for cell, and `score --chart` draws
 * that description as SVG.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { SHEET_ORIGIN } from "../../../src/core/base/address";
import { CHART_SHEET, planChart, writeChart } from "../../../src/core/flows/chart";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { presetRules } from "../../../src/core/rules/rules";
import { chartDescription } from "../../../src/core/sheets/chart";
import { chartTable, createChart } from "../../../src/excel/chart";
import { runScoring } from "../../../src/excel/scoring";
import { XlsxPort } from "../../../src/xlsx/port";
import { AT, SHEET, gridDouble, restoreDouble } from "./helpers";

afterEach(restoreDouble);

/** The flow on the package: the grid read through the port, scored, the chart planned and put. */
function chartOnPackage(bytes: Uint8Array) {
  const port = XlsxPort.open(bytes);
  const snapshot = port.readSheet(SHEET);
  const scored = scoreSheet(snapshot.values, presetRules(), SHEET_ORIGIN);
  if (!scored.ok) throw new Error("grid");
  const chart = planChart(port, scored);
  expect(writeChart(port, chart)).toBeNull(); // the command line keeps no undo: no state of its own
  return { port, scored, chart };
}

describe("one Biểu đồ flow over both ports", () => {
  it("createChart through ExcelPort draws, cell for cell, the description the flow puts on the same scored workbook's package", async () => {
    const double = gridDouble();
    expect(await runScoring("pane")).toMatchObject({ kind: "done" });
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);

    double.stats.reset();
    const made = await createChart({ sheet: SHEET });
    expect(made).toMatchObject({ kind: "done", sheetName: CHART_SHEET, bandLines: true });
    expect(double.stats.syncs).toBe(2); // the read, then the batch (state and journal first, then the sheet and its chart)

    const { port, scored, chart } = chartOnPackage(bytes);
    expect(port.charts()).toEqual([chart]);
    expect(chart.sheetName).toBe(CHART_SHEET);
    expect(chart.decimals).toBe(scored.rules.json.index.decimals);
    expect(chart.description).toEqual(chartDescription(scored, "vi"));
    // Agencies with a grid error are not ranked: fewer bars than agencies, as many as the add-in reports.
    expect(chart.description.bars.length).toBeGreaterThan(30);
    expect(made).toMatchObject({ agencies: chart.description.bars.length });
    const table = chartTable(chart.description);
    const drawn = double.workbook.sheet(CHART_SHEET);
    expect(drawn.getValues(`A1:${String.fromCharCode(64 + table[0].length)}${table.length}`)).toEqual(table);
    expect(drawn.charts).toHaveLength(1);
    expect(drawn.charts[0]).toMatchObject({ type: "ColumnClustered", title: chart.description.title });
    expect(drawn.charts[0].series[0].values).toEqual(chart.description.bars.map((b) => b.index));
    // The package itself is not changed by the chart (the command line draws it into a file of its own).
    expect(port.sheets().map((s) => s.name)).not.toContain(CHART_SHEET);
  }, 60_000);

  it("a sheet of that name taken (the user's, or a chart made before) moves both to the next free name; the add-in's state carries its undo", async () => {
    const double = gridDouble();
    double.workbook.addSheet(CHART_SHEET);
    expect(await runScoring("pane")).toMatchObject({ kind: "done" });
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);
    expect(await createChart({ sheet: SHEET })).toMatchObject({ kind: "done", sheetName: `${CHART_SHEET} (2)` });

    const { port, chart } = chartOnPackage(bytes);
    expect(chart.sheetName).toBe(`${CHART_SHEET} (2)`);
    // A name this run already queued is taken too.
    expect(planChart(port, chartOnPackage(bytes).scored, "vi", [`${CHART_SHEET} (2)`]).sheetName).toBe(`${CHART_SHEET} (3)`);
    const queued: unknown[] = [];
    const state = writeChart({ putChart: (c) => queued.push(c), writeStore: (s) => queued.push(s) }, chart, (c) => ({
      undo: { action: "chart", at: AT, sheet: c.sheetName, cells: [], fills: [], previousState: {} },
    }));
    expect(queued).toEqual([chart, state]);
    expect(state!.undo).toMatchObject({ action: "chart", sheet: `${CHART_SHEET} (2)` });
  }, 60_000);
});
