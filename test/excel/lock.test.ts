import { generateAnnex } from "../../src/excel/annex";
import { convertEncoding } from "../../src/excel/encoding";
import { mergeReturnedForms } from "../../src/excel/forms";
import { lockResults, unlockResults } from "../../src/excel/lock";
import { runScoring } from "../../src/excel/scoring";
import { saveDecision } from "../../src/excel/settings";
import { undoLast } from "../../src/excel/undo";
import { completeMetadata } from "../../src/core/rules/metadata";
import { compareWithLock, LockRecord, snapshotCells, verificationCode } from "../../src/core/store/lock";
import { decodeStore, STORE_SHEET } from "../../src/core/store/store";
import { fingerprint } from "../../src/core/base/hash";
import { parseCell } from "../../src/core/base/address";
import { presetRules } from "../../src/core/rules/rules";
import { scoreSheet } from "../../src/core/grid/scoring";
import { referenceDouble, SHEET, Double } from "./helpers";

const DECISION = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020 });
const AT = () => new Date("2026-12-07T09:30:00.000Z");

let restore: () => void = () => undefined;
afterEach(() => restore());

/** The reference grid scored, with its annex. */
async function scoredWithAnnex(apiLevel = 20) {
  const setup = referenceDouble(apiLevel);
  restore = setup.restore;
  expect(await saveDecision(DECISION)).toEqual({ ok: true });
  expect((await runScoring("pane")).kind).toBe("done");
  expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
  // The annex is the active sheet now: the lock finds the grid through the last run.
  expect(setup.double.workbook.activeSheet?.name).toBe("Phụ lục");
  return setup;
}

function storedLock(double: Double): LockRecord | undefined {
  const values = double.workbook.sheet(STORE_SHEET).getValues("A1:C2000");
  const decoded = decodeStore(values);
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state.lock;
}

describe("Chốt kết quả in Excel (the strict double)", () => {
  it("locks in 3 syncs: the results recorded, the code printed under the annex, the grid and the annex protected without a password", async () => {
    const { double, ws } = await scoredWithAnnex();
    double.stats.reset();
    const outcome = await lockResults({ by: "Nguyễn Văn A", confirmErrors: true }, AT);
    expect(double.stats.syncs).toBe(3);
    if (outcome.kind !== "locked") throw new Error(outcome.message);
    expect(outcome).toMatchObject({ sheet: SHEET, annexSheet: "Phụ lục" });
    expect(outcome.message).toContain(`Mã kiểm tra: ${outcome.code}`);
    const lock = storedLock(double)!;
    expect(lock).toMatchObject({ code: outcome.code, by: "Nguyễn Văn A", at: "2026-12-07T09:30:00.000Z", sheet: SHEET, protectedSheets: [SHEET, "Phụ lục"] });
    expect(lock.code).toBe(verificationCode(lock.fingerprint));
    expect(lock.cells.find(([a]) => a === "B12")?.[1]).toBe("Sở Y tế");
    // The code line: two rows under the annex's notes.
    const annex = double.workbook.sheet("Phụ lục");
    const column = annex.getValues("A1:A60").map((r) => r[0]);
    const at = column.findIndex((v) => v === `Mã kiểm tra: ${lock.code}`);
    expect(at).toBeGreaterThan(20);
    expect(column[at - 1]).toBe("");
    expect(String(column[at - 2])).toMatch(/^- /);
    for (const s of [ws, annex]) expect(s.snapshot().protection).toMatchObject({ protected: true, hasPassword: false });

    // What the command line's verify does, on the double's cells: it matches.
    const values = ws.getValues("A1:Z40");
    const scored = scoreSheet(values, presetRules());
    if (!scored.ok) throw new Error("not scored");
    const read = (a: string) => values[parseCell(a).row]?.[parseCell(a).col];
    expect(compareWithLock(lock, values, snapshotCells(values, scored), fingerprint(presetRules().json), DECISION, read)).toEqual([]);
  });

  it("an annex made again while the results are locked is protected again like the first, with the code line", async () => {
    const { double } = await scoredWithAnnex();
    const locked = await lockResults({ by: "Nguyễn Văn A", confirmErrors: true }, AT);
    if (locked.kind !== "locked") throw new Error(locked.message);
    double.workbook.setActive(SHEET);
    const again = await generateAnnex({ confirmErrors: true });
    if (again.kind !== "done") throw new Error(`annex: ${again.kind}`);
    const annex = double.workbook.sheet("Phụ lục");
    expect(annex.snapshot().protection).toMatchObject({ protected: true, hasPassword: false });
    expect(annex.getValues("A1:A60").map((r) => r[0])).toContain(`Mã kiểm tra: ${locked.code}`);
    expect(storedLock(double)!.protectedSheets).toEqual([SHEET, "Phụ lục"]);
  });

  it("an annex first made after the lock is protected too, and Mở chốt unprotects it", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    const { double } = setup;
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    expect((await runScoring("pane")).kind).toBe("done");
    const locked = await lockResults({ by: "", confirmErrors: true }, AT);
    if (locked.kind !== "locked") throw new Error(locked.message);
    expect(locked.annexSheet).toBeNull();
    double.workbook.setActive(SHEET);
    expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
    const annex = double.workbook.sheet("Phụ lục");
    expect(annex.snapshot().protection).toMatchObject({ protected: true, hasPassword: false });
    expect(annex.getValues("A1:A60").flat()).toContain(`Mã kiểm tra: ${locked.code}`);
    expect(storedLock(double)!.protectedSheets).toEqual([SHEET, "Phụ lục"]);
    expect((await unlockResults({ by: "", reason: "Điều chỉnh" }, AT)).kind).toBe("unlocked");
    expect(annex.snapshot().protection.protected).toBe(false);
  });

  it("an annex made again while locked is refused when the workbook no longer matches the lock (a cell, the decision's number), nothing written", async () => {
    const { double, ws } = await scoredWithAnnex();
    const locked = await lockResults({ by: "", confirmErrors: true }, AT);
    if (locked.kind !== "locked") throw new Error(locked.message);
    // Another program renamed an agency on the locked sheet (its results still agree with its scores).
    ws.setValues("B12", [["Sở Y tế tỉnh"]]);
    double.workbook.setActive(SHEET);
    let before = double.workbook.snapshot();
    const renamed = await generateAnnex({ confirmErrors: true });
    if (renamed.kind !== "refused") throw new Error(`annex: ${renamed.kind}`);
    expect(renamed.message).toContain(`mã kiểm tra ${locked.code}`);
    expect(renamed.cells).toEqual(["B12"]);
    expect(double.workbook.snapshot()).toEqual(before);
    ws.setValues("B12", [["Sở Y tế"]]);
    expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
    // The decision's number changed in the pane after the lock: the code would not prove the annex's number.
    expect(await saveDecision({ ...DECISION, number: "07/QĐ-UBND" })).toEqual({ ok: true });
    double.workbook.setActive(SHEET);
    before = double.workbook.snapshot();
    const renumbered = await generateAnnex({ confirmErrors: true });
    if (renumbered.kind !== "refused") throw new Error(`annex: ${renumbered.kind}`);
    expect(renumbered.message).toContain("(số quyết định)");
    expect(renumbered.messageEn).toContain("(decision number)");
    expect(renumbered.messageEn).toContain("no longer matches the lock");
    expect(double.workbook.snapshot()).toEqual(before);
  });

  it("then Tính điểm, Gộp phiếu and Chuyển mã refuse with the lock's code and change nothing; undo has nothing to undo", async () => {
    const { double } = await scoredWithAnnex();
    const locked = await lockResults({ by: "", confirmErrors: true }, AT);
    if (locked.kind !== "locked") throw new Error(locked.message);
    const before = double.workbook.snapshot();
    const score = await runScoring("ribbon");
    expect(score).toMatchObject({ kind: "refused" });
    expect(score.kind === "refused" && score.message).toContain(`mã kiểm tra ${locked.code}`);
    const merge = await mergeReturnedForms([{ file: "phieu.xlsx", values: [[""]], identity: null }]);
    expect(merge.kind === "refused" && merge.message).toContain("không Gộp phiếu được nữa");
    const encoding = await convertEncoding(["B12"]);
    expect(encoding.kind === "refused" && encoding.messageEn).toContain("“Convert encoding” is no longer possible");
    expect((await undoLast()).kind).not.toBe("done");
    expect(double.workbook.snapshot()).toEqual(before);
    expect((await lockResults({ by: "", confirmErrors: true }, AT)).message).toContain("Muốn chốt lại");
    // Tạo phụ lục still works while locked, and the annex made again prints the code.
    double.workbook.setActive(SHEET);
    expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
    expect(double.workbook.sheet("Phụ lục").getValues("A1:A60").flat()).toContain(`Mã kiểm tra: ${locked.code}`);
  });

  it("Mở chốt needs a reason, records it, unprotects the sheets and removes the code line; scoring runs again", async () => {
    const { double, ws } = await scoredWithAnnex();
    const locked = await lockResults({ by: "Nguyễn Văn A", confirmErrors: true }, AT);
    if (locked.kind !== "locked") throw new Error(locked.message);
    expect(await unlockResults({ by: "Trần B", reason: "  " }, AT)).toMatchObject({ kind: "refused" });
    double.stats.reset();
    const outcome = await unlockResults({ by: "Trần B", reason: "Hội đồng điều chỉnh điểm Sở Y tế" }, AT);
    expect(double.stats.syncs).toBe(3);
    expect(outcome).toMatchObject({ kind: "unlocked", code: locked.code });
    expect(storedLock(double)).toBeUndefined();
    const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
    expect(decoded.ok && decoded.state.unlocks).toEqual([
      {
        code: locked.code,
        lockedAt: "2026-12-07T09:30:00.000Z",
        lockedBy: "Nguyễn Văn A",
        at: "2026-12-07T09:30:00.000Z",
        by: "Trần B",
        reason: "Hội đồng điều chỉnh điểm Sở Y tế",
      },
    ]);
    const annex = double.workbook.sheet("Phụ lục");
    expect(annex.getValues("A1:A60").flat()).not.toContain(`Mã kiểm tra: ${locked.code}`);
    expect(ws.snapshot().protection.protected).toBe(false);
    expect(annex.snapshot().protection.protected).toBe(false);
    ws.setValues("D12", [[95]]);
    double.workbook.setActive(SHEET);
    expect((await runScoring("pane")).kind).toBe("done");
    expect((await unlockResults({ by: "", reason: "x" }, AT)).message).toBe("Sổ tính này chưa được chốt kết quả.");
  });

  it("refuses to lock stale results (a score edited after Tính điểm), naming the cells; a password is needed to unlock what it locked", async () => {
    const { double, ws } = await scoredWithAnnex();
    ws.setValues("D12", [[95]]);
    const before = double.workbook.snapshot();
    const stale = await lockResults({ by: "", confirmErrors: true }, AT);
    expect(stale).toMatchObject({ kind: "refused" });
    expect(stale.kind === "refused" && stale.cells.length).toBeGreaterThan(0);
    expect(double.workbook.snapshot()).toEqual(before);
    double.workbook.setActive(SHEET);
    expect((await runScoring("pane")).kind).toBe("done");
    // Scored again, the annex made before no longer says what the results say: it is made again before the lock.
    const annexStale = await lockResults({ by: "", confirmErrors: true }, AT);
    expect(annexStale.kind === "refused" && annexStale.cells.every((c) => c.startsWith("Phụ lục!"))).toBe(true);
    expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
    expect((await lockResults({ by: "", password: "bí mật", confirmErrors: true }, AT)).kind).toBe("locked");
    expect(ws.snapshot().protection.hasPassword).toBe(true);
    const wrong = await unlockResults({ by: "", reason: "x", password: "sai" }, AT);
    expect(wrong.kind).toBe("refused");
    expect(storedLock(double)).toBeDefined();
    expect((await unlockResults({ by: "", reason: "x", password: "bí mật" }, AT)).kind).toBe("unlocked");
  });

  it("on ExcelApi 1.4 (no password argument) a lock without a password works, one with a password is refused up front", async () => {
    await scoredWithAnnex(4);
    expect((await lockResults({ by: "", password: "x", confirmErrors: true }, AT)).message).toContain("Excel 2019, Excel 2021 hoặc Microsoft 365");
    expect((await lockResults({ by: "", confirmErrors: true }, AT)).kind).toBe("locked");
  });
});

describe("Nhật ký in Excel (the strict double)", () => {
  const storage = new Map<string, string>();
  beforeAll(() => {
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => storage.set(k, v),
    };
  });
  afterAll(() => delete (globalThis as { localStorage?: unknown }).localStorage);

  const logOf = (double: Double) => {
    const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
    if (!decoded.ok) throw new Error(decoded.message);
    return decoded.state.log!;
  };

  it("Tính điểm logs the cells it changed with old and new values and who; Hoàn tác is an entry of its own and the log survives it; lock and unlock are entries", async () => {
    storage.set("xep-hang-cntt.by", "Phạm D");
    const setup = referenceDouble(20);
    restore = setup.restore;
    const { double, ws } = setup;
    ws.setValues("D12", [[95]]);
    const syncs = double.stats.syncs;
    expect((await runScoring("pane")).kind).toBe("done");
    // the log rides in the same batch (2 syncs); the first action on a workbook at ExcelApi 1.20 on Windows also makes
    // the hidden store on its own, outside Excel's undo group (+2, once)
    expect(double.stats.syncs - syncs).toBe(4);
    let log = logOf(double);
    expect(log.entries).toHaveLength(1);
    const [scored] = log.entries;
    expect(scored).toMatchObject({ action: "score", by: "Phạm D", via: "pane", sheet: SHEET });
    const total = scored.cells.find(([a]) => a === "J12")!;
    expect(total[2]).toBe(String(ws.getValues("J12")[0][0]));
    expect(total[1]).not.toBe(total[2]);

    expect((await undoLast()).kind).toBe("done");
    log = logOf(double);
    expect(log.entries.map((e) => e.action)).toEqual(["score", "undo"]);
    expect(log.entries[1].note).toContain("Tính điểm");

    expect((await runScoring("ribbon")).kind).toBe("done");
    expect((await lockResults({ by: "Phạm D", confirmErrors: true }, AT)).kind).toBe("locked");
    expect((await unlockResults({ by: "Phạm D", reason: "Kiến nghị của Sở Y tế" }, AT)).kind).toBe("unlocked");
    log = logOf(double);
    expect(log.entries.map((e) => [e.action, e.via])).toEqual([
      ["score", "pane"],
      ["undo", "pane"],
      ["score", "ribbon"],
      ["lock", "pane"],
      ["unlock", "pane"],
    ]);
    expect(log.entries[4].note).toMatch(/: Kiến nghị của Sở Y tế$/);
  });
});
