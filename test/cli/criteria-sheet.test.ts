/**
 * `xep-hang-cntt criteria`: the example's criteria set written back as the “Bộ tiêu chí” sheet (--to-sheet), read
 * back into the rules kept in the workbook (--from-sheet) the same; a problem on the sheet named by its cell; the
 * user's sheet never written over.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { CRITERIA_SHEET, isCriteriaSheetTitle } from "../../src/core/rules/criteria-sheet";
import { RulesJson, validateRules } from "../../src/core/rules/rules";
import { XlsxPort } from "../../src/xlsx/port";
import { ROOT, tempDir } from "./helpers";

const EXAMPLE = path.join(ROOT, "examples/bo-tieu-chi-2020.xlsx");

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false, env: { LANG: "vi_VN.UTF-8" } });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const storedRules = (file: string): RulesJson => {
  const stored = XlsxPort.open(new Uint8Array(fs.readFileSync(file))).readStore();
  if (!stored.ok || !stored.state.rules) throw new Error("no rules stored");
  return stored.state.rules;
};
/** The criteria as scoring uses them (validated models, numbers as text). */
const model = (json: RulesJson) => {
  const checked = validateRules(json);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("\n"));
  return JSON.parse(JSON.stringify(checked.rules.groups.map((g) => g.criteria)));
};

describe("xep-hang-cntt criteria", () => {
  const dir = tempDir();
  const sheetFile = path.join(dir, "co-trang.xlsx");
  const backFile = path.join(dir, "doc-lai.xlsx");

  it("--to-sheet writes the rules' criteria as the sheet; --from-sheet reads it back into the stored rules, the same", async () => {
    const written = await run(["criteria", EXAMPLE, "-o", sheetFile, "--to-sheet"]);
    expect(written).toMatchObject({ code: 0, out: `Đã ghi ${sheetFile}: trang “Bộ tiêu chí” với 29 tiêu chí chấm điểm.` });
    const port = XlsxPort.open(new Uint8Array(fs.readFileSync(sheetFile)));
    const values = port.readSheet(CRITERIA_SHEET).values;
    expect(isCriteriaSheetTitle(values[0][0])).toBe(true);
    expect(values.slice(2).filter((r) => /^\d+\.\d+$/.test(String(r[0]))).length).toBeGreaterThan(20);
    // The other sheets are copied as they were.
    expect(port.sheets().map((s) => s.name)).toEqual(expect.arrayContaining(["Chấm điểm 2020", "Chấm điểm chi tiết", CRITERIA_SHEET]));

    const back = await run(["criteria", sheetFile, "-o", backFile, "--from-sheet"]);
    expect(back).toMatchObject({ code: 0, out: `Đã ghi ${backFile}: 29 tiêu chí chấm điểm đọc từ trang “Bộ tiêu chí” được lưu vào quy tắc của sổ tính.` });
    expect(model(storedRules(backFile))).toEqual(model(storedRules(EXAMPLE)));
    // And scoring the workbook read back still gives the published ranking's first agency.
    const scored = await run(["score", backFile, "--json"]);
    const before = await run(["score", EXAMPLE, "--json"]);
    expect(JSON.parse(scored.out).rows.map((r: { name: string; rank: number }) => [r.name, r.rank])).toEqual(
      JSON.parse(before.out).rows.map((r: { name: string; rank: number }) => [r.name, r.rank]),
    );
  });

  it("a problem on the sheet is named by its cell, and nothing is written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheetFile);
    const ws = wb.getWorksheet(CRITERIA_SHEET)!;
    let at = 0;
    ws.eachRow((row, n) => {
      if (at === 0 && row.getCell(1).value === "1.3") at = n;
    });
    ws.getCell(`D${at}`).value = "Tùy";
    const bad = path.join(dir, "sai.xlsx");
    await wb.xlsx.writeFile(bad);
    const out = path.join(dir, "khong-ghi.xlsx");
    const refused = await run(["criteria", bad, "-o", out, "--from-sheet"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`Ô D${at}: cách chấm “Tùy” không rõ`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("never writes over the user's sheet, and says which mode it needs", async () => {
    const again = await run(["criteria", sheetFile, "-o", path.join(dir, "x.xlsx"), "--to-sheet"]);
    expect(again.code).toBe(2);
    expect(again.err).toContain("Sổ tính đã có trang “Bộ tiêu chí”");
    const none = await run(["criteria", EXAMPLE, "-o", path.join(dir, "y.xlsx"), "--from-sheet"]);
    expect(none.err).toContain("Sổ tính không có trang “Bộ tiêu chí” để đọc");
    const neither = await run(["criteria", EXAMPLE, "-o", path.join(dir, "z.xlsx")]);
    expect(neither.err).toContain("cần đúng một trong hai");
  });
});
