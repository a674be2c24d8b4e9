/** Rules and the decision saved in the workbook (excel/settings.ts): used by the next run, read back by another session. */
import { runScoring } from "../../src/excel/scoring";
import { loadSettings, saveDecision, saveRules } from "../../src/excel/settings";
import { completeMetadata } from "../../src/core/rules/metadata";
import { PRESET_THAI_BINH_2020 } from "../../src/core/rules/rules";
import { STORE_SHEET } from "../../src/core/store/store";
import { referenceDouble } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

const DECISION = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020 });

async function prepared(apiLevel = 20, values?: unknown[][]) {
  const setup = referenceDouble(apiLevel, values ? { values } : {});
  restore = setup.restore;
  expect(await saveDecision(DECISION)).toEqual({ ok: true });
  return setup;
}

describe("rules and the decision travel inside the workbook", () => {
  it("rules saved by the pane are used by the next run and read back by another session", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    const rules = {
      ...PRESET_THAI_BINH_2020,
      classes: [
        { name: "Tốt", minIndex: 0.8 },
        { name: "Khá", minIndex: 0.7 },
        { name: "Trung bình", minIndex: 0 },
      ],
    };
    expect(await saveRules(rules)).toEqual({ ok: true });
    const outcome = await runScoring("ribbon");
    expect(outcome.kind === "done" && outcome.run.byClass[0]).toEqual({ name: "Tốt", count: 10 });
    const settings = await loadSettings();
    expect(settings.rulesFromWorkbook).toBe(true);
    expect(settings.rules.classes[0].minIndex).toBe(0.8);
    expect(settings.lastRun?.source).toBe("ribbon");
    expect(settings.undo?.action).toBe("score");
  });

  it("invalid rules are never stored", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    const saved = await saveRules({ ...PRESET_THAI_BINH_2020, rankBy: "điểm" });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.messagesEn).toEqual(["rankBy: Rank by (rankBy) must be one of “index”, “total”."]);
    expect(setup.double.workbook.snapshot().sheets.map((s) => s.name)).not.toContain(STORE_SHEET);
  });
});

describe("saveDecision and the forms' deadline", () => {
  it("keeps a stored deadline the caller does not pass, and stores one it passes", async () => {
    await prepared();
    expect(await saveDecision({ ...DECISION, formsDeadline: "20/12/2020" })).toEqual({ ok: true });
    expect((await loadSettings()).decision?.formsDeadline).toBe("20/12/2020");
    expect(await saveDecision({ ...DECISION, number: "07/QĐ-UBND" })).toEqual({ ok: true });
    expect((await loadSettings()).decision).toMatchObject({ number: "07/QĐ-UBND", formsDeadline: "20/12/2020" });
    expect(await saveDecision({ ...DECISION, formsDeadline: "31/12/2020" })).toEqual({ ok: true });
    expect((await loadSettings()).decision?.formsDeadline).toBe("31/12/2020");
    expect(await saveDecision({ ...DECISION, formsDeadline: "" })).toEqual({ ok: true });
    expect((await loadSettings()).decision?.formsDeadline).toBeUndefined();
  });

  it("refuses a deadline that is not a real date, naming the field, and keeps the stored one", async () => {
    await prepared();
    expect(await saveDecision({ ...DECISION, formsDeadline: "20/12/2020" })).toEqual({ ok: true });
    const refused = await saveDecision({ ...DECISION, formsDeadline: "31/02/2021" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.messages).toEqual([
        "Hạn gửi phiếu “31/02/2021” không phải là ngày hợp lệ: hãy nhập ngày dạng dd/mm/yyyy (ví dụ 20/12/2020) hoặc để trống nếu không đặt hạn.",
      ]);
      expect(refused.messagesEn[0]).toMatch(/^The forms' deadline “31\/02\/2021” is not a valid date/);
    }
    expect((await loadSettings()).decision?.formsDeadline).toBe("20/12/2020");
  });
});
