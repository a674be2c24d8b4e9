/**
 * The corpus (two writers: hand-written OOXML in openpyxl's layout, and ExcelJS) through the commands
 * that write a copy of the user's workbook besides `score`: `lock`, `unlock`, `log -o`, `ledger`,
 * `forms --master-out`, `merge`. Each output keeps every zip entry the command does not own byte for
 * byte; lock and unlock change the locked sheets only by their <sheetProtection>; and LibreOffice
 * opens every output.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as ExcelJS from "exceljs";
import * as path from "path";
import { LEDGER_SHEET } from "../../src/core/grid/ledger";
import { STORE_SHEET } from "../../src/core/store/store";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { presetRules } from "../../src/core/rules/rules";
import { clonePreset, docCriteria } from "../core/helpers";
import { fillWorkbook } from "../forms/helpers";
import { excelJsCorpus, expectUnownedIdentical, openpyxlCorpus } from "../xlsx/corpus";
import { tempDir } from "./helpers";
import { run } from "./in-process";

const GRID = "Bảng điểm";
const ANNEX = "Phụ lục";
const LISTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
const open = (file: string) => XlsxWorkbook.open(new Uint8Array(fs.readFileSync(file)));
const partOf = (wb: XlsxWorkbook, sheet: string) => wb.sheet(sheet)!.part!;
const textOf = (wb: XlsxWorkbook, sheet: string) => wb.pkg.readText(partOf(wb, sheet));
const withoutProtection = (xml: string) => xml.replace(/<sheetProtection\b[^>]*\/>/, "");

const outputs: string[] = [];

describe.each([
  ["hand-written OOXML (openpyxl's layout)", "openpyxl", async () => openpyxlCorpus()],
  ["ExcelJS", "exceljs", excelJsCorpus],
])("lock, unlock, log -o, ledger, forms --master-out and merge on a workbook written by %s", (_writer, tag, make) => {
  const dir = tempDir();
  const file = (name: string) => path.join(dir, `${tag}-${name}.xlsx`);
  let code = "";

  beforeAll(async () => {
    fs.writeFileSync(file("vao"), await make());
    const decision = ["--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--province", "Thái Bình", "--year", "2020"];
    const scored = await run(["score", file("vao"), "-o", file("cham"), "--annex", ...decision]);
    expect(scored.stderr).not.toContain("Lỗi:");
    const locked = await run(["lock", file("cham"), "--confirm-errors", "-o", file("chot"), "--by", "Nguyễn Văn A"]);
    expect(locked.code).toBe(0);
    // The grid keeps the example's one error (55 > 50): confirmed, and said so.
    expect(locked.stderr).toBe("Lưu ý: đã chốt khi bảng điểm còn 1 lỗi (--confirm-errors); việc xác nhận đã được ghi vào nhật ký.");
    code = /mã kiểm tra ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(locked.stdout)![1];
    expect((await run(["unlock", file("chot"), "-o", file("mo"), "--reason", "Hội đồng điều chỉnh", "--by", "Trần B"])).code).toBe(0);
    expect((await run(["log", file("mo"), "-o", file("nhat-ky")])).code).toBe(0);
    const rules = clonePreset();
    rules.groups[0].criteria = docCriteria();
    fs.writeFileSync(path.join(dir, "quy-tac.json"), JSON.stringify(rules), "utf8");
    const ledger = await run(["ledger", file("vao"), "-o", file("chi-tiet"), "--rules", path.join(dir, "quy-tac.json")]);
    expect([ledger.code, ledger.stderr]).toEqual([0, ""]);
    const forms = await run(["forms", file("vao"), "-o", path.join(dir, `${tag}-phieu`), "--master-out", file("co-khoa"), "--year", "2020"]);
    expect([forms.code, forms.stderr]).toEqual([0, ""]);
    const returned = fs
      .readdirSync(path.join(dir, `${tag}-phieu`))
      .slice(0, 2)
      .map((f) => path.join(dir, `${tag}-phieu`, f));
    for (const form of returned) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(form);
      const rules = presetRules();
      fillWorkbook(wb, rules, Object.fromEntries(rules.groups.map((g) => [g.name, 30])));
      await wb.xlsx.writeFile(form);
    }
    const merged = await run(["merge", file("co-khoa"), ...returned, "-o", file("da-gop"), "--year", "2020"]);
    expect(merged.stdout).toContain("da-gop.xlsx");
    outputs.push(file("chot"), file("mo"), file("nhat-ky"), file("chi-tiet"), file("co-khoa"), file("da-gop"));
  });

  it("lock: only the store, the annex's code line and print area, the locked sheets' protection and styles change; the grid only by <sheetProtection>", async () => {
    const before = open(file("cham"));
    const after = open(file("chot"));
    const owned = [partOf(before, GRID), partOf(before, ANNEX), partOf(before, STORE_SHEET), "xl/styles.xml", before.workbookPart];
    // Its relationships and the content types are not rewritten: the store is replaced in place.
    expect(expectUnownedIdentical(before.pkg, after.pkg, owned)).toBeGreaterThanOrEqual(tag === "openpyxl" ? 20 : 10);
    // workbook.xml only by the annex's print area, which now reaches the code line (it prints with the annex).
    const codeRow = after.readSheet(ANNEX).values.findIndex((row) => row[0] === `Mã kiểm tra: ${code}`) + 1;
    // The annex's own print area; the user's ('Ghi chép' in the openpyxl layout) stays as it was.
    const printArea = new RegExp(`(_xlnm\\.Print_Area"[^>]*>'${ANNEX}'![^<]*\\$)(\\d+)<`);
    const wbBefore = before.pkg.readText(before.workbookPart);
    expect(Number(printArea.exec(wbBefore)![2])).toBeLessThan(codeRow);
    expect(after.pkg.readText(after.workbookPart)).toBe(wbBefore.replace(printArea, (_m, head: string) => `${head}${codeRow}<`));
    expect(textOf(after, GRID)).toMatch(/<\/sheetData><sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"\/>/);
    expect(withoutProtection(textOf(after, GRID))).toBe(textOf(before, GRID));
    expect(textOf(after, ANNEX)).toContain("<sheetProtection");
    expect(after.readSheet(ANNEX).values.flat()).toContain(`Mã kiểm tra: ${code}`);
    expect(after.sheets.map((s) => [s.name, s.state])).toEqual(before.sheets.map((s) => [s.name, s.state]));
    expect((await run(["verify", file("chot"), "--code", code])).code).toBe(0);
  });

  it("unlock: the locked sheets come back as they were scored, the code line emptied; nothing else changes", () => {
    const scored = open(file("cham"));
    const locked = open(file("chot"));
    const after = open(file("mo"));
    const owned = [partOf(locked, GRID), partOf(locked, ANNEX), partOf(locked, STORE_SHEET), "xl/styles.xml"];
    expect(expectUnownedIdentical(locked.pkg, after.pkg, owned)).toBeGreaterThanOrEqual(tag === "openpyxl" ? 20 : 10);
    expect(textOf(after, GRID)).toBe(textOf(scored, GRID));
    expect(textOf(after, ANNEX)).not.toContain("<sheetProtection");
    expect(after.readSheet(ANNEX).values.flat()).not.toContain(`Mã kiểm tra: ${code}`);
  });

  it("log -o: adds “Nhật ký” and rewrites the store and the workbook's lists only", () => {
    const before = open(file("mo"));
    const after = open(file("nhat-ky"));
    expect(expectUnownedIdentical(before.pkg, after.pkg, [...LISTS, partOf(before, STORE_SHEET)])).toBeGreaterThanOrEqual(tag === "openpyxl" ? 20 : 10);
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), "Nhật ký"]);
    expect(after.readSheet("Nhật ký").values.flat()).toEqual(expect.arrayContaining(["Mở chốt", "Chốt kết quả", "Tính điểm"]));
  });

  it("ledger: adds “Chấm điểm chi tiết” and the store; the grid and every other entry are copied as stored", () => {
    const before = open(file("vao"));
    const after = open(file("chi-tiet"));
    expect(expectUnownedIdentical(before.pkg, after.pkg, LISTS)).toBeGreaterThanOrEqual(tag === "openpyxl" ? 18 : 8);
    expect(after.sheets.map((s) => [s.name, s.state])).toEqual([
      ...before.sheets.map((s) => [s.name, s.state]),
      [LEDGER_SHEET, "visible"],
      [STORE_SHEET, "veryHidden"],
    ]);
    expect(after.readSheet(LEDGER_SHEET).values.flat()).toContain("Sở Thông tin và Truyền thông");
  });

  it("forms --master-out: the keyed copy adds the store; every other entry, the grid's included, is copied as stored", () => {
    const before = open(file("vao"));
    const after = open(file("co-khoa"));
    expect(expectUnownedIdentical(before.pkg, after.pkg, LISTS)).toBeGreaterThanOrEqual(tag === "openpyxl" ? 18 : 8);
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), STORE_SHEET]);
  });

  it("merge: the grid, the store and the lists rewritten, the loop sheets after the grid; every other entry copied as stored", () => {
    const before = open(file("co-khoa"));
    const after = open(file("da-gop"));
    expect(expectUnownedIdentical(before.pkg, after.pkg, [...LISTS, partOf(before, GRID), partOf(before, STORE_SHEET)])).toBeGreaterThanOrEqual(
      tag === "openpyxl" ? 18 : 8,
    );
    expect(after.sheets.map((s) => s.name).slice(0, 5)).toEqual([GRID, "Tự đánh giá", "Chênh lệch", "Theo dõi phiếu", "Ghi chép"]);
  });
});

it("LibreOffice opens every output of lock, unlock, log -o, ledger, forms --master-out and merge, with its sheets", () => {
  expect(spawnSync("soffice", ["--version"]).error).toBeUndefined(); // .ci/run installs libreoffice-calc
  const dir = tempDir();
  // LibreOffice reads each output and saves it again: a file it cannot read is not converted.
  const lo = spawnSync("soffice", ["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "lo"), ...outputs], {
    encoding: "utf8",
    timeout: 240000,
    env: { ...process.env, HOME: dir },
  });
  expect(lo.status).toBe(0);
  expect(outputs).toHaveLength(12);
  for (const output of outputs) {
    const again = path.join(dir, "lo", path.basename(output));
    expect([path.basename(output), fs.existsSync(again)]).toEqual([path.basename(output), true]);
    const names = open(again).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([GRID, "Ghi chép", "Ẩn", "Ẩn hẳn"]));
    expect(open(again).readSheet(GRID).values[4][1]).toBe("Sở Thông tin và Truyền thông");
  }
});

it("a sheet the user protected keeps its own protection through lock and unlock (as in the add-in); the annex is locked and unlocked", async () => {
  const dir = tempDir();
  const scored = path.join(dir, "cham.xlsx");
  fs.writeFileSync(path.join(dir, "vao.xlsx"), openpyxlCorpus());
  const decision = ["--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--year", "2020"];
  expect((await run(["score", path.join(dir, "vao.xlsx"), "-o", scored, "--annex", ...decision])).code).toBe(1);
  // The grid protected in Excel with a password (its legacy 16-bit hash): every entry stored again, that one changed.
  const { strToU8, zipSync } = await import("fflate");
  const wb = open(scored);
  const mine = `<sheetProtection password="83AF" sheet="1" objects="1" scenarios="1"/>`;
  const files: Record<string, Uint8Array> = {};
  for (const e of wb.pkg.entries)
    files[e.name] = e.name === partOf(wb, GRID) ? strToU8(textOf(wb, GRID).replace("</sheetData>", `</sheetData>${mine}`)) : wb.pkg.read(e.name);
  const protectedByUser = path.join(dir, "bao-ve.xlsx");
  fs.writeFileSync(protectedByUser, zipSync(files));

  const locked = path.join(dir, "chot.xlsx");
  expect((await run(["lock", protectedByUser, "--confirm-errors", "-o", locked])).code).toBe(0);
  const after = open(locked);
  expect(textOf(after, GRID)).toBe(textOf(open(protectedByUser), GRID));
  expect(textOf(after, ANNEX)).toContain(`<sheetProtection sheet="1"`);
  const stored = after.readSheet(STORE_SHEET);
  expect(JSON.stringify(stored.values)).toContain(`\\"protectedSheets\\":[\\"${ANNEX}\\"]`);

  const opened = path.join(dir, "mo.xlsx");
  expect((await run(["unlock", locked, "-o", opened, "--reason", "Sửa điểm"])).code).toBe(0);
  expect(textOf(open(opened), GRID)).toContain(mine);
  expect(textOf(open(opened), ANNEX)).not.toContain("<sheetProtection");
});
