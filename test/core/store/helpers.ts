/** A store as the add-in leaves it after “Tính điểm” then “Tạo phụ lục”, from the reference grid (store.test.ts, store-check.test.ts). */
import { buildAnnex, packAnnex } from "../../../src/core/sheets/annex";
import { completeMetadata } from "../../../src/core/rules/metadata";
import { planResultWrite } from "../../../src/core/grid/plan";
import { presetRules, PRESET_THAI_BINH_2020 } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { StoreState, UndoJournal } from "../../../src/core/store/store";
import { lastRunRecord } from "../../../src/core/grid/summary";
import { referenceSheet } from "../../fixtures/reference";

export const SHEET = "Chấm điểm 2020";
const rules = presetRules();
const values = referenceSheet();
export const scored = scoreSheet(values, rules);
if (!scored.ok) throw new Error("reference grid not found");
const planned = planResultWrite(values, null, { row: 0, col: 0 }, SHEET, scored, {});
if (!planned.ok) throw new Error(planned.message);
const meta = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", year: 2020 });
export const packed = packAnnex(buildAnnex(rules, scored.rows, meta));

/** A store as the add-in leaves it after “Tính điểm” then “Tạo phụ lục”. */
export function soundState(): StoreState {
  const run = lastRunRecord(scored as Extract<typeof scored, { ok: true }>, SHEET, "pane", new Date("2021-01-05T03:04:05Z"));
  const journal: UndoJournal = {
    action: "score",
    at: run.at,
    sheet: SHEET,
    cells: [
      {
        address: "J5:M6",
        formulas: [
          ["", "", "", ""],
          [1, 2, "x", true],
        ],
        numberFormat: [
          ["General", "0.000", "@", "0"],
          ["General", "0.000", "@", "0"],
        ],
      },
    ],
    fills: [{ address: "H10", color: null }],
    clearFormats: ["J1:J4"],
    formatBackups: [{ backup: "AA1:AA23", target: "J1:J23" }],
    columnWidths: [{ address: "J1:J23", width: 48 }],
    previousState: { rules: PRESET_THAI_BINH_2020, marks: [] },
  };
  return {
    rules: PRESET_THAI_BINH_2020,
    decision: { number: "06/QĐ-UBND", date: "05/01/2021", year: 2020 },
    written: (planned as Extract<typeof planned, { ok: true }>).plan.written,
    marks: [{ sheet: SHEET, address: "H10", color: null, mark: "#FFC7CE" }],
    annex: { sheetName: "Phụ lục", description: packed, source: SHEET },
    lastRun: run,
    undo: journal,
  };
}
