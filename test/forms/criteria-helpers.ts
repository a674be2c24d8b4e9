/** Forms at criterion level in the tests: rules with criteria, and a form workbook filled through its unlocked cells as an agency would. */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { Rules, validateRules } from "../../src/core/rules/rules";
import { clonePreset, docCriteria } from "../core/helpers";

/** The preset with the criteria of docs/rules.md in its first group, and “Không ATTT” exempting criterion 1.2. */
export function docRules(): Rules {
  const json = clonePreset();
  json.groups[0].criteria = docCriteria();
  json.exemptions.push({ keywords: ["Không ATTT"], groups: [], criteria: ["1.2"], reason: "không đánh giá an toàn thông tin" });
  const checked = validateRules(json);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("\n"));
  return checked.rules;
}

/** The rules of the criteria-set example (docs/examples/bo-tieu-chi-2020.json): 29 leaves, a block-only (3.3) and an exempt (2.5) criterion. */
export function exampleRules(): Rules {
  const json = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../docs/examples/bo-tieu-chi-2020.json"), "utf8"));
  const checked = validateRules(json);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("\n"));
  return checked.rules;
}

/** A filling of Sở A's form under docRules(): the doc's worked example (docs/rules.md), and 80, 80, 80, 80, 40 for the groups without criteria. */
export const DOC_FILL: Record<string, (string | number | undefined)[]> = {
  "1.1.1": [45, 50],
  "1.1.2": [60],
  "1.2": ["Đạt một phần"],
  "1.3": ["Có"],
  "1.4": [8.25],
  "2": [80],
  "3": [80],
  "4": [80],
  "5": [80],
  "6": [40],
};

/**
 * Fills a form workbook as an agency does: for each row whose first cell is one of `entries`' codes, the
 * values go, in order, into the unlocked cells right of the code and the name (the points or first input,
 * the second input, the evidence); a value `undefined` leaves its cell as it is. The test fails when a row
 * has fewer unlocked cells than values. Returns the addresses written.
 */
export function fillByCriteria(wb: ExcelJS.Workbook, entries: Record<string, (string | number | undefined)[]>): string[] {
  const ws = wb.worksheets.find((w) => w.state === "visible")!;
  const written: string[] = [];
  const seen = new Set<string>();
  ws.eachRow((row, r) => {
    const code = row.getCell(1).value;
    if (typeof code !== "string" || !(code in entries)) return;
    seen.add(code);
    const unlocked: ExcelJS.Cell[] = [];
    for (let c = 3; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      if (cell.protection?.locked === false && cell.isMerged === false) unlocked.push(cell);
    }
    const values = entries[code];
    if (values.length > unlocked.length) throw new Error(`row ${r} (${code}) has ${unlocked.length} unlocked cells for ${values.length} values`);
    values.forEach((v, i) => {
      if (v === undefined) return;
      unlocked[i].value = v;
      written.push(unlocked[i].address);
    });
  });
  const missing = Object.keys(entries).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new Error(`no row for ${missing.join(", ")}`);
  return written;
}

/** The unlocked cells right of the code and name of a criterion's row: their addresses in order. */
export function unlockedOf(wb: ExcelJS.Workbook, code: string): string[] {
  const ws = wb.worksheets.find((w) => w.state === "visible")!;
  const out: string[] = [];
  ws.eachRow((row, r) => {
    if (row.getCell(1).value !== code) return;
    for (let c = 3; c <= ws.columnCount; c++) if (ws.getCell(r, c).protection?.locked === false) out.push(ws.getCell(r, c).address);
  });
  return out;
}
