/**
 * A workbook leaves one PC for another: what the add-in stored (rules, decision) travels inside it.
 * Exported from the double to .xlsx, it is reopened by another add-in session and by the CLI.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { createOfficeDouble } from "../office-double/index";
import { exportWorkbookToXlsx, importXlsxToDouble } from "../office-double/export-xlsx";
import { runScoring } from "../../src/excel/scoring";
import { generateAnnex } from "../../src/excel/annex";
import { saveDecision, saveRules } from "../../src/excel/settings";
import { PRESET_THAI_BINH_2020 } from "../../src/core/rules/rules";
import { completeMetadata } from "../../src/core/rules/metadata";
import { readSheet } from "../../src/cli/workbook";
import { buildCli, runCli, tempDir } from "../cli/helpers";
import { referenceDouble, SHEET } from "./helpers";

const RULES = {
  ...PRESET_THAI_BINH_2020,
  name: "Tỉnh X 2021",
  classes: [
    { name: "Tốt", minIndex: 0.8 },
    { name: "Khá", minIndex: 0.65 },
    { name: "Trung bình", minIndex: 0.5 },
    { name: "Yếu", minIndex: 0 },
  ],
};

let restore: () => void = () => undefined;
afterEach(() => restore());
beforeAll(() => buildCli());

async function savedByTheAddIn(file: string) {
  const setup = referenceDouble();
  restore = setup.restore;
  expect(await saveRules(RULES)).toEqual({ ok: true });
  expect(await saveDecision(completeMetadata({ number: "12/QĐ-UBND", date: "15/01/2022", year: 2021 }))).toEqual({ ok: true });
  const first = await runScoring("pane");
  await generateAnnex({ confirmErrors: true });
  await exportWorkbookToXlsx(setup.double.workbook, file);
  restore();
  restore = () => undefined;
  return first;
}

describe("a workbook saved by the add-in", () => {
  const dir = tempDir();
  const file = path.join(dir, "tu-add-in.xlsx");

  it("gives identical results when opened by the add-in on another PC", async () => {
    const first = await savedByTheAddIn(file);
    const wb = await importXlsxToDouble(file);
    const other = createOfficeDouble({ workbook: wb });
    wb.setActive(SHEET);
    restore = other.install(globalThis);
    const again = await runScoring("pane");
    if (first.kind !== "done" || again.kind !== "done") throw new Error("not scored");
    expect(again.run.byClass).toEqual(first.run.byClass);
    expect(again.run.byClass.map((c) => c.name)).toEqual(["Tốt", "Khá", "Trung bình", "Yếu"]);
    expect(again.unchanged).toBe(true);
  });

  it("is scored by the command line with the rules and decision the add-in stored", async () => {
    if (!fs.existsSync(file)) await savedByTheAddIn(file);
    const out = path.join(dir, "cli.xlsx");
    const r = runCli(["score", file, "-o", out, "--json", "--annex"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.rows.filter((x: { class: string }) => x.class === "Tốt")).toHaveLength(10);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const annex = readSheet(wb.getWorksheet("Phụ lục")!).values;
    expect(annex[2][0]).toBe("(Kèm theo Quyết định số 12/QĐ-UBND ngày 15/01/2022 của Ủy ban nhân dân tỉnh)");
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("Phụ lục"))).toEqual(["Phụ lục"]);
  });
});
