import type * as ExcelJS from "exceljs";
import { LastYearRead, readLastYear } from "../core/flows/previous";
import { readSheet, readStore } from "./exceljs-sheet";
import type { ExcelJSModule } from "./forms";

export type PreviousRead = LastYearRead;

/**
 * Last year's agencies from its workbook, the core's readLastYear (src/core/flows/previous.ts) over the workbook
 * as a port: scored with the rules it stores (or the preset), on its first visible sheet with a score grid (not
 * the annex). The pane reads a file chosen in "So sánh với năm trước" with it (ExcelJS in the browser); the
 * command line reads its --previous package through XlsxPort.
 */
function previousFromWorkbook(wb: ExcelJS.Workbook, file: string): PreviousRead {
  return readLastYear(
    {
      sheets: () =>
        wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state === "veryHidden" ? "veryHidden" : ws.state === "hidden" ? "hidden" : "visible" })),
      readSheet: (name) => readSheet(wb.getWorksheet(name)!),
      readStore: () => readStore(wb),
    },
    file,
  );
}

/** The same from a file's bytes; a file ExcelJS cannot open is named as unreadable. */
export async function readPreviousFile(X: ExcelJSModule, file: string, bytes: ArrayBuffer | Uint8Array): Promise<PreviousRead> {
  const wb = new X.Workbook();
  try {
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch {
    return { ok: false, problem: { code: "unreadable", source: file } };
  }
  return previousFromWorkbook(wb, file);
}
