import { appendLog, blockChanges, logEntry, logSheet, MAX_CELLS, MAX_ENTRIES, WorkLog } from "../../../src/core/store/log";
import { sheetValues } from "../../../src/core/sheets/sheet";
import { decodeStore, encodeStore } from "../../../src/core/store/store";
import { cellAddress } from "../../../src/core/base/address";

const entry = (i: number, action: "score" | "annex" = "score") =>
  logEntry({
    at: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString(),
    action,
    by: "A",
    via: "cli",
    sheet: "S",
    cells: [[`B${i + 2}`, String(i), String(i + 1)]],
  });

test("a block write logs each changed cell with its old and new text, and only those", () => {
  const values = [
    ["Tên", "Tổng"],
    ["Sở Y tế", 400],
    ["Sở Tài chính", ""],
  ];
  const changes = blockChanges(values, [{ row: 1, col: 1, values: [[400], [380.5]] }], (r, c) => cellAddress(r, c));
  expect(changes).toEqual([["B3", "", "380.5"]]);
});

test("an entry keeps at most MAX_CELLS cells and counts the rest", () => {
  const cells = Array.from({ length: MAX_CELLS + 7 }, (_, i): [string, string, string] => [`A${i + 1}`, "", "x"]);
  const e = logEntry({ at: "2026-12-07T09:30:00.000Z", action: "score", by: "", via: "pane", sheet: "S", cells });
  expect(e.cells).toHaveLength(MAX_CELLS);
  expect(e.moreCells).toBe(7);
});

test("past MAX_ENTRIES the oldest entries are folded into a summary: a year of work stays small", () => {
  let log: WorkLog | undefined;
  for (let i = 0; i < MAX_ENTRIES + 50; i++) log = appendLog(log, entry(i, i % 5 === 0 ? "annex" : "score"));
  expect(log!.entries).toHaveLength(MAX_ENTRIES);
  expect(log!.entries[0].cells[0][0]).toBe("B52");
  expect(log!.summary).toEqual({ count: 50, from: entry(0).at, to: entry(49).at, byAction: { annex: 10, score: 40 }, cells: 50 });
  const bytes = JSON.stringify(encodeStore({ log })).length;
  expect(bytes).toBeLessThan(100_000);
  const decoded = decodeStore(encodeStore({ log }));
  expect(decoded.ok && decoded.state.log).toEqual(log);
});

test("the printable sheet lists the newest entry first, one row per cell, the summary last", () => {
  let log = appendLog(undefined, entry(0), logEntry({ at: "2026-02-01T00:00:00.000Z", action: "lock", by: "B", via: "pane", sheet: "S", note: "7F3K-92QD" }));
  log = { ...log, summary: { count: 3, from: "2025-01-01T00:00:00.000Z", to: "2025-02-01T00:00:00.000Z", byAction: { score: 3 }, cells: 9 } };
  const grid = sheetValues(logSheet(log, (iso) => iso.slice(0, 10)));
  expect(grid[1]).toEqual(["Thời điểm", "Thao tác", "Người thực hiện", "Trang", "Ô", "Giá trị cũ", "Giá trị mới", "Ghi chú"]);
  expect(grid[2]).toEqual(["2026-02-01", "Chốt kết quả", "B", "S", "", "", "", "7F3K-92QD"]);
  expect(grid[3]).toEqual(["2026-01-01", "Tính điểm", "A", "S", "B2", "0", "1", ""]);
  expect(String(grid[4][0])).toMatch(/^Trước đó: 3 lần ghi/);
});

test("a damaged log is set aside with a warning, never trusted", () => {
  const rows = encodeStore({ log: { entries: [{ ...entry(0), cells: [["ZZZ0", "", ""]] }] } });
  const decoded = decodeStore(rows);
  expect(decoded.ok && decoded.state.log).toBeUndefined();
  expect(decoded.ok && decoded.issues.map((i) => i.key)).toEqual(["log"]);
});
