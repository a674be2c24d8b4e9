/** The council's conclusions on "Chênh lệch" in the strict Office.js double: Tính điểm uses them (same syncs, undoable, logged), the annex lists the unconcluded ones. */
import { generateAnnex } from "../../src/excel/annex";
import { runScoring } from "../../src/excel/scoring";
import { saveDecision } from "../../src/excel/settings";
import { undoLast } from "../../src/excel/undo";
import { differencesSheet } from "../../src/core/forms/merge";
import { completeMetadata } from "../../src/core/rules/metadata";
import { presetRules } from "../../src/core/rules/rules";
import { sheetValues } from "../../src/core/sheets/sheet";
import { decodeStore, STORE_SHEET } from "../../src/core/store/store";
import { referenceDouble, SHEET, Double } from "./helpers";

const DECISION = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020 });
const rules = presetRules();

let restore: () => void = () => undefined;
afterEach(() => restore());

/** The reference grid with a "Chênh lệch" sheet: Sở Y tế (row 12) claimed its appraised C12 + 2, the conclusion typed as given. */
function withDifference(conclusion: string | number, score: string | number = "", apiLevel = 19) {
  const setup = referenceDouble(apiLevel);
  restore = setup.restore;
  const appraised = setup.ws.getValues("C12")[0][0] as number;
  const values = sheetValues(differencesSheet([{ agency: "Sở Y tế", group: rules.groups[0].name, self: appraised + 2, appraised, evidence: "", cell: "C12" }]));
  values[3][7] = conclusion;
  values[3][8] = score;
  setup.double.workbook.addSheet("Chênh lệch").setValues("A1", values as (string | number)[][]);
  setup.double.workbook.setActive(SHEET);
  return { ...setup, appraised };
}

const stateOf = (double: Double) => {
  const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
};

describe("the council's conclusions in Excel (the strict double)", () => {
  it("Tính điểm writes the accepted self-assessment into the grid in its usual 2 syncs, logs it old → new, and Hoàn tác takes it back", async () => {
    const { double, ws, appraised } = withDifference("Chấp nhận tự chấm");
    const totalBefore = ws.getValues("J12")[0][0];
    double.stats.reset();
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(double.stats.syncs).toBe(2);
    expect(ws.getValues("C12")[0][0]).toBe(appraised + 2);
    expect(outcome.findings.filter((f) => f.sheet === "Chênh lệch")).toEqual([]);
    const log = stateOf(double).log!;
    const cells = log.entries[log.entries.length - 1].cells ?? [];
    expect(cells).toContainEqual(["C12", String(appraised), String(appraised + 2)]);
    // Scoring again: the conclusion is in place, nothing to write.
    const again = await runScoring("pane");
    expect(again.kind === "done" && again.unchanged).toBe(true);
    const undone = await undoLast();
    expect(undone.kind).toBe("done");
    expect(ws.getValues("C12")[0][0]).toBe(appraised);
    expect(ws.getValues("J12")[0][0]).toBe(totalBefore);
  });

  it("another score is taken as given; keeping the appraised score writes nothing to the grid", async () => {
    const other = withDifference("Điểm khác", "30,5");
    expect((await runScoring("pane")).kind).toBe("done");
    expect(other.ws.getValues("C12")[0][0]).toBe(30.5);
    restore();
    const kept = withDifference("Giữ điểm thẩm định");
    expect((await runScoring("pane")).kind).toBe("done");
    expect(kept.ws.getValues("C12")[0][0]).toBe(kept.appraised);
  });

  it("a difference without a conclusion is a finding on “Chênh lệch”, and the annex lists it before it is made", async () => {
    const { double } = withDifference("");
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    const f = outcome.findings.find((x) => x.code === "differenceNotConcluded")!;
    expect([f.sheet, f.cell]).toEqual(["Chênh lệch", "H4"]);
    const annex = await generateAnnex({ confirmErrors: false });
    if (annex.kind !== "needsConfirmation") throw new Error(`expected a confirmation, got ${annex.kind}`);
    expect(annex.errors.map((e) => e.code)).toContain("differenceNotConcluded");
    expect(annex.message).toContain("'Chênh lệch'!H4");
    expect(double.workbook.sheets.map((s) => s.name)).not.toContain("Phụ lục");
  });
});
