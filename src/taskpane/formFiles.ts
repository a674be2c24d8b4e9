/**
 * The forms as files, in the browser: ExcelJS writes each form's .xlsx and reads the returned ones.
 * This module and ExcelJS are loaded only when the "Phiếu" tab makes or merges forms (a separate
 * chunk), never with the pane's first screen.
 */
import type { FormDescription } from "../core/forms/form-parts";
import type { NoticeDescription } from "../core/forms/notices";
import type { ReturnedForm } from "../core/forms/merge";
import { ExcelJSModule, formBytes, noticeBytes, readReturnedForms } from "../xlsx/forms";
import { PreviousRead, readPreviousFile } from "../xlsx/previous";
import { zipSync } from "fflate";

async function excelJS(): Promise<ExcelJSModule> {
  const m = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as ExcelJSModule & { default?: ExcelJSModule };
  return m.Workbook ? m : m.default!;
}

export async function renderFormFiles(forms: { fileName: string; description: FormDescription }[]): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const X = await excelJS();
  const out: { fileName: string; bytes: Uint8Array }[] = [];
  for (const f of forms) out.push({ fileName: f.fileName, bytes: await formBytes(X, f.description) });
  return out;
}

/** The notices of appraisal results as .xlsx (protected, the reply cells unlocked, the identity in the hidden data). */
export async function renderNoticeFiles(notices: { fileName: string; description: NoticeDescription }[]): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const X = await excelJS();
  const out: { fileName: string; bytes: Uint8Array }[] = [];
  for (const n of notices) out.push({ fileName: n.fileName, bytes: await noticeBytes(X, n.description) });
  return out;
}

/** The returned files chosen for "Gộp phiếu": read one at a time, each reduced to what the merge reads (readReturnedForms, as the CLI). */
export async function readFormFiles(files: { name: string; arrayBuffer(): Promise<ArrayBuffer> }[]): Promise<ReturnedForm[]> {
  return readReturnedForms(
    await excelJS(),
    files.map((f) => ({ file: f.name, bytes: () => f.arrayBuffer() })),
  );
}

/** The name of the one .zip the forms are downloaded in. */
export const FORMS_ZIP = "phieu-tu-danh-gia.zip";

/**
 * The forms as what the browser downloads: the one form as it is, several in one .zip (browsers let a page start
 * one download per click; the rest of many are blocked). Stored, not compressed again: an .xlsx is a zip already.
 */
export function formsDownload(files: { fileName: string; bytes: Uint8Array }[], zipName = FORMS_ZIP): { fileName: string; bytes: Uint8Array; forms: number } {
  if (files.length === 1) return { ...files[0], forms: 1 };
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) entries[f.fileName] = [f.bytes, { level: 0 }];
  return { fileName: zipName, bytes: zipSync(entries), forms: files.length };
}

/** Base64 of bytes, in chunks (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Last year's workbook chosen in “So sánh với năm trước”: read and scored here, in the ExcelJS chunk. */
export async function readPreviousYearFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<PreviousRead> {
  const X = await excelJS();
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return { ok: false, problem: { code: "unreadable", source: file.name } };
  }
  return readPreviousFile(X, file.name, bytes);
}
