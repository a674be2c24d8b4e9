import type * as ExcelJS from "exceljs";
import { FormDescription, FormIdentity, FORM_KIND } from "../core/forms/form-parts";
import { compactReturnedForm, ReadLimitPassed, ReturnedForm } from "../core/forms/merge";
import { isNoticeIdentity, NoticeDescription } from "../core/forms/notices";
import { StoreState } from "../core/store/store";
import { readSheet, readStore, writeStore } from "./exceljs-sheet";
import { STORE_SHEET } from "../core/store/store";
import { renderSheetExcelJS } from "./render";
import { checkPackage, PackageLimits, PackageProblem } from "./package";

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

/** A notice of appraisal results as a workbook: its sheet (protected, the reply cells unlocked) and its identity in the hidden data. */
export function noticeWorkbook(X: ExcelJSModule, notice: NoticeDescription): ExcelJS.Workbook {
  const wb = new X.Workbook();
  wb.creator = "Xếp hạng CNTT";
  const ws = wb.addWorksheet(notice.sheetName, { pageSetup: { paperSize: 9, orientation: "landscape" } });
  renderSheetExcelJS(ws, notice);
  writeStore(wb, { form: notice.identity });
  return wb;
}

/** A notice as .xlsx bytes (the pane's “Thông báo kết quả thẩm định”). */
export async function noticeBytes(X: ExcelJSModule, notice: NoticeDescription): Promise<Uint8Array> {
  const buffer = await noticeWorkbook(X, notice).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
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
  // Bounded first: a zip bomb (a part inflating to gigabytes) is stopped at the limit, before ExcelJS sees it.
  const checked = checkPackage(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), FORM_LIMITS);
  if (!checked.ok) {
    const p = checked.problem;
    if (p.code === "tooLarge") return { file, values: null, identity: null, problem: tooLarge(p, FORM_LIMITS) };
    return { file, values: null, identity: null };
  }
  const wb = new X.Workbook();
  try {
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch {
    return { file, values: null, identity: null };
  }
  const stored = readStore(wb);
  const identity = stored.ok && isIdentity(stored.state.form) ? stored.state.form : null;
  // A returned "Thông báo kết quả thẩm định" (its replies go beside the differences): its identity, when it has one.
  const notice = stored.ok && isNoticeIdentity(stored.state.form) ? { notice: stored.state.form } : {};
  const ws = wb.worksheets.find((w) => w.name !== STORE_SHEET && w.state === "visible") ?? wb.worksheets.find((w) => w.name !== STORE_SHEET);
  if (!ws) return { file, values: [], identity, ...notice };
  const read = readSheet(ws);
  return { file, values: read.values, formulas: read.formulas, identity, ...notice };
}

/** A returned file the user chose: its name (as given) and how to get its bytes (null: unreadable; "notFound"). */
export interface ReturnedFile {
  file: string;
  bytes(): Promise<ArrayBuffer | Uint8Array | null | "notFound">;
}

/**
 * Reads the returned files one at a time (the CLI's `merge` and the add-in's "Gộp phiếu" alike): each
 * file's bytes are asked for only when the previous form is read and reduced to the window the merge
 * reads (compactReturnedForm), so one form's bytes and full reading are alive at a time, whatever the
 * number of forms; what is kept per form is bounded.
 */
export async function readReturnedForms(X: ExcelJSModule, files: readonly ReturnedFile[]): Promise<ReturnedForm[]> {
  const out: ReturnedForm[] = [];
  for (const f of files) out.push(await readOneForm(X, f));
  return out;
}

async function readOneForm(X: ExcelJSModule, f: ReturnedFile): Promise<ReturnedForm> {
  let bytes: ArrayBuffer | Uint8Array | null | "notFound";
  try {
    bytes = await f.bytes();
  } catch {
    bytes = null;
  }
  if (bytes === null || bytes === "notFound")
    return { file: f.file, values: null, identity: null, ...(bytes ? { problem: { code: "notFound" as const } } : {}) };
  return compactReturnedForm(await readReturnedForm(X, f.file, bytes));
}

/**
 * What one returned form may take once inflated: a real form is about 20 KB and 150 cells (a form
 * rebuilt by hand, a few hundred KB); anything beyond is refused as `fileTooLarge` before it is parsed,
 * so that the merge's memory stays within one form's cost whatever the number of forms. The counts
 * bound what the bytes do not: ExcelJS keeps an object per cell and per shared string, and an empty
 * cell is 12 bytes of XML (`<c r="A1"/>`), so 32 MiB of them would be millions of objects.
 */
export const FORM_LIMITS: PackageLimits = {
  maxEntries: 1000,
  maxPartBytes: 32 * 2 ** 20,
  maxTotalBytes: 64 * 2 ** 20,
  maxCells: 100_000,
  maxSharedStrings: 100_000,
};

/** What the master workbook may take once inflated (a grid of 100 000 agencies is some 40 MB of sheet XML, 1.5 million cells). */
export const MASTER_LIMITS: PackageLimits = {
  maxEntries: 10_000,
  maxPartBytes: 128 * 2 ** 20,
  maxTotalBytes: 256 * 2 ** 20,
  maxCells: 4_000_000,
  maxSharedStrings: 1_000_000,
};

/**
 * A reading limit passed, for a finding: which (the inflated bytes of a part or of the file, the
 * number of parts, of cells or of shared strings), the part where it was passed ("" for the file as a
 * whole) and the limit (in MiB for bytes, a count otherwise).
 */
export function tooLarge(p: Extract<PackageProblem, { code: "tooLarge" }>, limits: PackageLimits): ReadLimitPassed {
  const part = p.part ?? "";
  switch (p.limit) {
    case "maxPartBytes":
      return { code: "tooLarge", what: "bytes", part, limit: Math.round(limits.maxPartBytes / 2 ** 20) };
    case "maxTotalBytes":
      return { code: "tooLarge", what: "bytes", part: "", limit: Math.round(limits.maxTotalBytes / 2 ** 20) };
    case "maxEntries":
      return { code: "tooLarge", what: "parts", part: "", limit: limits.maxEntries };
    case "maxCells":
      return { code: "tooLarge", what: "cells", part, limit: limits.maxCells ?? p.bytes };
    case "maxSharedStrings":
      return { code: "tooLarge", what: "sharedStrings", part, limit: limits.maxSharedStrings ?? p.bytes };
  }
}
