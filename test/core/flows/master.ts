/**
 * The master both Tạo phiếu / Gộp phiếu / Thông báo flow tests start from (test/core/flows/forms.test.ts,
 * merge.test.ts): the reference grid without its scores in the Office.js double, the same workbook's package
 * read as the command line reads it, and the forms returned filled in with the published scores.
 */
import { readPublishedAnnex, referenceSheet } from "../../fixtures/reference";
import { createOfficeDouble } from "../../office-double/index";
import { filledValues } from "../../forms/helpers";
import { prepareForms } from "../../../src/excel/forms";
import { masterOf } from "../../../src/core/flows/merge";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { presetRules } from "../../../src/core/rules/rules";
import { ReturnedForm } from "../../../src/core/forms/merge";
import { decodeStore, STORE_BODY_ROW, STORE_SHEET, StoreState } from "../../../src/core/store/store";
import { XlsxPort } from "../../../src/xlsx/port";

export const SHEET = "Chấm điểm 2020";
export const MADE = "2021-01-04T02:00:00.000Z";
export const MERGED = "2021-01-05T03:00:00.000Z";
const published = readPublishedAnnex();
const num = (t: string) => Number(t.replace(",", "."));

/** The reference grid (agencies on rows 5–23, groups in C:H, notes in I) without its scores. */
const emptyGrid = () => referenceSheet().map((row, r) => (r >= 4 && r <= 22 ? row.map((v, c) => (c >= 2 && c <= 7 ? "" : v)) : row));

let restore: () => void = () => undefined;
/** Takes the double out of the globals (each test file calls it after each test). */
export const restoreMaster = () => restore();

/** The Office.js double holding the reference grid without its scores, active. */
export function install() {
  const double = createOfficeDouble({ apiLevel: 20, platform: "OfficeOnline", sheets: [SHEET, "Ghi chép"] });
  double.workbook.sheet(SHEET).setValues("A1", emptyGrid() as (string | number)[][]);
  double.workbook.setActive(SHEET);
  restore = double.install(globalThis);
  return double;
}

export function storeOf(double: ReturnType<typeof install>): StoreState {
  const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues(`A1:C${STORE_BODY_ROW + 300}`) as unknown[][]);
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
}

/** The master through the package port, as the command line reads it. */
export function packageMaster(port: XlsxPort) {
  const stored = port.readStore();
  if (!stored.ok) throw new Error(stored.message);
  const values = port.readSheet(SHEET).values;
  const scored = scoreSheet(values, presetRules());
  if (!scored.ok) throw new Error(scored.error.message);
  return masterOf({ sheet: SHEET, values, layout: scored.layout, rules: presetRules(), state: stored.state, scored });
}

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
export const rect = (rows: readonly (readonly unknown[])[], height: number, width: number) =>
  Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => text(rows[r]?.[c])));

/** The published scores and evidence, and the agency's own note (a text that looks like a formula stays text). */
const fillOf = (agency: string) => {
  const row = published.rows.find((r) => r.name === agency)!;
  return {
    scores: row.groups.map((g, i) => (row.notes === "Không TTHC" && i === 3 ? null : num(g))),
    evidence: row.groups.map(() => `Báo cáo của ${agency}`),
    notes: agency === "Sở Y tế" ? "=1+1 đã bổ sung" : undefined,
  };
};

/** "Tạo phiếu" in the add-in, each form filled in with the published scores as the agency returns it. */
export async function formsReturned(): Promise<ReturnedForm[]> {
  const made = await prepareForms("all", () => new Date(MADE));
  if (made.kind !== "done") throw new Error(made.message);
  return made.forms.map((f) => ({ file: f.fileName, values: filledValues(f.description, fillOf(f.agency)), identity: f.description.identity }));
}
