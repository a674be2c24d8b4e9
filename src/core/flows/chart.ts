/**
 * "Biểu đồ" written once against the workbook port (src/core/sheets/port.ts): the add-in (src/excel/chart.ts
 * through ExcelPort, a native Excel chart) and the command line (`score --chart FILE`, src/cli/score.ts through
 * XlsxPort, drawn as SVG) both run it.
 *
 *     planChart:  the chart's description from the scored grid (agencies as ranked, each index, the classes'
 *                 bands: chartDescription) under a free name ("Biểu đồ", "Biểu đồ (2)"…: never a sheet of the workbook)
 *     writeChart: port.putChart(chart) → the state after (when the caller keeps one: the add-in's undo journal) → port.writeStore
 */
import { Lang } from "../findings/findings";
import { chooseAnnexSheet } from "../sheets/annex";
import { chartDescription } from "../sheets/chart";
import { ChartPut, WorkbookPort } from "../sheets/port";
import { StoreState } from "../store/store";
import { Scored } from "./score";

export const CHART_SHEET = "Biểu đồ";

/** What the chart needs of a port: the sheets (to choose a free name), the chart put, the store's state. */
export type ChartPort = Pick<WorkbookPort, "sheets" | "putChart" | "writeStore">;

/** The chart of the scored grid and the sheet it goes to (a new one; `alsoTaken`: sheets this run already queued). */
export function planChart(port: Pick<WorkbookPort, "sheets">, scored: Scored, lang: Lang = "vi", alsoTaken: readonly string[] = []): ChartPut {
  const where = chooseAnnexSheet(CHART_SHEET, [...port.sheets().map((s) => s.name), ...alsoTaken], undefined);
  return { sheetName: where.name, description: chartDescription(scored, lang), decimals: scored.rules.json.index.decimals };
}

/** Queues the chart and, when given, the state after it (the add-in's undo journal) on the port. */
export function writeChart(port: Pick<ChartPort, "putChart" | "writeStore">, chart: ChartPut, stateAfter?: (chart: ChartPut) => StoreState): StoreState | null {
  port.putChart(chart);
  if (!stateAfter) return null;
  const state = stateAfter(chart);
  port.writeStore(state);
  return state;
}
