import { sheetColumns } from "../../../src/core/grid/columns";
import { fingerprint } from "../../../src/core/base/hash";
import {
  CODE_ALPHABET,
  compareWithLock,
  LockRecord,
  lockRefusal,
  makeLock,
  normaliseCode,
  resultsSnapshot,
  snapshotCells,
  snapshotFingerprint,
  verificationCode,
} from "../../../src/core/store/lock";
import { presetRules } from "../../../src/core/rules/rules";
import { ScoreResult, scoreSheet } from "../../../src/core/grid/scoring";
import { decodeStore, decodeStoreHead, encodeStore } from "../../../src/core/store/store";
import { cellAddress, parseCell } from "../../../src/core/base/address";
import { fullScores, simpleSheet } from "../helpers";

const rules = presetRules();
type Scored = Extract<ScoreResult, { ok: true }>;
const DECISION = { number: "06/QĐ-UBND", date: "05/01/2021" };

/** A sheet scored and its results written as "Tính điểm" writes them (the result columns after Ghi chú). */
function scoredSheet(): unknown[][] {
  const values = simpleSheet([
    { name: "Sở Y tế", scores: fullScores() },
    { name: "Sở Tài chính", scores: [45, 90, 90, 90, 90, 45] },
    { name: "Sở Nội vụ", scores: [30, 60, 60, 60, 60, 30] },
  ]);
  const first = scoreSheet(values, rules) as Scored;
  const cols = sheetColumns(rules);
  values[0].push(...cols.map((c) => c.sheet.header));
  for (const r of first.rows) values[r.row].push(...cols.map((c) => c.value(r) ?? ""));
  return values;
}

function lockOf(values: unknown[][]): LockRecord {
  const result = scoreSheet(values, rules) as Scored;
  const snap = resultsSnapshot(values, result, "Bảng điểm", rules.json, DECISION);
  if (!snap.ok) throw new Error(snap.code);
  return makeLock(snap.snapshot, "2026-12-07T09:30:00.000Z", "Nguyễn Văn A");
}

function compare(lock: LockRecord, values: unknown[][], decision: { number?: string; date?: string } = DECISION, rulesPrint = fingerprint(rules.json)) {
  const result = scoreSheet(values, rules);
  const now = result.ok ? snapshotCells(values, result) : [];
  return compareWithLock(lock, values, now, rulesPrint, decision, (a) => {
    const { row, col } = parseCell(a);
    return values[row]?.[col];
  });
}

test("a code is 8 characters of the alphabet without look-alikes, from the fingerprint's first 40 bits", () => {
  expect(CODE_ALPHABET).toHaveLength(32);
  expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
  expect(verificationCode("0000000000" + "f".repeat(54))).toBe("2222-2222");
  expect(verificationCode("ffffffffff" + "0".repeat(54))).toBe("ZZZZ-ZZZZ");
  expect(verificationCode("0842108421")).toBe("3333-3333");
  expect(normaliseCode(" 7f3k 92qd ")).toBe("7F3K-92QD");
  expect(normaliseCode("7F3K92QD")).toBe("7F3K-92QD");
  expect(normaliseCode("7F3K-92Q0")).toBeNull();
  expect(normaliseCode("7F3K-92Q")).toBeNull();
});

test("the lock freezes names, scores and results of every agency, with the rules and the decision; the same results give the same code", () => {
  const values = scoredSheet();
  const lock = lockOf(values);
  expect(lock.cells.filter(([a]) => a.startsWith("B")).map(([, t]) => t)).toEqual(["Sở Y tế", "Sở Tài chính", "Sở Nội vụ"]);
  // Row 2: name, six groups, Tổng điểm, Chỉ số, Phân loại, Xếp hạng.
  expect(lock.cells.filter(([a]) => a.endsWith("2") && !a.endsWith("12")).map(([a]) => a)).toEqual([
    "B2",
    "C2",
    "D2",
    "E2",
    "F2",
    "G2",
    "H2",
    "J2",
    "K2",
    "L2",
    "M2",
  ]);
  expect(lock.cells.find(([a]) => a === "J2")![1]).toBe("400");
  expect(lock.rules).toBe(fingerprint(rules.json));
  expect(lock.decision).toEqual(DECISION);
  expect(lock.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  expect(lock.code).toBe(verificationCode(lock.fingerprint));
  expect(lockOf(scoredSheet()).code).toBe(lock.code);
  expect(compare(lock, values)).toEqual([]);
});

test("refused on a sheet never scored, or whose results no longer match its scores", () => {
  const plain = simpleSheet([{ name: "Sở Y tế", scores: fullScores() }]);
  expect(resultsSnapshot(plain, scoreSheet(plain, rules) as Scored, "S", rules.json, DECISION)).toMatchObject({ ok: false, code: "notScored" });
  const values = scoredSheet();
  values[1][2] = 10;
  expect(resultsSnapshot(values, scoreSheet(values, rules) as Scored, "S", rules.json, DECISION)).toMatchObject({
    ok: false,
    code: "staleResults",
    cells: ["J2", "K2"],
  });
});

test("every edit is named with its cell, locked and current text: a score, a result, a name, an agency added, the rules, the decision", () => {
  const values = scoredSheet();
  const lock = lockOf(values);
  const edited = scoredSheet();
  edited[2][3] = 95; // D3
  edited[3][12] = 1; // M4 (Xếp hạng)
  edited[1][1] = "Sở Y Tế"; // B2
  expect(compare(lock, edited)).toEqual([
    { cell: "B2", locked: "Sở Y tế", now: "Sở Y Tế" },
    { cell: "D3", locked: "90", now: "95" },
    { cell: "M4", locked: "3", now: "1" },
  ]);
  const added = scoredSheet();
  added.push([4, "Sở Xây dựng", ...fullScores()]);
  expect(compare(lock, added).map((d) => d.cell)).toEqual(["B5", "C5", "D5", "E5", "F5", "G5", "H5"]);
  expect(compare(lock, values, { number: "07/QĐ-UBND", date: DECISION.date })).toEqual([{ cell: "decision.number", locked: "06/QĐ-UBND", now: "07/QĐ-UBND" }]);
  expect(compare(lock, values, DECISION, "0123")).toEqual([{ cell: "rules", locked: lock.rules, now: "0123" }]);
});

test("a lock record edited to match new results no longer gives its code", () => {
  const values = scoredSheet();
  const lock = lockOf(values);
  values[2][3] = 95;
  const forged: LockRecord = { ...lock, cells: lock.cells.map(([a, t]) => [a, a === "D3" ? "95" : t] as [string, string]) };
  const diffs = compare(forged, values);
  expect(diffs).toEqual([{ cell: "lock", locked: lock.code, now: verificationCode(snapshotFingerprint(forged)) }]);
});

test("the lock travels in the store: the head carries its summary, a damaged lock stops rather than unlocks", () => {
  const lock = lockOf(scoredSheet());
  const rows = encodeStore({ lock, unlocks: [] });
  const decoded = decodeStore(rows);
  expect(decoded.ok && decoded.state.lock).toEqual(lock);
  const head = decodeStoreHead(rows.slice(0, 1000));
  expect(head.ok && head.lock).toEqual({ code: lock.code, at: lock.at, by: lock.by, sheet: lock.sheet });
  const damaged = encodeStore({ lock: { ...lock, cells: [["ZZZ0", "x"]] } });
  expect(decodeStore(damaged)).toMatchObject({ ok: false });
});

test("the refusal names the action, the code, who and when", () => {
  const lock = lockOf(scoredSheet());
  const m = lockRefusal(lock, "merge");
  expect(m.message).toContain("Gộp phiếu");
  expect(m.message).toContain(lock.code);
  expect(m.message).toContain("Nguyễn Văn A");
  expect(m.messageEn).toContain("Merge forms");
  expect(cellAddress(0, 0)).toBe("A1");
});
