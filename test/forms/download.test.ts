/**
 * Forms where Excel cannot open them as new workbooks (Excel on the web, hosts below ExcelApi 1.8): one download of
 * them all. Browsers block a page's downloads after the first few (10 of 19 arrived), so several forms go in one .zip.
 */
import { unzipSync } from "fflate";
import { FORMS_ZIP, formsDownload } from "../../src/taskpane/formFiles";

const form = (name: string, n: number) => ({ fileName: name, bytes: Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) % 256) });

test("19 forms: one .zip holding each form byte for byte, under its own name", () => {
  const files = Array.from({ length: 19 }, (_, i) => form(`so-${i + 1}.xlsx`, 5000 + i));
  const file = formsDownload(files);
  expect(file.fileName).toBe(FORMS_ZIP);
  expect(file.forms).toBe(19);
  const inside = unzipSync(file.bytes);
  expect(Object.keys(inside)).toEqual(files.map((f) => f.fileName));
  for (const f of files) expect(inside[f.fileName]).toEqual(f.bytes);
  // Stored, not deflated again (an .xlsx is already compressed): the zip is the forms plus its headers.
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  expect(file.bytes.length).toBeGreaterThan(total);
  expect(file.bytes.length).toBeLessThan(total + 19 * 200);
});

test("one form is downloaded as itself", () => {
  const one = form("so-y-te.xlsx", 100);
  expect(formsDownload([one])).toEqual({ ...one, forms: 1 });
});

test("Vietnamese file names keep their letters in the zip", () => {
  const file = formsDownload([form("sở-y-tế.xlsx", 10), form("sở-tư-pháp.xlsx", 12)]);
  expect(Object.keys(unzipSync(file.bytes))).toEqual(["sở-y-tế.xlsx", "sở-tư-pháp.xlsx"]);
});
