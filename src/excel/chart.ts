/**
 * "Biểu đồ": the indices with the class bands as a native Excel chart, on a sheet of its own. The
 * data (agencies as ranked, each index, the bands' thresholds) comes from the core's chart
 * description, the one the command line draws as SVG; the core's flow (src/core/flows/chart.ts) puts it
 * through ExcelPort and this file draws it: the table and the chart. 2 syncs: read, write. Nothing on
 * the user's sheets changes: the sheet is new, under a free name.
 */
import { logEntry, withLog } from "../core/store/log";
import { currentActor } from "./actor";
import { excelBoth } from "./messages";
import { BAR_COLORS, ChartDescription } from "../core/sheets/chart";
import { planChart, writeChart as writeChartFlow } from "../core/flows/chart";
import { rangeAddress } from "../core/base/address";
import { supports } from "./host";
import { queueGridSheet, scoreFreshSheet } from "./explanation";
import { hostRefusal } from "./sheet-read";
import { queueStoreRead, queueStoreWrite, runWriting } from "./store";
import { ExcelPort, sheetState } from "./port";
import type { UndoInfo } from "../core/store/store";

export type ChartOutcome =
  | { kind: "done"; sheetName: string; agencies: number; bandLines: boolean; undo: UndoInfo }
  | { kind: "refused"; message: string; messageEn: string; cells: string[]; goTo?: string };

/** The sheet's table: header, then one row per agency as ranked: "rank. name", index, each band's threshold. */
export function chartTable(d: ChartDescription): (string | number)[][] {
  const bands = d.bands.filter((b) => b.from > 0);
  const header = ["Cơ quan", "Chỉ số", ...bands.map((b) => `Ngưỡng ${b.name} (${b.fromText})`)];
  return [header, ...d.bars.map((b) => [`${b.rank}. ${b.name}`, b.index, ...bands.map((band) => band.from)])];
}

/** Writes the table at A1 of a new, empty sheet and adds the chart over it; true when the thresholds are drawn as lines. */
export function renderChartOffice(ws: Excel.Worksheet, d: ChartDescription, decimals = 3): { bandLines: boolean } {
  const table = chartTable(d);
  const n = table.length;
  const cols = table[0].length;
  const all = ws.getRange(rangeAddress(0, 0, n, cols));
  // The names stay text (a name starting with "=" is never read as a formula).
  all.numberFormat = table.map((row) => row.map((_, j) => (j === 0 ? "@" : decimals > 0 ? `0.${"0".repeat(decimals)}` : "0")));
  all.values = table;
  ws.getRange(rangeAddress(0, 0, 1, cols)).format.font.bold = true;
  all.format.autofitColumns();
  const chart = ws.charts.add("ColumnClustered", all, "Columns");
  chart.title.text = d.title;
  chart.left = 0;
  chart.top = (n + 1) * 15;
  chart.width = Math.max(600, 40 * (n - 1) + 160);
  chart.height = 460;
  // An index lies between 0 and 1: the axis says so (left automatic, Excel would run it to 1,2), ticks every 0,1.
  const axis = chart.axes.valueAxis;
  axis.minimum = 0;
  axis.maximum = 1;
  axis.majorUnit = 0.1;
  // Each agency's column in its class's colour (the SVG's colours): the classes read at a glance. The
  // threshold lines keep Excel's own colours, which stand out on every class's columns.
  const classColour = new Map(d.bands.map((b, i) => [b.name, BAR_COLORS[Math.min(i, BAR_COLORS.length - 1)]]));
  const points = chart.series.getItemAt(0).points;
  d.bars.forEach((bar, i) => {
    const colour = classColour.get(bar.className);
    if (colour) points.getItemAt(i).format.fill.setSolidColor(colour);
  });
  // A series' own chart type needs ExcelApi 1.7: below it the thresholds stay columns (the pane says so).
  const bandLines = supports("1.7");
  if (bandLines) for (let j = 1; j < table[0].length - 1; j++) chart.series.getItemAt(j).chartType = "Line";
  return { bandLines };
}

/** Makes the chart sheet from the sheet scored last (`sheet`, the pane knows it), else the active sheet; "Hoàn tác" removes it. */
export async function createChart(opts: { sheet?: string } = {}): Promise<ChartOutcome> {
  try {
    return await runWriting(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name, items/visibility");
      const grid = queueGridSheet(context, opts.sheet);
      const store = queueStoreRead(context);
      await context.sync(); // 1: read
      const sheet = await grid.sheet();
      const state = store.state();
      const fresh = scoreFreshSheet(sheet, state, grid.named());
      if (!fresh.ok) return fresh.refusal;
      const { scored } = fresh;
      // The core's flow through the port (src/core/flows/chart.ts), as `score --chart` runs it on the package.
      const port = new ExcelPort<{ bandLines: boolean }>(context, {
        sheets: sheets.items.map((s) => ({ name: s.name, state: sheetState(s.visibility) })),
        grid: sheet,
        store,
      });
      const chart = planChart(port, scored, "vi");
      if (chart.description.bars.length === 0) return { kind: "refused", ...excelBoth("chartNothingRanked", {}), cells: [] };
      // "Hoàn tác" removes the sheet: the journal goes first in the batch (a protected workbook refuses
      // here, before the sheet is added), as for every write.
      port.writeChartWith(async (newState, put) => {
        await queueStoreWrite(context, store, newState);
        const ws = sheets.add(put.sheetName);
        const drawn = renderChartOffice(ws, put.description, put.decimals);
        ws.activate();
        await context.sync(); // 2: the sheet and its chart
        return drawn;
      });
      const { undo: _u, ...previousState } = state;
      void _u;
      const at = new Date().toISOString();
      writeChartFlow(port, chart, ({ sheetName }) =>
        withLog(
          { ...state, undo: { action: "chart", at, sheet: sheetName, cells: [], fills: [], previousState } },
          logEntry({ at, action: "chart", by: currentActor(), via: "pane", sheet: sheetName }),
        ),
      );
      const { bandLines } = (await port.apply()).sheet!;
      return {
        kind: "done",
        sheetName: chart.sheetName,
        agencies: chart.description.bars.length,
        bandLines,
        undo: { action: "chart", at, sheet: chart.sheetName },
      };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}
