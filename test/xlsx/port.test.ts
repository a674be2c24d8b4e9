/**
 * `score -o --annex` through the package port, on workbooks made by two writers (ExcelJS, and
 * hand-written OOXML laid out as openpyxl does): every zip entry the tool does not own is
 * byte-identical in the output, every cell of the grid sheet it does not own is written as it was,
 * and the output reads back.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { scoreWorkbook } from "../../src/cli/score";
import { readSheet } from "../../src/cli/workbook";
import { STORE_SHEET } from "../../src/core/store/store";
import { openPackage, partName } from "../../src/xlsx/package";
import { XlsxPort } from "../../src/xlsx/port";
import { eachCell, eachRow, XlsxWorkbook } from "../../src/xlsx/workbook";
import { referenceSheet } from "../fixtures/reference";
import { excelJsCorpus, expectUnownedIdentical, openpyxlCorpus } from "./corpus";
import { FixtureCell, openpyxlStyle } from "./ooxml";

const DECISION = { number: "06/QĐ-UBND", date: "05/01/2021", province: "Thái Bình", year: 2020 };
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-port-"));

async function scoreBytes(bytes: Uint8Array, extra: { annex?: boolean } = { annex: true }) {
  const dir = tempDir();
  const input = path.join(dir, "vao.xlsx");
  const output = path.join(dir, "ra.xlsx");
  fs.writeFileSync(input, bytes);
  const outcome = await scoreWorkbook({ input, output, annex: extra.annex, decision: DECISION, now: new Date("2026-12-07T03:00:00Z") });
  if (!outcome.ok) throw new Error(outcome.message.message);
  return { outcome, out: new Uint8Array(fs.readFileSync(output)), input: new Uint8Array(fs.readFileSync(input)) };
}

/** The parts the writer owns for a score of `grid` (the grid sheet, the workbook's lists, styles, the new sheets). */
function ownedParts(before: XlsxWorkbook, grid: string): Set<string> {
  const owned = new Set<string>([before.workbookPart, "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", before.sheet(grid)!.part!]);
  const store = before.sheet(STORE_SHEET)?.part;
  if (store) owned.add(store);
  return new Set([...owned].map((p) => p.toLowerCase()));
}

/** Every cell of the grid sheet outside the result columns and the marked cells is written as it was. */
function expectGridCellsKept(before: XlsxWorkbook, after: XlsxWorkbook, sheet: string, owned: (row: number, col: number) => boolean) {
  const cells = (wb: XlsxWorkbook) => {
    const text = new TextDecoder().decode(wb.pkg.read(wb.sheet(sheet)!.part!));
    const map = new Map<string, string>();
    for (const row of eachRow(text)) for (const c of eachCell(row.body)) map.set(`${row.index}:${c.col}`, c.raw);
    return map;
  };
  const a = cells(before);
  const b = cells(after);
  let kept = 0;
  for (const [key, raw] of a) {
    const [r, c] = key.split(":").map(Number);
    if (owned(r, c)) continue;
    expect([key, b.get(key)]).toEqual([key, raw]);
    kept++;
  }
  return kept;
}

describe.each([
  // ExcelJS itself cannot open openpyxl's comments (absolute part paths): the input as the output.
  ["hand-written OOXML (openpyxl's layout)", async () => openpyxlCorpus(), false],
  ["ExcelJS", excelJsCorpus, true],
])("score -o --annex on a workbook written by %s", (_writer, make, exceljsReads) => {
  let before: XlsxWorkbook;
  let after: XlsxWorkbook;
  let result: Awaited<ReturnType<typeof scoreBytes>>;

  beforeAll(async () => {
    result = await scoreBytes(await make());
    before = XlsxWorkbook.open(result.input);
    after = XlsxWorkbook.open(result.out);
  });

  it("copies every entry it does not own byte for byte (chart, drawing, image, pivot table, comment, other sheets, properties)", () => {
    const compared = expectUnownedIdentical(before.pkg, after.pkg, ownedParts(before, "Bảng điểm"));
    expect(compared).toBeGreaterThanOrEqual(6);
    expect(after.pkg.entries.some((e) => /^xl\/media\/image1\.png$/.test(partName(e.name)))).toBe(true);
  });

  it("keeps the workbook's links to what it does not own: the pivot cache, the image's type", () => {
    const types = after.pkg.readText("[Content_Types].xml");
    expect(types).toMatch(/Extension="png"/i);
    if (!before.pkg.has("xl/pivotCache/pivotCacheDefinition1.xml")) return;
    const workbook = after.pkg.readText(after.workbookPart);
    const id = /<pivotCache cacheId="1" r:id="([^"]+)"\/>/.exec(workbook)?.[1];
    expect(id).toBe("rIdPC");
    expect(after.workbookRels.find((r) => r.id === id)).toMatchObject({ target: "xl/pivotCache/pivotCacheDefinition1.xml" });
    expect(types).toContain("/xl/pivotTables/pivotTable1.xml");
    expect(types).toContain("/xl/pivotCache/pivotCacheRecords1.xml");
  });

  it("keeps every cell of the grid it does not own as it was written; marks only the 55", () => {
    const lastCol = 8; // Ghi chú
    const kept = expectGridCellsKept(before, after, "Bảng điểm", (r, c) => c > lastCol || (r === 9 && c === 7));
    expect(kept).toBeGreaterThan(150);
  });

  it("adds the annex and the store, keeps the sheets' states, defined names and CR LF text", async () => {
    expect(after.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Bảng điểm", "visible"],
      ["Ghi chép", "visible"],
      ["Ẩn", "hidden"],
      ["Ẩn hẳn", "veryHidden"],
      ["Phụ lục", "visible"],
      [STORE_SHEET, "veryHidden"],
    ]);
    const workbook = after.pkg.readText(after.workbookPart);
    expect(workbook).toContain("DiemHaTang");
    expect(workbook).toMatch(/_xlnm\.Print_Titles" localSheetId="4"/);
    expect(after.readSheet("Ghi chép").values[0][0]).toBe("Dòng một\r\nDòng hai");
  });

  it("reads back: the results, the annex, the store (in ExcelJS where ExcelJS reads the input)", async () => {
    const mine = XlsxWorkbook.open(result.out).readSheet("Bảng điểm").values;
    expect(mine[4].slice(9, 13)).toEqual([497.1, 0.998, "Tốt", 1]);
    if (!exceljsReads) {
      await expect(new ExcelJS.Workbook().xlsx.load(result.input as unknown as ArrayBuffer)).rejects.toThrow();
      return;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(result.out as unknown as ArrayBuffer);
    const grid = readSheet(wb.getWorksheet("Bảng điểm")!).values;
    expect(grid[3].slice(9, 13)).toEqual(["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"]);
    expect(grid[4].slice(9, 13)).toEqual([497.1, 0.998, "Tốt", 1]);
    const annex = readSheet(wb.getWorksheet("Phụ lục")!).values.flat();
    expect(annex).toContain("Sở Thông tin và Truyền thông");
    expect(wb.getWorksheet(STORE_SHEET)!.state).toBe("veryHidden");
    // The mark on the 55 (H10): its own fill recorded, the mark's fill on the cell.
    expect(wb.getWorksheet("Bảng điểm")!.getCell("H10").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
  });

  it("scores its own output again to the same results, rewriting only its own cells", async () => {
    const again = await scoreBytes(result.out);
    const a = XlsxWorkbook.open(result.out);
    const b = XlsxWorkbook.open(again.out);
    expect(b.readSheet("Bảng điểm").values).toEqual(a.readSheet("Bảng điểm").values);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  });
});

it("the output of the openpyxl-layout corpus opens in LibreOffice with the results, its chart, image, comment and pivot table", async () => {
  expect(spawnSync("soffice", ["--version"]).error).toBeUndefined(); // .ci/run installs libreoffice-calc
  const { out } = await scoreBytes(openpyxlCorpus());
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "ra.xlsx"), out);
  // LibreOffice reads the output and saves it again: what it kept is what it could read.
  const lo = spawnSync("soffice", ["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "lo"), path.join(dir, "ra.xlsx")], {
    encoding: "utf8",
    timeout: 120000,
    env: { ...process.env, HOME: dir },
  });
  expect(lo.status).toBe(0);
  const again = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(dir, "lo", "ra.xlsx"))));
  const grid = again.readSheet("Bảng điểm").values;
  expect(grid[4].slice(0, 13)).toEqual([1, "Sở Thông tin và Truyền thông", 50, 99.1, 98, 100, 100, 50, "", 497.1, 0.998, "Tốt", 1]);
  expect(again.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Bảng điểm", "Ghi chép", "Phụ lục"]));
  const names = again.pkg.entries.map((e) => partName(e.name));
  for (const kind of [
    /^xl\/charts\/chart\d+\.xml$/,
    /^xl\/media\/image\d+\.png$/,
    /^xl\/comments\d*\.xml$|^xl\/comments\/comment\d+\.xml$/,
    /^xl\/pivotTables\/pivotTable\d+\.xml$/,
  ])
    expect([kind.source, names.some((n) => kind.test(n))]).toEqual([kind.source, true]);
});

describe("hostile workbooks", () => {
  it("a score beyond the double range, a far cell and merged cells: the output reads back, their cells written as they were", async () => {
    const grid = referenceSheet() as FixtureCell[][];
    grid[6][4] = { num: "1.797693134862316e+308" };
    grid[7][5] = { num: "1E+400" };
    const far = `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>lạc</t></is></c></row>`;
    const bytes = openpyxlStyle([{ name: "Bảng điểm", rows: grid, afterData: `<mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells>` }]);
    const pkg = openPackage(bytes);
    const sheet = pkg.readText("xl/worksheets/sheet1.xml").replace("</sheetData>", `${far}</sheetData>`);
    const { strToU8, zipSync } = await import("fflate");
    const files: Record<string, Uint8Array> = {};
    for (const e of pkg.entries) files[e.name] = e.name === "xl/worksheets/sheet1.xml" ? strToU8(sheet) : pkg.read(e.name);
    const { out } = await scoreBytes(zipSync(files));
    const text = new TextDecoder().decode(openPackage(out).read("xl/worksheets/sheet1.xml"));
    expect(text).toContain("<v>1.797693134862316e+308</v>");
    expect(text).toContain("<v>1E+400</v>");
    expect(text).not.toContain("Infinity");
    expect(text).toContain(far);
    expect(text).toContain(`<mergeCell ref="A1:I1"/>`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Bảng điểm")!.getCell("J5").value).toBe(497.1);
  });
});

describe("parts written in batches", () => {
  it.each([
    ["Node's zlib (the command line's codec)", true],
    ["fflate", false],
  ])("a store of several MB written with %s reads back whole, its checksum right", async (_codec, native) => {
    const { setNativeCodec } = await import("../../src/xlsx/edit");
    const zlib = await import("zlib");
    setNativeCodec(
      native
        ? {
            deflate: (d, final) => new Uint8Array(zlib.deflateRawSync(d, { finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH })),
            crc32: (d, crc) => zlib.crc32(d, crc),
          }
        : null,
    );
    try {
      const port = XlsxPort.open(openpyxlCorpus());
      const note = "ghi chú ".repeat(400_000);
      port.writeStore({ decision: { subject: note } });
      const back = XlsxPort.open(port.toBytes());
      const stored = back.readStore();
      expect(stored.ok && stored.state.decision?.subject).toBe(note);
    } finally {
      setNativeCodec(null);
    }
  });
});
