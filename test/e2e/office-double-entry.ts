/**
 * Browser bundle served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the
 * end-to-end test: creates the strict Office.js test double, loads the reference score sheet the
 * test passed in (window.__REFERENCE_SHEET__, read from the published TSV in Node), installs
 * Excel / Office / OfficeExtension on window and exposes the double as window.__double.
 */
import { createOfficeDouble, OfficeDouble } from "../office-double/index";

export interface E2eDoubleOptions {
  apiLevel?: number;
  displayLanguage?: string;
  sheetName?: string;
}

declare global {
  interface Window {
    __REFERENCE_SHEET__?: (string | number | boolean)[][];
    __DOUBLE_OPTIONS__?: E2eDoubleOptions;
    __double?: OfficeDouble;
  }
}

const options = window.__DOUBLE_OPTIONS__ ?? {};
const sheetName = options.sheetName ?? "Bảng điểm";
const double = createOfficeDouble({ apiLevel: options.apiLevel, displayLanguage: options.displayLanguage, sheets: [sheetName] });
if (window.__REFERENCE_SHEET__) double.workbook.sheet(sheetName).setValues("A1", window.__REFERENCE_SHEET__);
double.workbook.setActive(sheetName);
double.install(window);
window.__double = double;
