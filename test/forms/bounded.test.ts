/**
 * Bounded reading: a returned form or a master that inflates to 3.5 GiB (a zip bomb, in a sheet or in
 * a custom XML part) is a clean finding naming the file, under a 4 GB address-space limit, and the
 * good forms still merge.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { presetRules } from "../../src/core/rules/rules";
import { BIN, buildCli, EXAMPLE, runCli, tempDir } from "../cli/helpers";
import { bombed } from "./bombs";
import { fillWorkbook } from "./helpers";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { FORM_LIMITS, MASTER_LIMITS } from "../../src/xlsx/forms";

const rules = presetRules();
const dir = tempDir();
const formsDir = path.join(dir, "phieu");
const master = path.join(dir, "bang-diem-co-khoa.xlsx");
const files: Record<string, string> = {};

/** The command line under a 4 GB address-space limit (ulimit -v), as a small office machine has. */
function runLimited(args: string[]) {
  const r = spawnSync("bash", ["-c", 'ulimit -v 4194304 && exec "$0" "$@"', process.execPath, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, LANG: "vi_VN.UTF-8", LC_ALL: "", LC_MESSAGES: "", FORCE_COLOR: "0" },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  buildCli();
  expect(runCli(["forms", EXAMPLE, "-o", formsDir, "--year", "2020", "--master-out", master]).code).toBe(0);
  for (const agency of ["so-y-te", "so-tai-chinh"]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(formsDir, `${agency}.xlsx`));
    fillWorkbook(wb, rules, Object.fromEntries(rules.groups.map((g) => [g.name, 30])));
    await wb.xlsx.writeFile(path.join(formsDir, `${agency}.xlsx`));
  }
  const form = new Uint8Array(fs.readFileSync(path.join(formsDir, "so-noi-vu.xlsx")));
  const masterBytes = new Uint8Array(fs.readFileSync(master));
  const write = (name: string, bytes: Uint8Array) => {
    files[name] = path.join(dir, name);
    fs.writeFileSync(files[name], bytes);
  };
  write("bom-trang-tinh.xlsx", bombed(form, "xl/worksheets/sheet1.xml"));
  write("bom-custom.xlsx", bombed(form, "customXml/item1.xml"));
  write("bang-diem-bom.xlsx", bombed(masterBytes, "xl/worksheets/sheet1.xml"));
  write("bang-diem-bom-custom.xlsx", bombed(masterBytes, "customXml/item1.xml"));
});

it("builds bombs of a few MB that declare 3.5 GiB", () => {
  const size = fs.statSync(files["bom-trang-tinh.xlsx"]).size;
  expect(size).toBeGreaterThan(3 * 2 ** 20);
  expect(size).toBeLessThan(6 * 2 ** 20);
});

it("merges the good forms and reports each bombed form as fileTooLarge, named as given, under 4 GB", () => {
  const good = [path.join(formsDir, "so-y-te.xlsx"), path.join(formsDir, "so-tai-chinh.xlsx")];
  const out = path.join(dir, "da-gop.xlsx");
  const run = runLimited(["merge", master, files["bom-trang-tinh.xlsx"], good[0], files["bom-custom.xlsx"], good[1], "-o", out, "--json", "--year", "2020"]);
  expect(run.signal).toBeNull();
  expect(run.code).toBe(1);
  const json = JSON.parse(run.stdout);
  expect(json.merged.map((m: { file: string }) => m.file).sort()).toEqual([...good].sort());
  expect(json.findings.map((f: { file: string; code: string }) => [f.file, f.code])).toEqual([
    [files["bom-trang-tinh.xlsx"], "fileTooLarge"],
    [files["bom-custom.xlsx"], "fileTooLarge"],
  ]);
  expect(json.findings[0].message).toContain("phần “xl/worksheets/sheet1.xml” khi giải nén vượt 32 MB");
  expect(json.findings[1].message).toContain("phần “customXml/item1.xml”");
  expect(fs.existsSync(out)).toBe(true);
});

it("refuses a bombed master (sheet or custom XML part) for merge and forms, naming it, writing nothing, under 4 GB", () => {
  for (const bomb of [files["bang-diem-bom.xlsx"], files["bang-diem-bom-custom.xlsx"]]) {
    const out = path.join(dir, "khong-ghi.xlsx");
    const merge = runLimited(["merge", bomb, path.join(formsDir, "so-y-te.xlsx"), "-o", out, "--year", "2020"]);
    expect(merge.signal).toBeNull();
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(`Tệp “${bomb}” quá lớn để đọc an toàn`);
    expect(fs.existsSync(out)).toBe(false);
  }
  const forms = runLimited(["forms", files["bang-diem-bom.xlsx"], "-o", path.join(dir, "phieu-moi"), "--master-out", path.join(dir, "x.xlsx")]);
  expect(forms.code).toBe(2);
  expect(forms.stderr).toContain("quá lớn để đọc an toàn");
  expect(fs.existsSync(path.join(dir, "phieu-moi"))).toBe(false);
});

/** A copy of an .xlsx with one part's text changed (the others as they were). */
function withPart(xlsx: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(xlsx);
  files[part] = strToU8(change(strFromU8(files[part] ?? strToU8(""))));
  return zipSync(files, { level: 6 });
}

describe("the number of cells and of shared strings is bounded too, not only the bytes", () => {
  const emptyCells = (n: number) => `<row r="9000">${`<c r="A9000"/>`.repeat(n)}</row>`;
  const manyStrings = (n: number) => `<si><t/></si>`.repeat(n);

  it("a form of 150 000 empty cells (about 10 KB zipped) or 150 000 shared strings is fileTooLarge naming the file, the count and the part; the good forms merge", () => {
    const form = new Uint8Array(fs.readFileSync(path.join(formsDir, "so-noi-vu.xlsx")));
    const cellsForm = path.join(dir, "o-trong.xlsx");
    const stringsForm = path.join(dir, "chuoi.xlsx");
    fs.writeFileSync(
      cellsForm,
      withPart(form, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</sheetData>", `${emptyCells(150_000)}</sheetData>`)),
    );
    fs.writeFileSync(
      stringsForm,
      withPart(form, "xl/sharedStrings.xml", (xml) => xml.replace("</sst>", `${manyStrings(150_000)}</sst>`)),
    );
    expect(fs.statSync(cellsForm).size).toBeLessThan(FORM_LIMITS.maxPartBytes / 100);
    const good = path.join(formsDir, "so-y-te.xlsx");
    const out = path.join(dir, "da-gop-dem.xlsx");
    const run = runCli(["merge", master, cellsForm, good, stringsForm, "-o", out, "--json", "--year", "2020"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.merged.map((m: { file: string }) => m.file)).toEqual([good]);
    expect(json.findings.map((f: { file: string; code: string }) => [f.file, f.code])).toEqual([
      [cellsForm, "fileTooLarge"],
      [stringsForm, "fileTooLarge"],
    ]);
    expect(json.findings[0].message).toContain(`Tệp “${cellsForm}” quá lớn để đọc an toàn: tệp có hơn 100.000 ô, vượt ở phần “xl/worksheets/sheet1.xml”`);
    expect(json.findings[1].message).toContain("tệp có hơn 100.000 chuỗi văn bản dùng chung, vượt ở phần “xl/sharedStrings.xml”");
    expect(fs.existsSync(out)).toBe(true);
  });

  it("a master of more than a million shared strings is refused by merge and forms, naming it, writing nothing", () => {
    const bytes = new Uint8Array(fs.readFileSync(master));
    const big = path.join(dir, "bang-diem-chuoi.xlsx");
    fs.writeFileSync(
      big,
      withPart(bytes, "xl/sharedStrings.xml", (xml) => xml.replace("</sst>", `${manyStrings(MASTER_LIMITS.maxSharedStrings! + 1)}</sst>`)),
    );
    const out = path.join(dir, "khong-ghi-chuoi.xlsx");
    const merge = runCli(["merge", big, path.join(formsDir, "so-y-te.xlsx"), "-o", out, "--year", "2020"]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(`Tệp “${big}” quá lớn để đọc an toàn: tệp có hơn 1.000.000 chuỗi văn bản dùng chung, vượt ở phần “xl/sharedStrings.xml”`);
    expect(merge.stderr).toContain("Không đọc tiếp, không ghi gì.");
    expect(fs.existsSync(out)).toBe(false);
    const forms = runCli(["forms", big, "-o", path.join(dir, "phieu-chuoi"), "--master-out", path.join(dir, "y.xlsx"), "--lang", "en"]);
    expect(forms.code).toBe(2);
    expect(forms.stderr).toContain("it has more than 1,000,000 shared strings, passed in its part “xl/sharedStrings.xml”");
    expect(fs.existsSync(path.join(dir, "phieu-chuoi"))).toBe(false);
  });
});
