/**
 * The one "Chốt kết quả" / "Mở chốt" flow (src/core/flows/lock.ts) run over both ports: the add-in's lock through
 * ExcelPort (the strict double) and the flow on the same workbook's package record the same lock, print the same
 * code line and protect the same sheets; unlocked, they give the same record back; a locked workbook refuses
 * Tính điểm through the score flow on either port; verify compares the same cells.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { SHEET_ORIGIN } from "../../../src/core/base/address";
import { lockResults as lockFlow, unlockResults as unlockFlow, verifyLock } from "../../../src/core/flows/lock";
import { planScoring } from "../../../src/core/flows/score";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { PRESET_THAI_BINH_2020, validateRules } from "../../../src/core/rules/rules";
import { decodeStore, StoreState, STORE_SHEET } from "../../../src/core/store/store";
import { generateAnnex } from "../../../src/excel/annex";
import { lockResults, unlockResults } from "../../../src/excel/lock";
import { ExcelPort, loadedRead, queuePortRead } from "../../../src/excel/port";
import { queueSheetRead } from "../../../src/excel/sheet-read";
import { runScoring } from "../../../src/excel/scoring";
import { saveDecision } from "../../../src/excel/settings";
import { XlsxPort } from "../../../src/xlsx/port";
import { SHEET, AT, DECISION, gridDouble, restoreDouble } from "./helpers";

afterEach(restoreDouble);

const BY = "Nguyễn Văn A";
const when = () => new Date(AT);

type Double = ReturnType<typeof gridDouble>;

/** The 40-agency grid scored, with its annex, in the double; and the same workbook as a package. */
async function scoredWithAnnex(): Promise<{ double: Double; bytes: Uint8Array }> {
  const double = gridDouble();
  expect(await saveDecision(DECISION)).toEqual({ ok: true });
  expect((await runScoring("pane")).kind).toBe("done");
  expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
  return { double, bytes: new Uint8Array(await exportWorkbookToXlsxBuffer(double.workbook)) };
}

function stateOf(port: XlsxPort): StoreState {
  const stored = port.readStore();
  if (!stored.ok) throw new Error(stored.message);
  return stored.state;
}

function doubleState(double: Double): StoreState {
  const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
}

function rulesOf(state: StoreState) {
  const checked = validateRules(state.rules ?? PRESET_THAI_BINH_2020);
  if (!checked.ok) throw new Error("rules");
  return checked.rules;
}

/** The user's sheets (not the store) protected now, in each port's workbook. */
const protectedInDouble = (double: Double) =>
  double.workbook
    .snapshot()
    .sheets.map((s) => s.name)
    .filter((n) => n !== STORE_SHEET && double.workbook.sheet(n).snapshot().protection.protected);
const protectedInPackage = (port: XlsxPort) =>
  port
    .sheets()
    .map((s) => s.name)
    .filter((n) => n !== STORE_SHEET && port.isProtected(n));

/** Rows (0-based) of the annex holding a code line. */
const codeRows = (values: readonly (readonly unknown[])[]) =>
  values.flatMap((row, i) => (typeof row[0] === "string" && row[0].startsWith("Mã kiểm tra: ") ? [[i, row[0]]] : []));

/** The flow on the package: locked, saved and opened again. */
function lockPackage(bytes: Uint8Array, password?: string): XlsxPort {
  const port = XlsxPort.open(bytes);
  const state = stateOf(port);
  const locked = lockFlow(port, { sheet: SHEET, state, rules: rulesOf(state), at: AT, by: ` ${BY} `, via: "cli", password, confirmErrors: true });
  if (!locked.ok) throw new Error(locked.message.message);
  return XlsxPort.open(port.toBytes());
}

describe("one Chốt kết quả / Mở chốt flow over both ports", () => {
  it("records the same lock (fingerprint, code, cells), prints the same code line and protects the same sheets", async () => {
    const { double, bytes } = await scoredWithAnnex();
    double.stats.reset();
    const inExcel = await lockResults({ by: BY, confirmErrors: true }, when);
    expect(double.stats.syncs).toBe(3);
    if (inExcel.kind !== "locked") throw new Error(inExcel.message);

    const locked = lockPackage(bytes);
    const excelState = doubleState(double);
    const packageState = stateOf(locked);
    expect(packageState.lock).toEqual(excelState.lock);
    expect(packageState.lock).toMatchObject({ code: inExcel.code, by: BY, at: AT, sheet: SHEET, protectedSheets: [SHEET, "Phụ lục"] });
    expect(packageState.lock!.cells.length).toBeGreaterThan(40 * 5);
    // The same entry in the log, but for where it was made; the undo journal gone in both.
    const { via: viaExcel, ...entryExcel } = excelState.log!.entries.at(-1)!;
    const { via: viaPackage, ...entryPackage } = packageState.log!.entries.at(-1)!;
    expect([viaExcel, viaPackage]).toEqual(["pane", "cli"]);
    expect(entryPackage).toEqual(entryExcel);
    // Locked with the grid's errors confirmed: the confirmation and its cells are in the entry.
    expect(entryPackage).toMatchObject({ action: "lock", note: `${inExcel.code}; xác nhận chốt khi còn 3 lỗi: C5, C24, C43` });
    expect([excelState.undo, packageState.undo]).toEqual([undefined, undefined]);

    expect(protectedInDouble(double)).toEqual([SHEET, "Phụ lục"]);
    expect(protectedInPackage(locked)).toEqual([SHEET, "Phụ lục"]);
    const line = [[expect.any(Number), `Mã kiểm tra: ${inExcel.code}`]];
    const excelLine = codeRows(double.workbook.sheet("Phụ lục").getValues("A1:A200"));
    expect(excelLine).toEqual(line);
    expect(codeRows(locked.readSheet("Phụ lục").values)).toEqual(excelLine);
  }, 60_000);

  it("a locked workbook refuses Tính điểm through the score flow on either port, nothing written; shown only, it is planned", async () => {
    const { double, bytes } = await scoredWithAnnex();
    const locked = lockPackage(bytes);
    const state = stateOf(locked);
    const snapshot = locked.readSheet(SHEET);
    const scored = scoreSheet(snapshot.values, rulesOf(state), SHEET_ORIGIN);
    if (!scored.ok) throw new Error("grid");
    const refused = planScoring(locked, { sheet: SHEET, scored, state, comparison: null, where: "cli" });
    expect(refused).toMatchObject({ ok: false, cells: [] });
    expect(!refused.ok && refused.message).toContain(`Kết quả đã được chốt (mã kiểm tra ${state.lock!.code}`);
    expect(planScoring(locked, { sheet: SHEET, scored, state, comparison: null, where: "cli", showOnly: true }).ok).toBe(true);

    const inExcel = await lockResults({ by: BY, confirmErrors: true }, when);
    if (inExcel.kind !== "locked") throw new Error(inExcel.message);
    double.workbook.setActive(SHEET);
    const before = double.workbook.snapshot();
    double.stats.reset();
    const outcome = await Excel.run(async (context) => {
      const read = queuePortRead(context, context.workbook.worksheets.getActiveWorksheet());
      await context.sync();
      const port = new ExcelPort(context, loadedRead(read));
      const stored = port.readStore();
      if (!stored.ok) throw new Error("store");
      const grid = port.readSheet(SHEET);
      const result = scoreSheet(grid.values, rulesOf(stored.state), grid.origin);
      if (!result.ok) throw new Error("grid");
      return planScoring(port, { sheet: SHEET, scored: result, state: stored.state, comparison: null });
    });
    expect(outcome).toEqual(refused.ok ? null : { ok: false, cells: [], message: refused.message, messageEn: refused.messageEn });
    expect(double.stats.syncs).toBe(1);
    expect(double.workbook.snapshot()).toEqual(before);
  }, 60_000);

  it("verify compares the same cells on either port: nothing on the locked workbook, the score edited by another program after", async () => {
    const { double, bytes } = await scoredWithAnnex();
    const inExcel = await lockResults({ by: BY, confirmErrors: true }, when);
    if (inExcel.kind !== "locked") throw new Error(inExcel.message);
    const locked = lockPackage(bytes);
    const state = stateOf(locked);
    expect(verifyLock(locked, state, state.lock!)).toEqual([]);

    const throughExcel = () =>
      Excel.run(async (context) => {
        const read = queuePortRead(context, context.workbook.worksheets.getItem(SHEET));
        // verify compares the printed annex too: its sheet read in the same sync.
        const annex = queueSheetRead(context.workbook.worksheets.getItem("Phụ lục"), "values");
        await context.sync();
        const annexData = annex.result();
        const port = new ExcelPort(context, { ...loadedRead(read), others: new Map([[annexData.name, annexData]]) });
        const stored = port.readStore();
        if (!stored.ok) throw new Error("store");
        return verifyLock(port, stored.state, stored.state.lock!);
      });
    expect(await throughExcel()).toEqual([]);

    // The first agency's Hạ tầng kỹ thuật score (C5), changed by another program in both workbooks.
    const was = double.workbook.sheet(SHEET).getValues("C5")[0][0] as number;
    double.workbook.sheet(SHEET).setValues("C5", [[was - 1]]);
    locked.writeValues(SHEET, [{ row: 4, col: 2, value: was - 1 }]);
    const edited = XlsxPort.open(locked.toBytes());
    const difference = [{ cell: "C5", locked: String(was), now: String(was - 1) }];
    expect(verifyLock(edited, state, state.lock!)).toEqual(difference);
    expect(await throughExcel()).toEqual(difference);
  }, 60_000);

  it("unlocks the same way on either port: the same record, the sheets unprotected, the code line emptied; a wrong password refused before anything", async () => {
    const { double, bytes } = await scoredWithAnnex();
    expect((await lockResults({ by: BY, confirmErrors: true }, when)).kind).toBe("locked");
    const locked = lockPackage(bytes);

    double.stats.reset();
    expect(await unlockResults({ by: "Trần B", reason: "Hội đồng điều chỉnh" }, when)).toMatchObject({ kind: "unlocked" });
    expect(double.stats.syncs).toBe(3);
    const state = stateOf(locked);
    const unlocked = unlockFlow(locked, { state, reason: " Hội đồng điều chỉnh ", at: AT, by: "Trần B", via: "cli" });
    if (!unlocked.ok) throw new Error(unlocked.message.message);
    const opened = XlsxPort.open(locked.toBytes());
    const [excelState, packageState] = [doubleState(double), stateOf(opened)];
    expect(packageState.unlocks).toEqual(excelState.unlocks);
    expect(packageState.unlocks).toEqual([{ code: state.lock!.code, lockedAt: AT, lockedBy: BY, at: AT, by: "Trần B", reason: "Hội đồng điều chỉnh" }]);
    expect([excelState.lock, packageState.lock]).toEqual([undefined, undefined]);
    expect(protectedInDouble(double)).toEqual([]);
    expect(protectedInPackage(opened)).toEqual([]);
    expect(codeRows(double.workbook.sheet("Phụ lục").getValues("A1:A200"))).toEqual([]);
    expect(codeRows(opened.readSheet("Phụ lục").values)).toEqual([]);

    // On the package the password is checked before anything is queued: the sheet it does not open is named.
    const withPassword = lockPackage(bytes, "bí mật");
    const protectedState = stateOf(withPassword);
    const wrong = unlockFlow(withPassword, { state: protectedState, reason: "x", at: AT, by: "", via: "cli", password: "sai" });
    expect(wrong).toMatchObject({ ok: false, cells: [] });
    expect(!wrong.ok && wrong.message.message).toContain(`Mật khẩu không đúng (trang “${SHEET}”`);
    expect(unlockFlow(withPassword, { state: protectedState, reason: "x", at: AT, by: "", via: "cli", password: "bí mật" }).ok).toBe(true);
  }, 60_000);
  it("refuses while the grid's errors remain, naming the cells, on either port; confirmed, it locks", async () => {
    const { double, bytes } = await scoredWithAnnex();
    const before = double.workbook.snapshot();
    const inExcel = await lockResults({ by: BY }, when);
    expect(inExcel).toMatchObject({ kind: "needsConfirmation", cells: ["C5", "C24", "C43"] });
    expect(inExcel.message).toContain("bảng điểm còn 3 lỗi chưa sửa");
    expect(double.workbook.snapshot()).toEqual(before);
    const port = XlsxPort.open(bytes);
    const state = stateOf(port);
    const refusedPackage = lockFlow(port, { sheet: SHEET, state, rules: rulesOf(state), at: AT, by: BY, via: "cli" });
    expect(refusedPackage).toMatchObject({ ok: false, cells: ["C5", "C24", "C43"] });
    expect(!refusedPackage.ok && refusedPackage.message.message).toContain("--confirm-errors");
    expect(stateOf(XlsxPort.open(port.toBytes())).lock).toBeUndefined();
    expect((await lockResults({ by: BY, confirmErrors: true }, when)).kind).toBe("locked");
  });

  it("refuses an annex sheet that does not say what the results say, naming the cell, on either port; verify names it after the lock", async () => {
    const { double, bytes } = await scoredWithAnnex();
    // A figure of the annex's table (its first row, column C), changed by another program in both workbooks.
    const annex = double.workbook.sheet("Phụ lục");
    const total = annex.getValues("C6")[0][0];
    annex.setValues("C6", [["999"]]);
    const port = XlsxPort.open(bytes);
    port.writeValues("Phụ lục", [{ row: 5, col: 2, value: "999" }]);
    const edited = XlsxPort.open(port.toBytes());
    const state = stateOf(edited);
    const refusedPackage = lockFlow(edited, { sheet: SHEET, state, rules: rulesOf(state), at: AT, by: BY, via: "cli", confirmErrors: true });
    expect(refusedPackage).toMatchObject({ ok: false, cells: ["Phụ lục!C6"] });
    expect(!refusedPackage.ok && refusedPackage.message.message).toContain(`Phụ lục!C6: 999, kết quả ${total}`);
    const inExcel = await lockResults({ by: BY, confirmErrors: true }, when);
    expect(inExcel).toMatchObject({ kind: "refused", cells: ["Phụ lục!C6"] });

    // Locked as made, then the annex edited: verify names the cell with what the locked results give.
    const locked = lockPackage(bytes);
    locked.writeValues("Phụ lục", [{ row: 5, col: 2, value: "999" }]);
    const after = XlsxPort.open(locked.toBytes());
    expect(verifyLock(after, stateOf(after), stateOf(after).lock!)).toEqual([{ cell: "Phụ lục!C6", locked: String(total), now: "999" }]);
  });
});
