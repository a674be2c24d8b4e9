/**
 * Generated workbooks through the command line's scoring (the same code `xep-hang-cntt score`
 * runs, in-process): any grid placement, any cell content a user or a broken export may leave
 * (scores beyond any maximum, ±1e308, text, error values, formulas, booleans, dates, duplicates,
 * exemption notes, text in a result column, a stray value far away). For every workbook:
 * no exception; the input file's bytes unchanged; in OUT.xlsx no value differs from the input
 * outside the result columns of the grid, and no sheet is added but the annex and the add-in's
 * store; no number anywhere (cells or JSON) that is not finite. Bounded in count so the suite stays fast.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import { scoreWorkbook } from "../../src/cli/score";
import { PRESET_THAI_BINH_2020 } from "../../src/core/rules/rules";
import { STORE_SHEET } from "../../src/core/store/store";
import { tempDir } from "./helpers";

const GROUPS = PRESET_THAI_BINH_2020.groups.map((g) => g.name);
const RESULT_HEADERS = ["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"];

type Cell = string | number | boolean | null | Date | { formula: string; result: number } | { error: "#N/A" | "#DIV/0!" };

const score: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(1e308, -1e308, 1e-300, -0.5, 1e15, 123456789012, 55) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>("81,05", " 99.1 ", "abc", "", "1e308", "Không TTHC", "=SUM(A1)", "-", "١٢") },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(true, null, new Date(Date.UTC(2020, 0, 5)), { formula: "40+2", result: 42 }, { error: "#N/A" }) },
);
const name = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom("Sở Tài chính", "Sở Y tế", "Sở Nội vụ", "Thanh tra tỉnh", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Ban Dân tộc"),
  },
  { weight: 1, arbitrary: fc.constantFrom<Cell>("", null, 7, "Tổng cộng", "I. KHỐI SỞ", "Tên cơ quan") },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const note = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Cell>("") },
  { weight: 1, arbitrary: fc.constantFrom<Cell>("Không TTHC", "không có TTHC", "ghi chú", 5) },
);

const workbook = fc.record({
  top: fc.integer({ min: 0, max: 4 }),
  left: fc.integer({ min: 0, max: 3 }),
  withResults: fc.boolean(),
  rows: fc.array(fc.record({ name, scores: fc.array(score, { minLength: 6, maxLength: 6 }), note }), { minLength: 1, maxLength: 12 }),
  /** A user's text in a result column, or a value far away on the sheet. */
  extra: fc.oneof(
    { weight: 14, arbitrary: fc.constant("none") },
    { weight: 3, arbitrary: fc.constant("textInResult") },
    { weight: 2, arbitrary: fc.constantFrom("far", "farRow") },
  ),
  annex: fc.boolean(),
});

type Generated = typeof workbook extends fc.Arbitrary<infer T> ? T : never;

async function write(g: Generated, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chấm điểm");
  const header = ["STT", "Tên cơ quan", ...GROUPS, "Ghi chú", ...(g.withResults ? RESULT_HEADERS : [])];
  const put = (r: number, c: number, v: Cell) => {
    if (v !== null && v !== "") ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
  };
  header.forEach((h, c) => put(g.top, g.left + c, h));
  g.rows.forEach((row, i) => {
    const r = g.top + 1 + i;
    put(r, g.left, i + 1);
    put(r, g.left + 1, row.name);
    row.scores.forEach((s, j) => put(r, g.left + 2 + j, s));
    put(r, g.left + 8, row.note);
  });
  if (g.extra === "textInResult") put(g.top + 1, g.left + 9, "của người dùng");
  if (g.extra === "far") put(1048575, 16383, "lạc");
  if (g.extra === "farRow") put(200000, g.left + 1, "dòng rất xa");
  wb.addWorksheet("Ghi chép").getCell("B2").value = "ghi chép riêng";
  await wb.xlsx.writeFile(file);
}

/** Every non-empty cell of a sheet by address, as comparable text. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const cells = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== null && cell.value !== "") cells.set(cell.address, JSON.stringify(cell.value));
    }),
  );
  return cells;
}

const numbersOf = (ws: ExcelJS.Worksheet): number[] => {
  const out: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as unknown;
      if (typeof v === "number") out.push(v);
      if (v && typeof v === "object" && typeof (v as { result?: unknown }).result === "number") out.push((v as { result: number }).result);
    }),
  );
  return out;
};

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("fuzz: generated workbooks through the command line", () => {
  const dir = tempDir();
  let n = 0;
  let written = 0;

  it("never crashes, never writes outside the result columns and the annex, never writes a non-finite number, never touches the input", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (g) => {
        const input = path.join(dir, `in-${n}.xlsx`);
        const output = path.join(dir, `out-${n++}.xlsx`);
        await write(g, input);
        const before = sha(input);
        const decision = g.annex ? { number: "06/QĐ-UBND", date: "05/01/2021", year: 2020 } : {};
        const outcome = await scoreWorkbook({ input, output, annex: g.annex, decision, now: new Date("2021-01-05T00:00:00Z") });

        expect(sha(input)).toBe(before);
        expect(fs.readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
        if (!outcome.ok) {
          expect(fs.existsSync(output)).toBe(false);
          return;
        }
        written++;
        for (const r of outcome.json.rows) for (const v of [r.total, r.maxPoints, r.index]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
        expect(JSON.stringify(outcome.json)).not.toMatch(/Infinity|NaN/);

        const [inWb, outWb] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
        await inWb.xlsx.readFile(input);
        await outWb.xlsx.readFile(output);
        // No sheet added but the annex and the store; every sheet of the input still there.
        const added = outWb.worksheets.map((w) => w.name).filter((nm) => !inWb.getWorksheet(nm));
        expect(added.filter((nm) => nm !== STORE_SHEET && nm !== outcome.annexSheet)).toEqual([]);
        for (const ws of outWb.worksheets) expect(numbersOf(ws).filter((v) => !Number.isFinite(v))).toEqual([]);

        // The result columns: the header row's result headers, from the header's top to the table's last row.
        const { layout } = outcome.result;
        const scored = outWb.getWorksheet(outcome.sheet)!;
        const resultCols = new Set<number>();
        scored.getRow(layout.headerRow + 1).eachCell((cell, c) => {
          if (RESULT_HEADERS.includes(String(cell.value))) resultCols.add(c);
        });
        expect(resultCols.size).toBe(4);
        const inResults = (address: string) => {
          const cell = scored.getCell(address);
          return resultCols.has(Number(cell.col)) && Number(cell.row) >= layout.headerTop + 1 && Number(cell.row) <= layout.lastRow + 1;
        };
        for (const inWs of inWb.worksheets) {
          const before = cellsOf(inWs);
          const after = cellsOf(outWb.getWorksheet(inWs.name)!);
          const changed = [...new Set([...before.keys(), ...after.keys()])].filter((a) => before.get(a) !== after.get(a));
          const outside = inWs.name === outcome.sheet ? changed.filter((a) => !inResults(a)) : changed;
          expect(outside).toEqual([]);
        }
      }),
      { numRuns: 20 },
    );
    // Not a vacuous run: most generated workbooks have a grid, so most are scored and written.
    expect(written).toBeGreaterThan(5);
    // About 10 s on an idle machine; the bound leaves room for a loaded CI runner.
  }, 240000);
});
