/**
 * A workbook with a criteria set and its ledger, for the double (test/excel/ledger.test.ts) and
 * `npm run bench`: n agencies, 50 criteria of 10 points across the six 2020 groups, the five methods
 * in turn, every entry filled; with the group sums each agency's entries give (the oracle).
 */
import { createOfficeDouble, OfficeDoubleOptions } from "../test/office-double/index";
import { LEDGER_COLUMNS, LEDGER_SHEET, ledgerSheet, LedgerAgency } from "../src/core/grid/ledger";
import { CriterionJson, loadRules, PRESET_THAI_BINH_2020, RulesJson } from "../src/core/rules/rules";
import { sheetValues } from "../src/core/sheets/sheet";
import { encodeStore, STORE_SHEET } from "../src/core/store/store";

/** The 2020 header row (as the grid is typed). */
const HEADER = ["STT", "Tên cơ quan", ...PRESET_THAI_BINH_2020.groups.map((g) => g.name), "Ghi chú"];

const METHODS = ["points", "levels", "yesno", "ratio", "tiers"] as const;

/** 50 leaves of 10 points across the six groups (5, 10, 10, 10, 10, 5), the five methods in turn. */
export function criteriaRules(): RulesJson {
  const json = JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020)) as RulesJson;
  const counts = [5, 10, 10, 10, 10, 5];
  let k = 0;
  json.groups.forEach((g, gi) => {
    g.criteria = Array.from({ length: counts[gi] }, (_, i): CriterionJson => {
      const method = METHODS[k++ % 5];
      const leaf: CriterionJson = { id: `${gi + 1}.${i + 1}`, name: `Tiêu chí ${gi + 1}.${i + 1}`, max: 10, method };
      if (method === "levels")
        leaf.levels = [
          { label: "Đạt", points: 10 },
          { label: "Một phần", points: 5 },
          { label: "Không đạt", points: 0 },
        ];
      if (method === "ratio") leaf.inputs = ["a", "b"];
      if (method === "tiers")
        Object.assign(leaf, {
          inputs: ["x"],
          tiers: [
            { atLeast: 90, points: 10 },
            { atLeast: 70, points: 8 },
          ],
        });
      return leaf;
    });
  });
  return json;
}

/** What agency k enters for a leaf, and the points it gives (the oracle, in hundredths). */
function entry(k: number, method: (typeof METHODS)[number]): { cells: Partial<Record<string, unknown>>; points: number } {
  switch (method) {
    case "points":
      return { cells: { self: k % 11 }, points: (k % 11) * 100 };
    case "levels":
      return k % 3 === 0 ? { cells: { input1: "Một phần" }, points: 500 } : { cells: { input1: "Đạt" }, points: 1000 };
    case "yesno":
      return k % 4 === 0 ? { cells: { input1: "Không" }, points: 0 } : { cells: { input1: "Có" }, points: 1000 };
    case "ratio":
      return { cells: { input1: 3, input2: 4 + (k % 2) }, points: k % 2 === 0 ? 750 : 600 };
    case "tiers":
      return k % 5 === 0 ? { cells: { input1: 75 }, points: 800 } : { cells: { input1: 95 }, points: 1000 };
  }
}

export function ledgerWorkbook(n: number, edit: (ledger: (string | number)[][]) => void = () => undefined, options: OfficeDoubleOptions = {}) {
  const json = criteriaRules();
  const rules = loadRules(json);
  const names = Array.from({ length: n }, (_, k) => `Cơ quan số ${k + 1}`);
  const grid = [[...HEADER], ...names.map((name, k) => [k + 1, name, "", "", "", "", "", "", ""])];
  const agencies: LedgerAgency[] = names.map((name) => ({ name, block: null, exemptCriteria: [], exemptGroups: [] }));
  const ledger = sheetValues(ledgerSheet(rules, agencies));
  const col = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.kind, i]));
  const expected = names.map(() => [0, 0, 0, 0, 0, 0]);
  /** Per ledger row from the third: the points the entry gives (what Điểm shows after Tính điểm). */
  const points: number[] = [];
  const leafIndex = new Map(rules.leaves.map((l, i) => [l.id, { leaf: l, group: rules.groups.findIndex((g) => g.id === l.groupId), i }]));
  for (const row of ledger.slice(2)) {
    const k = names.indexOf(String(row[col.agency]));
    const { leaf, group } = leafIndex.get(String(row[col.code]))!;
    const e = entry(k, leaf.method as (typeof METHODS)[number]);
    for (const [kind, v] of Object.entries(e.cells)) row[col[kind]] = v as string | number;
    expected[k][group] += e.points;
    points.push(e.points / 100);
  }
  const double = createOfficeDouble({ ...options, sheets: ["Chấm điểm", LEDGER_SHEET, STORE_SHEET] });
  double.workbook.sheet("Chấm điểm").setValues("A1", grid as (string | number)[][]);
  edit(ledger);
  double.workbook.sheet(LEDGER_SHEET).setValues("A1", ledger);
  double.workbook.sheet(STORE_SHEET).setValues("A1", encodeStore({ rules: json }) as string[][]);
  double.workbook.setActive("Chấm điểm");
  return { double, expected: expected.map((g) => g.map((c) => c / 100)), points, col };
}
