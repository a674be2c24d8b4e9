/**
 * The stored data is checked when read: a tampered XepHangCNTT_DuLieu sheet gives a clear message
 * or is set aside with a warning, never a raw error, a hang, or a value trusted for a write.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit decoded JSON as a tamperer would */
import { say } from "../../../src/core/base/catalogue";
import { PRESET_THAI_BINH_2020 } from "../../../src/core/rules/rules";
import { decodeStore, encodeStore } from "../../../src/core/store/store";
import { blockOf } from "../../../src/core/base/address";
import { checkUndoJournal, STORE_MESSAGES, storeIssueMessage } from "../../../src/core/store/store-check";
import { packed, soundState } from "./helpers";

/** The store's rows with one entry's JSON replaced (as someone editing the hidden sheet would). */
function tampered(edit: (state: Record<string, unknown>) => void): string[][] {
  const state = JSON.parse(JSON.stringify(soundState()));
  edit(state);
  return encodeStore(state);
}

describe.each([
  ["a written record with values: null", "written", (s: Record<string, any>) => (s.written.columns[0].values = null), "written.columns[0].values", "notArray"],
  ["marks that is not an array", "marks", (s: Record<string, any>) => (s.marks = { address: "H10" }), "marks", "notArray"],
  ["a mark at address ZZZZ0", "marks", (s: Record<string, any>) => (s.marks[0].address = "ZZZZ0"), "marks[0].address", "badAddress"],
  ["a mark past the last row (H1048577)", "marks", (s: Record<string, any>) => (s.marks[0].address = "H1048577"), "marks[0].address", "badAddress"],
  ["a written column past XFD", "written", (s: Record<string, any>) => (s.written.columns[0].col = "XFE"), "written.columns[0].col", "badAddress"],
  [
    "a written column running past the last row",
    "written",
    (s: Record<string, any>) => (s.written.columns[0].firstRow = 1048570),
    "written.columns[0].values",
    "tooLarge",
  ],
  [
    "an annex whose description claims 4294967294 rows",
    "annex",
    (s: Record<string, any>) => (s.annex.description.styleRuns[0][0] = 4294967294),
    "annex.description.styleRuns[0][0]",
    "notNumber",
  ],
  ["a last run whose findings are text", "lastRun", (s: Record<string, any>) => (s.lastRun.findings = "lỗi"), "lastRun.findings", "notArray"],
  ["an undo journal cell at ZZZZ0", "undo", (s: Record<string, any>) => (s.undo.cells[0].address = "ZZZZ0"), "undo.cells[0].address", "badAddress"],
])("%s", (_label, key, edit, path, code) => {
  const decoded = decodeStore(tampered(edit));

  it("is set aside with a warning naming the entry, where and what; the rest is read", () => {
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.issues).toEqual([{ key, problem: expect.objectContaining({ path, code }) }]);
    expect((decoded.state as Record<string, unknown>)[key]).toBeUndefined();
    expect(decoded.state.rules).toEqual(PRESET_THAI_BINH_2020);
    const [issue] = decoded.issues;
    expect(storeIssueMessage(issue, "XepHangCNTT_DuLieu", "vi")).toMatch(
      new RegExp(`^Dữ liệu “${key}” trong trang ẩn “XepHangCNTT_DuLieu” không hợp lệ nên được bỏ qua: ${path.replace(/[[\]]/g, "\\$&")} `),
    );
    expect(storeIssueMessage(issue, "XepHangCNTT_DuLieu", "en")).toMatch(
      new RegExp(`^The “${key}” data in the hidden sheet “XepHangCNTT_DuLieu” is invalid and was set aside: ${path.replace(/[[\]]/g, "\\$&")} `),
    );
  });
});

describe("part numbers (column B)", () => {
  const rows = encodeStore(soundState());
  const marksRow = rows.findIndex((r) => r[0] === "marks");

  it("a part number of 4294967294 sets that entry aside at once (no 4-billion-part string)", () => {
    const bad = rows.map((r, i) => (i === marksRow ? [r[0], "4294967294", r[2]] : r));
    const decoded = decodeStore(bad);
    expect(decoded.ok && decoded.issues).toEqual([{ key: "marks", problem: expect.objectContaining({ code: "badParts" }) }]);
  });

  it.each([["-1"], ["1.5"], ["abc"], [""]])("a part number of %j sets the entry aside", (part) => {
    const decoded = decodeStore(rows.map((r, i) => (i === marksRow ? [r[0], part, r[2]] : r)));
    expect(decoded.ok && decoded.issues.map((i) => i.key)).toEqual(["marks"]);
  });

  it("a repeated part sets the entry aside", () => {
    const decoded = decodeStore([...rows, rows[marksRow]]);
    expect(decoded.ok && decoded.issues.map((i) => i.problem.code)).toEqual(["badParts"]);
  });

  it("rows that are not rows, or cells of odd types, are no raw error", () => {
    expect(() => decodeStore([rows[0], null as unknown as string[], [{}, [], 5] as unknown as string[]])).not.toThrow();
  });
});

describe("the user's own settings, damaged, stop the action with a message (never replaced by defaults)", () => {
  it.each([
    ["rules that are not a record", (s: Record<string, any>) => (s.rules = [1, 2]), /“rules”.*bị hỏng: rules không phải là một bản ghi/],
    [
      "a decision year that is text",
      (s: Record<string, any>) => (s.decision.year = "hai nghìn"),
      /“decision”.*bị hỏng: decision\.year không phải là số hợp lệ/,
    ],
    [
      "a choice of last year's columns that is not true/false",
      (s: Record<string, any>) => (s.decision.annexPrevious = "có"),
      /“decision”.*bị hỏng: decision\.annexPrevious không phải là giá trị được phép/,
    ],
  ])("%s", (_label, edit, message) => {
    const decoded = decodeStore(tampered(edit));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.message).toMatch(message);
    expect(decoded.messageEn).toMatch(/is damaged/);
  });
});

describe("undo's journal is checked whole before anything is written from it", () => {
  const journal = () => JSON.parse(JSON.stringify(soundState().undo)) as Record<string, any>;

  it("the journal the add-in writes passes", () => expect(checkUndoJournal(soundState().undo, "undo")).toBeNull());

  it.each([
    ["formulas not matching the block's size", (j: Record<string, any>) => j.cells[0].formulas.pop(), "undo.cells[0].formulas", "sizeMismatch"],
    ["a formula that is an object", (j: Record<string, any>) => (j.cells[0].formulas[0][0] = { f: 1 }), "undo.cells[0].formulas[0][0]", "notText"],
    ["a fill colour that is not #RRGGBB", (j: Record<string, any>) => (j.fills[0].color = "red"), "undo.fills[0].color", "badColor"],
    [
      "a format backup of another size than its target",
      (j: Record<string, any>) => (j.formatBackups[0].backup = "AA1:AA2"),
      "undo.formatBackups[0]",
      "sizeMismatch",
    ],
    ["a column width of 1e308", (j: Record<string, any>) => (j.columnWidths[0].width = 1e308), "undo.columnWidths[0].width", "notNumber"],
    ["a previous state whose marks are text", (j: Record<string, any>) => (j.previousState.marks = "x"), "undo.previousState.marks", "notArray"],
    [
      "a previous annex of 4294967294 rows",
      (j: Record<string, any>) => (j.previousAnnex = { sheetName: "Phụ lục", description: { ...packed, rowCount: 4294967294 } }),
      "undo.previousAnnex.description.rowCount",
      "notNumber",
    ],
    ["an unknown action", (j: Record<string, any>) => (j.action = "xoá hết"), "undo.action", "badChoice"],
    ["a sheet name with a slash", (j: Record<string, any>) => (j.sheet = "a/b"), "undo.sheet", "badSheetName"],
    ["a block on another sheet whose name has a slash", (j: Record<string, any>) => (j.cells[0].sheet = "a/b"), "undo.cells[0].sheet", "badSheetName"],
    [
      "what was written not matching the block's size",
      (j: Record<string, any>) => (j.cells[0].wrote = [...j.cells[0].formulas, [1]]),
      "undo.cells[0].wrote",
      "sizeMismatch",
    ],
  ])("%s", (_label, edit, path, code) => {
    const j = journal();
    edit(j);
    const problem = checkUndoJournal(j, "undo");
    expect(problem).toMatchObject({ path, code });
    expect(say(STORE_MESSAGES, "undoJournal", { problem: problem!, sheet: "XepHangCNTT_DuLieu" }, "vi")).toMatch(
      /^Không hoàn tác được: bản ghi hoàn tác .* không hợp lệ .* Chưa có ô nào bị thay đổi\.$/,
    );
    expect(say(STORE_MESSAGES, "undoJournal", { problem: problem!, sheet: "XepHangCNTT_DuLieu" }, "en")).toMatch(
      /^Could not undo: the undo record .* is invalid .* No cell has been changed\.$/,
    );
  });
});

describe("addresses", () => {
  it.each([
    ["A1", { rows: 1, cols: 1 }],
    ["J5:M23", { rows: 19, cols: 4 }],
    ["XFD1048576", { rows: 1, cols: 1 }],
    ["ZZZZ0", null],
    ["XFE1", null],
    ["A1048577", null],
    ["A0", null],
    ["B2:A1", null],
    ["$A$1", null],
    ["Sheet1!A1", null],
  ])("%s", (address, size) => expect(blockOf(address)).toEqual(size));
});
