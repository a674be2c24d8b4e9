import type * as ExcelJS from "exceljs";
import { FormDescription, FormIdentity, FORM_KIND } from "../core/forms";
import { ReturnedForm } from "../core/merge";
import { StoreState } from "../core/store";
import { readSheet, readStore, writeStore } from "./exceljs-sheet";
import { STORE_SHEET } from "../core/store";
import { renderSheetExcelJS } from "./render";

/**
 * A form as an .xlsx workbook, and a returned .xlsx as a form: with ExcelJS, in Node (command line)
 * and in the browser (the add-in's lazily loaded chunk). The ExcelJS module is passed in, so that
 * the pane loads it only when forms are made or merged.
 */
export type ExcelJSModule = typeof ExcelJS;

export function formWorkbook(X: ExcelJSModule, form: FormDescription): ExcelJS.Workbook {
  const wb = new X.Workbook();
  wb.creator = "Xếp hạng CNTT";
  const ws = wb.addWorksheet(form.sheetName, { pageSetup: { paperSize: 9, orientation: "portrait" } });
  renderSheetExcelJS(ws, form);
  const state: StoreState = { form: form.identity };
  writeStore(wb, state);
  return wb;
}

export async function formBytes(X: ExcelJSModule, form: FormDescription): Promise<Uint8Array> {
  const buffer = await formWorkbook(X, form).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function isIdentity(v: unknown): v is FormIdentity {
  const o = v as Partial<FormIdentity> | null;
  return (
    !!o &&
    o.kind === FORM_KIND &&
    typeof o.masterId === "string" &&
    typeof o.agency === "string" &&
    typeof o.year === "number" &&
    typeof o.rulesFingerprint === "string"
  );
}

/**
 * Reads a returned file: the values of its first visible sheet that is not the add-in's (from A1) and
 * the identity in its hidden data, if any. An unreadable file gives `values: null`; a damaged or
 * missing identity gives `identity: null` (the form is then matched by the agency's name).
 */
export async function readReturnedForm(X: ExcelJSModule, file: string, bytes: ArrayBuffer | Uint8Array): Promise<ReturnedForm> {
  const wb = new X.Workbook();
  try {
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch {
    return { file, values: null, identity: null };
  }
  const stored = readStore(wb);
  const identity = stored.ok && isIdentity(stored.state.form) ? stored.state.form : null;
  const ws = wb.worksheets.find((w) => w.name !== STORE_SHEET && w.state === "visible") ?? wb.worksheets.find((w) => w.name !== STORE_SHEET);
  if (!ws) return { file, values: [], identity };
  return { file, values: readSheet(ws).values, identity };
}
