/** "Ghi kết luận" (the Phiếu tab) in the strict Office.js double: list in 1 sync, write in 2, text stays text, undone once, logged, refused when locked; Tính điểm then uses the concluded score. */
import { listDifferences, writeConclusions } from "../../src/excel/council";
import { lockResults } from "../../src/excel/lock";
import { runScoring } from "../../src/excel/scoring";
import { saveDecision } from "../../src/excel/settings";
import { undoLast } from "../../src/excel/undo";
import { differencesSheet } from "../../src/core/forms/merge";
import { completeMetadata } from "../../src/core/rules/metadata";
import { presetRules } from "../../src/core/rules/rules";
import { toNumber } from "../../src/core/base/decimal";
import { sheetValues } from "../../src/core/sheets/sheet";
import { decodeStore } from "../../src/core/store/store";
import { referenceDouble, SHEET, Double, storeRows } from "./helpers";

const DECISION = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020 });
const rules = presetRules();
const AT = () => new Date("2026-12-07T09:30:00.000Z");
const GROUP = rules.groups[0].name;

let restore: () => void = () => undefined;
afterEach(() => restore());

/** The reference grid with a "Chênh lệch" sheet whose one difference (Sở Y tế, C12 + 2) has no conclusion yet. */
function withDifference() {
  const setup = referenceDouble(19);
  restore = setup.restore;
  const appraised = setup.ws.getValues("C12")[0][0] as number;
  const values = sheetValues(differencesSheet([{ agency: "Sở Y tế", group: GROUP, self: appraised + 2, appraised, evidence: "", cell: "C12" }]));
  const diff = setup.double.workbook.addSheet("Chênh lệch").setValues("A1", values as (string | number)[][]);
  setup.double.workbook.setActive(SHEET);
  return { ...setup, diff, appraised };
}

const stateOf = (double: Double) => {
  const decoded = decodeStore(storeRows(double));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
};

describe("Ghi kết luận in Excel (the strict double)", () => {
  it("lists the differences in 1 sync, with the maximum of the group", async () => {
    const { double, appraised } = withDifference();
    double.stats.reset();
    const listed = await listDifferences();
    expect(double.stats.syncs).toBe(1);
    if (listed.kind !== "done") throw new Error(listed.message);
    expect(listed.items).toEqual([
      {
        row: 3,
        agency: "Sở Y tế",
        group: GROUP,
        self: String(appraised + 2),
        appraised: String(appraised),
        conclusion: null,
        score: "",
        reason: "",
        max: toNumber(rules.groups[0].nominalMax),
      },
    ]);
  });

  it("writes the chosen conclusion, score and reason in 2 syncs (a reason “=1+1” stays text), logs it, Tính điểm uses it, Hoàn tác gives the cells back", async () => {
    const { double, diff, ws, appraised } = withDifference();
    const before = diff.getValues("H4:J4");
    double.stats.reset();
    const out = await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion: "other", score: "30,5", reason: "=1+1" }], AT);
    expect(double.stats.syncs).toBe(2);
    expect(out.kind).toBe("done");
    expect(out.cells).toEqual(["H4", "I4", "J4"]);
    expect(diff.getValues("H4:J4")).toEqual([["Điểm khác", 30.5, "=1+1"]]);
    expect(diff.getCell("J4")).toMatchObject({ formula: null, numberFormat: "@", value: "=1+1" });
    const entry = stateOf(double).log!.entries.at(-1)!;
    expect(entry).toMatchObject({ action: "conclusion", sheet: "Chênh lệch" });
    expect(entry.cells).toEqual([
      ["H4", "", "Điểm khác"],
      ["I4", "", "30,5"],
      ["J4", "", "=1+1"],
    ]);
    // The same again: nothing to write.
    expect((await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion: "other", score: "30.5", reason: "=1+1" }], AT)).kind).toBe(
      "nothing",
    );

    expect((await undoLast()).kind).toBe("done");
    expect(diff.getValues("H4:J4")).toEqual(before);
    expect(ws.getValues("C12")[0][0]).toBe(appraised);
    expect(stateOf(double).log!.entries.at(-1)!.action).toBe("undo");

    expect((await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion: "other", score: "30,5", reason: "Minh chứng đủ" }], AT)).kind).toBe(
      "done",
    );
    expect((await runScoring("pane")).kind).toBe("done");
    expect(ws.getValues("C12")[0][0]).toBe(30.5);
  });

  it("“Chưa kết luận” clears a recorded conclusion (conclusion, score, reason) and puts the appraised score back where Tính điểm had put the concluded one: 3 syncs, logged old → new, undone once; Tính điểm then scores the appraised score and lists the row as unconcluded", async () => {
    const { double, diff, ws, appraised } = withDifference();
    expect((await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion: "accept", reason: "Minh chứng đủ" }], AT)).kind).toBe("done");
    expect((await runScoring("pane")).kind).toBe("done");
    expect(ws.getValues("C12")[0][0]).toBe(appraised + 2);
    const concluded = diff.getValues("H4:J4");
    expect(concluded).toEqual([["Chấp nhận tự chấm", "", "Minh chứng đủ"]]);

    double.stats.reset();
    const out = await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion: "none", reason: "Minh chứng đủ" }], AT);
    expect(double.stats.syncs).toBe(3);
    expect(out.kind).toBe("done");
    expect(diff.getValues("H4:J4")).toEqual([["", "", ""]]);
    expect(ws.getValues("C12")[0][0]).toBe(appraised);
    expect(out.cells).toEqual([`'${SHEET}'!C12`, "H4", "J4"]);
    const [onDiff, onGrid] = stateOf(double).log!.entries.slice(-2);
    expect(onDiff).toMatchObject({ action: "conclusion", sheet: "Chênh lệch" });
    expect(onDiff.cells).toEqual([
      ["H4", "Chấp nhận tự chấm", ""],
      ["J4", "Minh chứng đủ", ""],
    ]);
    expect(onGrid).toMatchObject({ action: "conclusion", sheet: SHEET, cells: [["C12", String(appraised + 2), String(appraised)]] });

    // Hoàn tác: the conclusion and the concluded score back, once.
    expect((await undoLast()).kind).toBe("done");
    expect(diff.getValues("H4:J4")).toEqual(concluded);
    expect(ws.getValues("C12")[0][0]).toBe(appraised + 2);

    // Cleared again, then Tính điểm: the appraised score stays, and the row is named as unconcluded (the annex lists it).
    expect((await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion: "none", reason: "" }], AT)).kind).toBe("done");
    const scored = await runScoring("pane");
    if (scored.kind !== "done") throw new Error(scored.message);
    expect(ws.getValues("C12")[0][0]).toBe(appraised);
    expect(scored.findings.filter((f) => f.code === "differenceNotConcluded").map((f) => [f.sheet, f.cell, f.agency])).toEqual([
      ["Chênh lệch", "H4", "Sở Y tế"],
    ]);
  });

  it("Hoàn tác gives back a reason that was text beginning with “=” (typed with an apostrophe) as text, not a formula", async () => {
    const { diff } = withDifference();
    diff.setCell("J4", { value: "=> xem công văn", numberFormat: "General" });
    const out = await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion: "other", score: "30,5", reason: "Minh chứng đủ" }], AT);
    expect(out.kind).toBe("done");
    expect(diff.getValues("J4")).toEqual([["Minh chứng đủ"]]);
    expect((await undoLast()).kind).toBe("done");
    expect(diff.getCell("J4")).toMatchObject({ formula: null, value: "=> xem công văn", numberFormat: "General" });
  });

  it("refuses a score that is not a number from 0 to the maximum, naming the row and the fix, and writes nothing", async () => {
    const { double, diff } = withDifference();
    const max = String(toNumber(rules.groups[0].nominalMax));
    for (const score of ["abc", "-1", String(Number(max) + 1)]) {
      double.stats.reset();
      const out = await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion: "other", score, reason: "" }], AT);
      expect(out.kind).toBe("refused");
      expect(out.message).toContain(`Sở Y tế, “${GROUP}” là “${score}”: hãy ghi một số từ 0 đến ${max.replace(".", ",")}`);
      expect(double.stats.syncs).toBe(1);
    }
    expect(diff.getValues("H4:J4")).toEqual([["", "", ""]]);
  });

  it("is refused while the results are locked, as Tính điểm is", async () => {
    const { diff } = withDifference();
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    expect((await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion: "accept", reason: "" }], AT)).kind).toBe("done");
    expect((await runScoring("pane")).kind).toBe("done");
    expect((await lockResults({ by: "Nguyễn Văn A", confirmErrors: true }, AT)).kind).toBe("locked");
    for (const conclusion of ["keep", "none"] as const) {
      const out = await writeConclusions([{ row: 3, agency: "Sở Y tế", group: GROUP, conclusion, reason: "" }], AT);
      expect(out.kind).toBe("refused");
      expect(out.message).toContain("Kết quả đã được chốt");
      expect(out.message).toContain("Ghi kết luận");
    }
    expect(diff.getValues("H4")[0][0]).toBe("Chấp nhận tự chấm");
  });
});
