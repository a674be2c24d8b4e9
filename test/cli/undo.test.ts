/**
 * `undo IN.xlsx -o OUT.xlsx`: a workbook scored with `score -o` is given back by `undo -o` as the pane's
 * "Hoàn tác" would: the grid's cells as they were (contents, fills, number formats, fonts), every zip entry the
 * tool does not own byte for byte, "Hoàn tác" in the log; a cell edited since is left alone and named; nothing to
 * undo, or an output that is the input, is refused with nothing written. On both writers of the corpus.
 */
import * as fs from "fs";
import * as path from "path";
import { STORE_SHEET } from "../../src/core/store/store";
import { lockTime } from "../../src/core/store/lock";
import { logSheet } from "../../src/core/store/log";
import { parseCell } from "../../src/core/base/address";
import { StyleBook } from "../../src/xlsx/styles";
import { XlsxPort } from "../../src/xlsx/port";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { excelJsCorpus, expectUnownedIdentical, openpyxlCorpus } from "../xlsx/corpus";
import { tempDir } from "./helpers";
import { run } from "./in-process";

const GRID = "Bảng điểm";
const LISTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
const open = (file: string) => XlsxWorkbook.open(new Uint8Array(fs.readFileSync(file)));

/** Each cell of a sheet as one sees it: its content (formula or value), fill, number format and font. */
function cellsOf(wb: XlsxWorkbook, sheet: string): Map<string, string> {
  const read = wb.readSheet(sheet);
  const styles = new StyleBook(wb.pkg.readText("xl/styles.xml"));
  const cells = new Map<string, string>();
  const rows = Math.max(read.formulas.length, read.styles.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(read.formulas[r]?.length ?? 0, read.styles[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const s = read.styles[r]?.[c] ?? 0;
      const seen = [read.formulas[r]?.[c] ?? "", styles.fillColor(s), styles.numberFormat(s), styles.fontName(s) ?? ""];
      // A cell with nothing in it and the default look is no cell.
      if (seen[0] === "" && seen[1] === null && seen[2] === "General" && seen[3] === (styles.fontName(0) ?? "")) continue;
      cells.set(`${r},${c}`, JSON.stringify(seen));
    }
  }
  return cells;
}

describe.each([
  ["hand-written OOXML (openpyxl's layout)", "openpyxl", async () => openpyxlCorpus()],
  ["ExcelJS", "exceljs", excelJsCorpus],
])("score -o, then undo -o, on a workbook written by %s", (_writer, tag, make) => {
  const dir = tempDir();
  const file = (name: string) => path.join(dir, `${tag}-${name}.xlsx`);

  beforeAll(async () => {
    fs.writeFileSync(file("vao"), await make());
    const scored = await run(["score", file("vao"), "-o", file("cham")]);
    expect(fs.existsSync(file("cham"))).toBe(true);
    expect(scored.stderr).not.toContain("Lỗi:");
  });

  it("gives back the original cells; every entry the tool does not own is byte-identical; the log says “Hoàn tác”", async () => {
    const undone = await run(["undo", file("cham"), "-o", file("hoan-tac"), "--by", "Nguyễn Văn A"]);
    expect([undone.code, undone.stderr]).toEqual([0, ""]);
    expect(undone.stdout).toMatch(new RegExp(`^Đã hoàn tác “Tính điểm” lúc \\d\\d:\\d\\d trên trang “${GRID}”\\. Đã ghi “.*hoan-tac\\.xlsx”\\.$`));
    const before = open(file("vao"));
    const scored = open(file("cham"));
    const after = open(file("hoan-tac"));
    // The scores changed the grid; the undo gives every cell back as it was.
    expect(cellsOf(scored, GRID)).not.toEqual(cellsOf(before, GRID));
    expect(cellsOf(after, GRID)).toEqual(cellsOf(before, GRID));
    expect(after.readSheet(GRID).values).toEqual(before.readSheet(GRID).values);
    expect(expectUnownedIdentical(before.pkg, after.pkg, [...LISTS, before.sheet(GRID)!.part!])).toBeGreaterThanOrEqual(tag === "openpyxl" ? 18 : 8);
    expect(after.sheets.map((s) => [s.name, s.state])).toEqual([...before.sheets.map((s) => [s.name, s.state]), [STORE_SHEET, "veryHidden"]]);
    const stored = XlsxPort.open(new Uint8Array(fs.readFileSync(file("hoan-tac")))).readStore();
    if (!stored.ok) throw new Error(stored.message);
    expect(stored.state.undo).toBeUndefined();
    expect(stored.state.written).toBeUndefined();
    expect(stored.state.log?.entries.map((e) => [e.action, e.via, e.by])).toEqual([
      ["score", "cli", ""],
      ["undo", "cli", "Nguyễn Văn A"],
    ]);
  });

  it("once: a second undo finds nothing to undo and writes nothing", async () => {
    const again = await run(["undo", file("hoan-tac"), "-o", file("hoan-tac-2")]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Không có thao tác nào để hoàn tác trong “.*hoan-tac\.xlsx”.*Chưa ghi gì\./);
    expect(fs.existsSync(file("hoan-tac-2"))).toBe(false);
  });

  it("a result cell edited since the scores is left alone and named; the others come back", async () => {
    const port = XlsxPort.open(new Uint8Array(fs.readFileSync(file("cham"))));
    const stored = port.readStore();
    if (!stored.ok) throw new Error(stored.message);
    const address = stored.state.undo!.cells[0].address.split(":")[0];
    const at = parseCell(address);
    port.writeValues(GRID, [{ row: at.row, col: at.col, value: 77 }]);
    fs.writeFileSync(file("sua"), port.toBytes());
    const undone = await run(["undo", file("sua"), "-o", file("sua-hoan-tac")]);
    expect(undone.code).toBe(0);
    expect(undone.stderr).toBe(`Các ô đã được sửa sau thao tác đó được để nguyên, không hoàn tác: ${address}.`);
    const after = open(file("sua-hoan-tac")).readSheet(GRID).values;
    const before = open(file("vao")).readSheet(GRID).values;
    expect(after[at.row][at.col]).toBe(77);
    after[at.row][at.col] = before[at.row]?.[at.col] ?? "";
    expect(after.map((r) => r.filter((v) => v !== ""))).toEqual(before.map((r) => r.filter((v) => v !== "")));
  });
});

describe("undo of a sheet the add-in added (the pane's “Xem nhật ký”, put just after the grid)", () => {
  const dir = tempDir();
  const file = (name: string) => path.join(dir, `${name}.xlsx`);
  const LOG = "Nhật ký";

  beforeAll(() => {
    fs.writeFileSync(file("vao"), openpyxlCorpus());
    // As the pane leaves it: the sheet put, its journal in the store.
    const port = XlsxPort.open(new Uint8Array(fs.readFileSync(file("vao"))));
    port.putSheet(logSheet({ entries: [] }, lockTime, LOG), GRID);
    port.writeStore({ undo: { action: "logSheet", at: "2026-12-07T03:00:00.000Z", sheet: LOG, cells: [], fills: [], previousState: {} } });
    fs.writeFileSync(file("nhat-ky"), port.toBytes());
  });

  it("the sheet goes with its part and its entries; the other sheets' names follow back; every other entry is byte-identical", async () => {
    const added = open(file("nhat-ky"));
    expect(added.sheets.map((s) => s.name)).toEqual([GRID, LOG, "Ghi chép", "Ẩn", "Ẩn hẳn", STORE_SHEET]);
    expect(added.pkg.readText("xl/workbook.xml")).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="2">`);
    const undone = await run(["undo", file("nhat-ky"), "-o", file("ra")]);
    expect([undone.code, undone.stderr]).toEqual([0, ""]);
    expect(undone.stdout).toMatch(/^Đã hoàn tác “Trang Nhật ký” lúc \d\d:\d\d trên trang “Nhật ký”\./);
    const before = open(file("vao"));
    const after = open(file("ra"));
    expect(after.sheets.map((s) => [s.name, s.state])).toEqual([...before.sheets.map((s) => [s.name, s.state]), [STORE_SHEET, "veryHidden"]]);
    const workbook = after.pkg.readText("xl/workbook.xml");
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">`);
    expect(workbook).not.toContain(LOG);
    const part = added.sheet(LOG)!.part!;
    expect(after.pkg.has(part)).toBe(false);
    expect(after.pkg.readText("[Content_Types].xml")).not.toContain(`/${part}"`);
    expect(after.pkg.readText("xl/_rels/workbook.xml.rels")).not.toContain(added.sheet(LOG)!.rId + '"');
    expect(expectUnownedIdentical(before.pkg, after.pkg, LISTS)).toBeGreaterThanOrEqual(18);
  });

  it("a sheet edited since it was made is kept, and the undo refused", async () => {
    const port = XlsxPort.open(new Uint8Array(fs.readFileSync(file("nhat-ky"))));
    port.writeValues(LOG, [{ row: 0, col: 0, value: "Ghi chép của tôi" }]);
    fs.writeFileSync(file("sua"), port.toBytes());
    const r = await run(["undo", file("sua"), "-o", file("ra-2")]);
    expect([r.code, fs.existsSync(file("ra-2"))]).toEqual([2, false]);
    expect(r.stderr).toContain(`trang “${LOG}” đã được sửa hoặc thay từ sau khi công cụ tạo ra nó`);
  });
});

describe("undo refuses, with nothing written", () => {
  const dir = tempDir();
  const file = (name: string) => path.join(dir, `${name}.xlsx`);

  beforeAll(async () => {
    fs.writeFileSync(file("vao"), openpyxlCorpus());
  });

  it("a workbook never scored: nothing to undo (in English with --lang en)", async () => {
    const r = await run(["undo", file("vao"), "-o", file("ra"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: There is nothing to undo in “.*vao\.xlsx”: .*Nothing was written\.$/);
    expect(fs.existsSync(file("ra"))).toBe(false);
  });

  it("scored with the annex: the run keeps no undo record, so there is nothing to undo", async () => {
    const decision = ["--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--province", "Thái Bình", "--year", "2020"];
    await run(["score", file("vao"), "-o", file("phu-luc"), "--annex", ...decision]);
    const r = await run(["undo", file("phu-luc"), "-o", file("ra")]);
    expect([r.code, fs.existsSync(file("ra"))]).toEqual([2, false]);
    expect(r.stderr).toContain("Không có thao tác nào để hoàn tác");
  });

  it("locked results: refused (a lock clears the journal; one kept by an edited store is not used)", async () => {
    await run(["score", file("vao"), "-o", file("tinh")]);
    expect((await run(["lock", file("tinh"), "-o", file("chot"), "--confirm-errors"])).code).toBe(0);
    const nothing = await run(["undo", file("chot"), "-o", file("ra")]);
    expect([nothing.code, nothing.stderr]).toEqual([2, expect.stringContaining("Không có thao tác nào để hoàn tác")]);
    // The journal put back beside the lock, as an edited store would have it.
    const locked = XlsxPort.open(new Uint8Array(fs.readFileSync(file("chot"))));
    const scored = XlsxPort.open(new Uint8Array(fs.readFileSync(file("tinh")))).readStore();
    const state = locked.readStore();
    if (!state.ok || !scored.ok) throw new Error("store");
    locked.writeStore({ ...state.state, undo: scored.state.undo });
    fs.writeFileSync(file("sua"), locked.toBytes());
    const refused = await run(["undo", file("sua"), "-o", file("ra")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Kết quả đã được chốt \(mã kiểm tra [2-9A-Z]{4}-[2-9A-Z]{4}, .*không Hoàn tác được nữa\..*Chưa có ô nào bị thay đổi\./);
    expect(fs.existsSync(file("ra"))).toBe(false);
  });

  it("through the output guard: the input as the output, an existing file without --force, no -o", async () => {
    await run(["score", file("vao"), "-o", file("cham")]);
    const bytes = fs.readFileSync(file("cham"));
    const same = await run(["undo", file("cham"), "-o", file("cham")]);
    expect([same.code, same.stderr]).toEqual([2, expect.stringContaining("chính là tệp đầu vào")]);
    fs.writeFileSync(file("co-san"), "x");
    const existing = await run(["undo", file("cham"), "-o", file("co-san")]);
    expect([existing.code, fs.readFileSync(file("co-san"), "utf8")]).toEqual([2, "x"]);
    const noOutput = await run(["undo", file("cham")]);
    expect([noOutput.code, noOutput.stderr]).toEqual([2, expect.stringContaining("-o OUT.xlsx")]);
    expect(fs.readFileSync(file("cham")).equals(bytes)).toBe(true);
  });
});
