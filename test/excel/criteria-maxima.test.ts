/**
 * The criteria-set example in both renderers: the annex's note names the exempt criterion with its points, in
 * the add-in (Office.js double) and in the command line's workbook (the .xlsx it writes), the same text. (Giải
 * trình's lines come from the same core text in both: test/core/findings/criteria-maxima.test.ts.)
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { createOfficeDouble } from "../office-double/index";
import { importXlsxToDouble } from "../office-double/export-xlsx";
import { runScoring } from "../../src/excel/scoring";
import { generateAnnex } from "../../src/excel/annex";
import { saveDecision } from "../../src/excel/settings";
import { scoreWorkbook } from "../../src/cli/score";
import { ROOT, tempDir } from "../cli/helpers";

const FILE = path.join(ROOT, "examples/bo-tieu-chi-2020.xlsx");
const NOTE =
  /không thực hiện chấm điểm mục: Cung cấp dịch vụ công trực tuyến \(điểm mục này là 100 điểm\) và tiêu chí 2\.5 “Tiếp nhận hồ sơ qua hệ thống một cửa điện tử” \(5 điểm\)\./;

const DECISION = { number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh Thái Bình", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" };

const texts = (rows: unknown[][]) => rows.flat().filter((v): v is string => typeof v === "string");

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("an exempt criterion in the annex, in both renderers", () => {
  it("the add-in's annex", async () => {
    const wb = await importXlsxToDouble(fs.readFileSync(FILE));
    const double = createOfficeDouble({ workbook: wb });
    wb.setActive(wb.sheets[0].name);
    restore = double.install(globalThis);
    await saveDecision(DECISION);
    const scored = await runScoring("pane");
    if (scored.kind !== "done") throw new Error(scored.message);
    const annex = await generateAnnex({ confirmErrors: true });
    if (annex.kind !== "done") throw new Error("no annex");
    const annexTexts = texts(wb.sheet("Phụ lục").getValues("A1:Z80"));
    expect(annexTexts.some((t) => NOTE.test(t))).toBe(true);
  });

  it("the command line's annex", async () => {
    const out = path.join(tempDir(), "ra.xlsx");
    const outcome = await scoreWorkbook({ input: FILE, output: out, annex: true, decision: DECISION });
    if (!outcome.ok) throw new Error(outcome.message.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const all = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const list: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && list.push(c.value)));
      return list;
    };
    expect(all("Phụ lục").some((t) => NOTE.test(t))).toBe(true);
  });
});
