import { generateAnnex } from "../../src/excel/annex";
import { runScoring } from "../../src/excel/scoring";
import { loadSettings, saveDecision } from "../../src/excel/settings";
import { completeMetadata } from "../../src/core/rules/metadata";
import { notifyOutcome } from "../../src/commands/notify";
import { referenceDouble } from "./helpers";

const DECISION = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020 });
const IF_VI = "Nếu sửa 55 → 50: Tổng 337,7; Chỉ số 0,848; Khá (thay vì Tốt); hạng 8 (thay vì 6).";
const IF_EN = "Correcting 55 → 50: Total 337.7; Index 0.848; Khá (instead of Tốt); rank 8 (instead of 6).";

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("what correcting a finding changes, through the strict double", () => {
  it("“Tính điểm” gives each finding on a score its ifCorrected, in both languages, and the ribbon's note shows it", async () => {
    const setup = referenceDouble(4);
    restore = setup.restore;
    const outcome = await runScoring("ribbon");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.findings[0]).toMatchObject({ cell: "H10", ifCorrected: IF_VI, ifCorrectedEn: IF_EN });
    expect(notifyOutcome(outcome, "vi").message).toContain(`H10: ${IF_VI}`);
    expect(notifyOutcome(outcome, "en").message).toContain(`H10: ${IF_EN}`);
  });

  it("a ribbon run stores it with the finding, so the pane opened later shows it too", async () => {
    const setup = referenceDouble(4);
    restore = setup.restore;
    await runScoring("ribbon");
    const stored = (await loadSettings()).lastRun!;
    expect(stored.source).toBe("ribbon");
    expect(stored.findings.find((f) => f.cell === "H10")).toMatchObject({ ifCorrected: IF_VI, ifCorrectedEn: IF_EN });
    // Findings that are not about a score value carry none.
    expect(stored.findings.filter((f) => f.code === "duplicateName").every((f) => f.ifCorrected === undefined)).toBe(true);
  });

  it("the confirmation before an annex with errors carries it", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    await saveDecision(DECISION);
    await runScoring("pane");
    const outcome = await generateAnnex({ confirmErrors: false });
    if (outcome.kind !== "needsConfirmation") throw new Error(outcome.kind);
    expect(outcome.errors[0]).toMatchObject({ cell: "H10", ifCorrected: IF_VI, ifCorrectedEn: IF_EN });
  });
});

describe("stale results guard before “Tạo phụ lục”", () => {
  it.each([4, 20])("a score edited after “Tính điểm” stops the annex, naming the agencies and cells; nothing is written (ExcelApi 1.%i)", async (apiLevel) => {
    const setup = referenceDouble(apiLevel);
    restore = setup.restore;
    await saveDecision(DECISION);
    await runScoring("pane");
    // Sở Y tế's Cơ chế 60 → 100 (row 12 of the sheet: the grid starts at row 5).
    const yte = setup.ws.getValues("B5:B23").findIndex((r) => r[0] === "Sở Y tế") + 5;
    setup.ws.setValues(`G${yte}`, [[100]]);
    const before = setup.double.workbook.snapshot();
    const outcome = await generateAnnex({ confirmErrors: true });
    if (outcome.kind !== "stale") throw new Error(outcome.kind);
    expect(outcome.agencies).toContain("Sở Y tế");
    expect(outcome.cells).toEqual(expect.arrayContaining([`J${yte}`, `K${yte}`, `L${yte}`, `M${yte}`]));
    expect(outcome.message).toContain("không khớp với điểm hiện tại");
    expect(outcome.messageEn).toContain("do not match the current scores");
    expect(setup.double.workbook.snapshot()).toEqual(before);

    // Scoring again makes the results match: the annex is made.
    await runScoring("pane");
    const again = await generateAnnex({ confirmErrors: true });
    expect(again.kind).toBe("done");
    expect(setup.ws.getValues(`L${yte}`)).toEqual([["Tốt"]]);
  });

  it("a sheet never scored (no result columns) is not stale", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    await saveDecision(DECISION);
    expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
  });
});
