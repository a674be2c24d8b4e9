/**
 * Which ExcelApi requirement set each member implemented by the double needs.
 *
 * `annotation` is the exact text inside `[Api set: …]` in the member's JSDoc in
 * node_modules/@types/office-js/index.d.ts (test/office-double/api-levels.test.ts checks every entry against
 * the d.ts so the table cannot drift). `null` means the d.ts has no annotation (collection `items`), which
 * makes the member available wherever its object is.
 *
 * Levels are ExcelApi minor versions: 9 means ExcelApi 1.9.
 */
import { OfficeDoubleError, MESSAGES } from "./errors";

export interface ApiEntry {
  annotation: string | null;
  /** level needed to read a property or call a method */
  level: number;
  /** level needed to write a property, when it differs */
  setLevel?: number;
  /** level needed when a password argument is passed (WorksheetProtection.protect/unprotect) */
  passwordLevel?: number;
}

const e = (annotation: string | null, level: number, extra: Partial<ApiEntry> = {}): ApiEntry => ({ annotation, level, ...extra });
const v = (minor: number): ApiEntry => e(`ExcelApi 1.${minor}`, minor);

export const API_LEVELS: Readonly<Record<string, ApiEntry>> = {
  // Application
  "Application.calculationMode": e("ExcelApi 1.1 for get, 1.8 for set", 1, { setLevel: 8 }),
  "Application.calculate": v(1),
  "Application.suspendApiCalculationUntilNextSync": v(6),
  "Application.suspendScreenUpdatingUntilNextSync": v(9),

  // Workbook
  "Workbook.application": v(1),
  "Workbook.worksheets": v(1),
  "Workbook.settings": v(4),
  "Workbook.name": v(7),
  "Workbook.getSelectedRange": v(1),
  "Workbook.getActiveCell": v(7),

  // WorksheetCollection
  "WorksheetCollection.items": e(null, 1),
  "WorksheetCollection.add": v(1),
  "WorksheetCollection.getActiveWorksheet": v(1),
  "WorksheetCollection.getCount": v(4),
  "WorksheetCollection.getFirst": v(5),
  "WorksheetCollection.getLast": v(5),
  "WorksheetCollection.getItem": v(1),
  "WorksheetCollection.getItemOrNullObject": v(4),
  "WorksheetCollection.onChanged": v(9),

  // Worksheet
  "Worksheet.freezePanes": v(7),
  "Worksheet.pageLayout": v(9),
  "Worksheet.horizontalPageBreaks": v(9),
  "PageBreakCollection.add": v(9),
  "PageBreakCollection.removePageBreaks": v(9),
  "PageBreakCollection.getCount": v(9),
  "PageBreakCollection.items": e(null, 9),
  "PageBreak.rowIndex": v(9),
  "PageBreak.columnIndex": v(9),
  "Worksheet.charts": v(1),
  "ChartCollection.items": e(null, 1),
  "ChartCollection.add": v(1),
  "ChartCollection.getCount": v(4),
  "Chart.name": v(1),
  "Chart.title": v(1),
  "Chart.top": v(1),
  "Chart.left": v(1),
  "Chart.width": v(1),
  "Chart.height": v(1),
  "Chart.series": v(1),
  "ChartTitle.text": v(1),
  "Chart.axes": v(1),
  "ChartAxes.valueAxis": v(1),
  "ChartAxis.minimum": v(1),
  "ChartAxis.maximum": v(1),
  "ChartAxis.majorUnit": v(1),
  "ChartSeriesCollection.items": e(null, 1),
  "ChartSeriesCollection.getItemAt": v(1),
  "ChartSeriesCollection.getCount": v(4),
  "ChartSeries.name": v(1),
  "ChartSeries.chartType": v(7),
  "ChartSeries.points": v(1),
  "ChartPointsCollection.getItemAt": v(1),
  "ChartPoint.format": v(1),
  "ChartPointFormat.fill": v(1),
  "ChartFill.setSolidColor": v(1),
  "ChartFill.clear": v(1),
  "Worksheet.protection": v(2),
  "Worksheet.id": v(1),
  "Worksheet.name": v(1),
  "Worksheet.position": v(1),
  "Worksheet.showGridlines": v(8),
  "Worksheet.tabColor": v(7),
  "Worksheet.standardWidth": v(7),
  "Worksheet.visibility": e("ExcelApi 1.1 for reading visibility; 1.2 for setting it.", 1, { setLevel: 2 }),
  "Worksheet.activate": v(1),
  "Worksheet.calculate": v(6),
  "Worksheet.delete": v(1),
  "Worksheet.getCell": v(1),
  "Worksheet.getRange": v(1),
  "Worksheet.getRangeByIndexes": v(7),
  "Worksheet.getUsedRange": v(1),
  "Worksheet.getUsedRangeOrNullObject": v(4),

  // WorksheetProtection (the object itself comes with Worksheet.protection, ExcelApi 1.2)
  "WorksheetProtection.options": v(2),
  "WorksheetProtection.protected": v(2),
  "WorksheetProtection.protect": e("ExcelApi 1.2 for options; 1.7 for password", 2, { passwordLevel: 7 }),
  "WorksheetProtection.unprotect": e("ExcelApi 1.7 for password", 2, { passwordLevel: 7 }),

  // WorksheetFreezePanes
  "WorksheetFreezePanes.freezeAt": v(7),
  "WorksheetFreezePanes.freezeColumns": v(7),
  "WorksheetFreezePanes.freezeRows": v(7),
  "WorksheetFreezePanes.getLocationOrNullObject": v(7),
  "WorksheetFreezePanes.unfreeze": v(7),

  // Range
  "Range.format": v(1),
  "Range.worksheet": v(1),
  "Range.address": v(1),
  "Range.addressLocal": v(1),
  "Range.cellCount": v(1),
  "Range.columnCount": v(1),
  "Range.columnHidden": v(2),
  "Range.columnIndex": v(1),
  "Range.formulas": v(1),
  "Range.hidden": v(2),
  "Range.isEntireColumn": v(7),
  "Range.isEntireRow": v(7),
  "Range.numberFormat": v(1),
  "Range.rowCount": v(1),
  "Range.rowHidden": v(2),
  "Range.rowIndex": v(1),
  "Range.text": v(1),
  "Range.valueTypes": v(1),
  "Range.values": v(1),
  "Range.clear": v(1),
  "Range.copyFrom": v(9),
  "Range.getAbsoluteResizedRange": v(7),
  "Range.getBoundingRect": v(1),
  "Range.getCell": v(1),
  "Range.getCellProperties": v(9),
  "Range.setCellProperties": v(9),
  "Range.getColumn": v(1),
  "Range.getColumnsAfter": v(2),
  "Range.getColumnsBefore": v(2),
  "Range.getEntireColumn": v(1),
  "Range.getEntireRow": v(1),
  "Range.getIntersection": v(1),
  "Range.getIntersectionOrNullObject": v(4),
  "Range.getLastCell": v(1),
  "Range.getLastColumn": v(1),
  "Range.getLastRow": v(1),
  "Range.getMergedAreasOrNullObject": v(13),
  "Range.getOffsetRange": v(1),
  "Range.getResizedRange": v(2),
  "Range.getRow": v(1),
  "Range.getRowsAbove": v(2),
  "Range.getRowsBelow": v(2),
  "Range.getUsedRange": v(1),
  "Range.getUsedRangeOrNullObject": v(4),
  "Range.merge": v(2),
  "Range.select": v(1),
  "Range.unmerge": v(2),

  // RangeAreas / RangeCollection (returned by getMergedAreasOrNullObject)
  "RangeAreas.address": v(9),
  "RangeAreas.areaCount": v(9),
  "RangeAreas.areas": v(9),
  "RangeAreas.cellCount": v(9),
  "RangeCollection.items": e(null, 1),
  "RangeCollection.getCount": v(9),
  "RangeCollection.getItemAt": v(9),

  // RangeFormat
  "RangeFormat.borders": v(1),
  "RangeFormat.fill": v(1),
  "RangeFormat.font": v(1),
  "RangeFormat.protection": v(2),
  "RangeFormat.columnWidth": v(2),
  "RangeFormat.rowHeight": v(2),
  "RangeFormat.horizontalAlignment": v(1),
  "RangeFormat.verticalAlignment": v(1),
  "RangeFormat.wrapText": v(1),
  "RangeFormat.autofitColumns": v(2),
  "RangeFormat.autofitRows": v(2),
  "FormatProtection.locked": v(2),
  "RangeFill.color": v(1),
  "RangeFill.clear": v(1),
  "RangeFill.pattern": v(9),
  "RangeFont.bold": v(1),
  "RangeFont.color": v(1),
  "RangeFont.italic": v(1),
  "RangeFont.name": v(1),
  "RangeFont.size": v(1),
  "RangeFont.underline": v(1),
  "RangeFont.strikethrough": v(9),
  "RangeBorderCollection.items": e(null, 1),
  "RangeBorderCollection.count": v(1),
  "RangeBorderCollection.getItem": v(1),
  "RangeBorder.color": v(1),
  "RangeBorder.sideIndex": v(1),
  "RangeBorder.style": v(1),
  "RangeBorder.weight": v(1),

  // PageLayout and headers/footers
  "PageLayout.headersFooters": v(9),
  "PageLayout.blackAndWhite": v(9),
  "PageLayout.bottomMargin": v(9),
  "PageLayout.centerHorizontally": v(9),
  "PageLayout.centerVertically": v(9),
  "PageLayout.draftMode": v(9),
  "PageLayout.firstPageNumber": v(9),
  "PageLayout.footerMargin": v(9),
  "PageLayout.headerMargin": v(9),
  "PageLayout.leftMargin": v(9),
  "PageLayout.orientation": v(9),
  "PageLayout.paperSize": v(9),
  "PageLayout.printComments": v(9),
  "PageLayout.printErrors": v(9),
  "PageLayout.printGridlines": v(9),
  "PageLayout.printHeadings": v(9),
  "PageLayout.printOrder": v(9),
  "PageLayout.rightMargin": v(9),
  "PageLayout.topMargin": v(9),
  "PageLayout.zoom": v(9),
  "PageLayout.getPrintArea": v(9),
  "PageLayout.getPrintAreaOrNullObject": v(9),
  "PageLayout.getPrintTitleColumns": v(9),
  "PageLayout.getPrintTitleColumnsOrNullObject": v(9),
  "PageLayout.getPrintTitleRows": v(9),
  "PageLayout.getPrintTitleRowsOrNullObject": v(9),
  "PageLayout.setPrintArea": v(9),
  "PageLayout.setPrintMargins": v(9),
  "PageLayout.setPrintTitleColumns": v(9),
  "PageLayout.setPrintTitleRows": v(9),
  "HeaderFooterGroup.defaultForAllPages": v(9),
  "HeaderFooterGroup.evenPages": v(9),
  "HeaderFooterGroup.firstPage": v(9),
  "HeaderFooterGroup.oddPages": v(9),
  "HeaderFooterGroup.state": v(9),
  "HeaderFooterGroup.useSheetMargins": v(9),
  "HeaderFooterGroup.useSheetScale": v(9),
  "HeaderFooter.centerFooter": v(9),
  "HeaderFooter.centerHeader": v(9),
  "HeaderFooter.leftFooter": v(9),
  "HeaderFooter.leftHeader": v(9),
  "HeaderFooter.rightFooter": v(9),
  "HeaderFooter.rightHeader": v(9),

  // Workbook.settings
  "SettingCollection.items": e(null, 1),
  "SettingCollection.add": v(4),
  "SettingCollection.getCount": v(4),
  "SettingCollection.getItem": v(4),
  "SettingCollection.getItemOrNullObject": v(4),
  "Setting.key": v(4),
  "Setting.value": v(4),
  "Setting.delete": v(4),
};

/** Highest ExcelApi minor version the @types/office-js in this repository describes. */
export const LATEST_EXCEL_API = 20;

export type ApiUse = "get" | "set" | "call";

export function requiredLevel(member: string, use: ApiUse, withPassword = false): number {
  const entry = API_LEVELS[member];
  if (!entry) throw new Error(`office-double: ${member} has no entry in api-levels.ts`);
  if (withPassword && entry.passwordLevel) return entry.passwordLevel;
  if (use === "set" && entry.setLevel) return entry.setLevel;
  return entry.level;
}

/** Throws ApiNotFound, as a host that lacks the requirement set would, when `member` needs more than `apiLevel`. */
export function checkApi(apiLevel: number, member: string, use: ApiUse, withPassword = false): void {
  const needed = requiredLevel(member, use, withPassword);
  if (needed > apiLevel) {
    const what = use === "set" ? `setting ${member}` : use === "get" ? `reading ${member}` : `${member}()`;
    const detail = `${what} needs ExcelApi 1.${needed}${withPassword ? " (password argument)" : ""}; this host supports ExcelApi 1.${apiLevel}`;
    throw new OfficeDoubleError("ApiNotFound", `${MESSAGES.ApiNotFound} (${detail})`, { errorLocation: member, detail });
  }
}

/** Parses "1.9" / 1.9 / "1.10" into the minor number (9, 10). */
export function parseMinor(version: string | number | undefined): number {
  if (version === undefined || version === "") return 1;
  const text = typeof version === "number" ? String(version) : version;
  const m = /^1\.(\d+)$/.exec(text.trim());
  if (!m) return Number.NaN;
  return parseInt(m[1], 10);
}
