/**
 * The corpus through the departments' loop: `forms --master-out` and `merge` on the hand-written
 * workbook (chart, image, pivot table, comment, names, validation, conditional formats, CR LF text,
 * hidden and very hidden sheets). Every entry they do not own is byte-identical in the master they
 * write, the cells of the grid they do not write are written as they were, the loop sheets follow the
 * grid (the sheets after it, their local names and the active tab moved one place each), and
 * LibreOffice reads the merged master with its chart, image, comment and pivot table.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { mergeForms, MergeOutcome, writeForms } from "../../src/cli/forms";
import { presetRules } from "../../src/core/rules/rules";
import { STORE_SHEET } from "../../src/core/store/store";
import { partName } from "../../src/xlsx/package";
import { eachCell, eachRow, XlsxWorkbook } from "../../src/xlsx/workbook";
import { tempDir } from "../cli/helpers";
import { referenceSheet } from "../fixtures/reference";
import { expectUnownedIdentical, openpyxlCorpus } from "../xlsx/corpus";
import { FixtureCell } from "../xlsx/ooxml";
import { fillWorkbook } from "./helpers";

const rules = presetRules();
const dir = tempDir();
const master = path.join(dir, "bang-diem.xlsx");
const keyed = path.join(dir, "bang-diem-co-khoa.xlsx");
const merged = path.join(dir, "da-gop.xlsx");
const formsDir = path.join(dir, "phieu");
let returned: string[] = [];
let outcome: MergeOutcome;
const open = (file: string) => XlsxWorkbook.open(new Uint8Array(fs.readFileSync(file)));

beforeAll(async () => {
  // The first two agencies have not been scored yet: their forms' scores are merged into the grid.
  const grid = referenceSheet() as FixtureCell[][];
  for (const row of [4, 5]) for (let c = 2; c <= 7; c++) grid[row][c] = null;
  fs.writeFileSync(master, openpyxlCorpus(grid));
  const forms = await writeForms({ master, dir: formsDir, masterOut: keyed, year: 2020 });
  if (!forms.ok) throw new Error(forms.message.message);
  returned = forms.forms.slice(0, 2).map((f) => path.join(formsDir, f.file));
  for (const file of returned) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    fillWorkbook(wb, rules, Object.fromEntries(rules.groups.map((g) => [g.name, 30])), { [rules.groups[0].name]: "Báo cáo số 1/BC" });
    await wb.xlsx.writeFile(file);
  }
  outcome = await mergeForms({ master: keyed, forms: returned, output: merged, year: 2020, now: new Date("2026-12-07T03:00:00Z") });
  if (!outcome.ok) throw new Error(outcome.message.message);
});

const LISTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];

it("forms --master-out copies every entry but the workbook's lists and styles as stored (the grid sheet too), and adds the store", () => {
  const before = open(master);
  const after = open(keyed);
  expect(expectUnownedIdentical(before.pkg, after.pkg, LISTS)).toBeGreaterThanOrEqual(15);
  expect(after.sheets.map((s) => [s.name, s.state]).at(-1)).toEqual([STORE_SHEET, "veryHidden"]);
});

it("merge copies every entry it does not own as stored: chart, drawing, image, pivot table and cache, comment, other sheets", () => {
  const before = open(keyed);
  const after = open(merged);
  const grid = before.sheet("Bảng điểm")!.part!;
  const store = before.sheet(STORE_SHEET)!.part!;
  const compared = expectUnownedIdentical(before.pkg, after.pkg, [...LISTS, grid, store]);
  expect(compared).toBeGreaterThanOrEqual(15);
  for (const part of ["xl/media/image1.png", "xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheRecords1.xml", "xl/charts/chart1.xml"])
    expect([part, after.pkg.has(part)]).toEqual([part, true]);
});

it("merge writes only the cells of its plan on the grid; every other cell is written as it was", () => {
  if (!outcome.ok) throw new Error("merge failed");
  const written = new Set(outcome.plan.writes.map((w) => `${w.row}:${w.col}`));
  expect(outcome.json.merged).toHaveLength(2);
  expect(outcome.plan.writes.length).toBeGreaterThan(0);
  const cells = (wb: XlsxWorkbook) => {
    const map = new Map<string, string>();
    const text = new TextDecoder().decode(wb.pkg.read(wb.sheet("Bảng điểm")!.part!));
    for (const row of eachRow(text)) for (const c of eachCell(row.body)) map.set(`${row.index}:${c.col}`, c.raw);
    return map;
  };
  const a = cells(open(keyed));
  const b = cells(open(merged));
  let kept = 0;
  for (const [key, raw] of a) {
    if (written.has(key)) continue;
    expect([key, b.get(key)]).toEqual([key, raw]);
    kept++;
  }
  expect(kept).toBeGreaterThan(150);
  for (const w of outcome.plan.writes) expect(open(merged).readSheet("Bảng điểm").values[w.row][w.col]).toBe(w.value);
});

it("puts the loop sheets right after the grid: the sheets after it, their local names and the active tab move one place each", () => {
  const after = open(merged);
  expect(after.sheets.map((s) => [s.name, s.state])).toEqual([
    ["Bảng điểm", "visible"],
    ["Tự đánh giá", "visible"],
    ["Chênh lệch", "visible"],
    ["Theo dõi phiếu", "visible"],
    ["Ghi chép", "visible"],
    ["Ẩn", "hidden"],
    ["Ẩn hẳn", "veryHidden"],
    [STORE_SHEET, "veryHidden"],
  ]);
  const workbook = after.pkg.readText(after.workbookPart);
  expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="4">'Ghi chép'!$A$1:$C$3</definedName>`);
  expect(workbook).toContain(`<definedName name="DiemHaTang">'Bảng điểm'!$C$5:$C$23</definedName>`);
  expect(workbook).toContain(`activeTab="0"`);
  expect(workbook).toContain(`<pivotCache cacheId="1" r:id="rIdPC"/>`);
  const self = after.readSheet("Tự đánh giá").values;
  expect(self.flat()).toContain("Báo cáo số 1/BC");
});

it("merging the same forms again replaces the loop sheets in place", async () => {
  const again = path.join(dir, "gop-lai.xlsx");
  const second = await mergeForms({ master: merged, forms: returned, output: again, year: 2020, now: new Date("2026-12-07T04:00:00Z") });
  expect(second.ok).toBe(true);
  expect(open(again).sheets.map((s) => s.name)).toEqual(open(merged).sheets.map((s) => s.name));
  expect(open(again).pkg.readText("xl/workbook.xml")).toContain(`localSheetId="4">'Ghi chép'`);
});

it("LibreOffice reads the merged master and keeps its chart, image, comment and pivot table", () => {
  expect(spawnSync("soffice", ["--version"]).error).toBeUndefined(); // .ci/run installs libreoffice-calc
  const lo = spawnSync("soffice", ["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "lo"), merged], {
    encoding: "utf8",
    timeout: 120000,
    env: { ...process.env, HOME: dir },
  });
  expect(lo.status).toBe(0);
  const again = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(dir, "lo", "da-gop.xlsx"))));
  expect(again.sheets.map((s) => s.name).slice(0, 5)).toEqual(["Bảng điểm", "Tự đánh giá", "Chênh lệch", "Theo dõi phiếu", "Ghi chép"]);
  const names = again.pkg.entries.map((e) => partName(e.name));
  for (const kind of [
    /^xl\/charts\/chart\d+\.xml$/,
    /^xl\/media\/image\d+\.png$/,
    /^xl\/comments\d*\.xml$|^xl\/comments\/comment\d+\.xml$/,
    /^xl\/pivotTables\/pivotTable\d+\.xml$/,
  ])
    expect([kind.source, names.some((n) => kind.test(n))]).toEqual([kind.source, true]);
});

it("merge locates the master's grid once and scores it once", async () => {
  const grid = await import("../../src/core/grid/grid");
  const scoring = await import("../../src/core/grid/scoring");
  const located = jest.spyOn(grid, "locateGrid");
  const scored = jest.spyOn(scoring, "scoreSheet");
  try {
    const again = await mergeForms({ master: keyed, forms: returned, output: path.join(dir, "dem.xlsx"), year: 2020 });
    expect(again.ok).toBe(true);
    expect([located.mock.calls.length, scored.mock.calls.length]).toEqual([1, 1]);
  } finally {
    located.mockRestore();
    scored.mockRestore();
  }
});
