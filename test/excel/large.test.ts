/** A sheet past Excel on the web's 5 MB response limit: read and written in blocks, still exact. */
import { createOfficeDouble, FIVE_MB } from "../office-double/index";
import { runScoring } from "../../src/excel/scoring";
import { batchBlocks } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { generateAnnex } from "../../src/excel/annex";
import { BYTES_PER_SYNC } from "../../src/excel/host";
import { loadSettings, saveDecision } from "../../src/excel/settings";
import { benchSheet, HEADER_ROW } from "../../bench/core";

type Request = { requestBytes: number; responseBytes: number; bytes: number; error?: string };

/**
 * The batches that write (a read's request is a few hundred bytes; a write carries its values): each
 * within the byte budget the add-in plans with, counted by the double for the request and for the
 * response on their own (Excel limits each on its own). Returns how many there were.
 */
function expectWritesWithinBudget(requests: readonly Request[]): number {
  const writes = requests.filter((r) => !r.error && r.requestBytes >= 64 * 1024);
  for (const r of writes) {
    expect(r.requestBytes).toBeLessThanOrEqual(BYTES_PER_SYNC);
    expect(r.responseBytes).toBeLessThanOrEqual(BYTES_PER_SYNC);
  }
  return writes.length;
}

/** "12.34" → 1234n: a typed score in hundredths, from its decimal digits (no float arithmetic). */
function hundredths(v: unknown): bigint {
  const [whole, frac = ""] = String(v).split(".");
  expect(frac.length).toBeLessThanOrEqual(2);
  return BigInt(whole + frac.padEnd(2, "0"));
}

/**
 * The oracle: Thái Bình 2020 worked out with integers. Maximum 498 (500 less the 2 points not
 * evaluated), 398 for an agency without administrative procedures (DVCTT, 100 points, exempt); index
 * = total ÷ maximum rounded half-up to 3 places; Tốt from 0,850, Khá from 0,700; competition ranks
 * by index (ties share a rank, the next is skipped).
 */
function oracle(values: readonly (readonly unknown[])[]) {
  const rows = values.slice(HEADER_ROW + 1).map((cells) => {
    const total = cells.slice(2, 8).reduce<bigint>((sum, v) => sum + hundredths(v), 0n);
    const max = String(cells[8]).includes("Không TTHC") ? 398n : 498n;
    // round(total/100 ÷ max × 1000) = floor((20·total + max) ÷ (2·max)), in thousandths
    const index = (20n * total + max) / (2n * max);
    const className = index >= 850n ? "Tốt" : index >= 700n ? "Khá" : "Trung bình";
    return { total, index, className, rank: 0 };
  });
  const order = [...rows].sort((a, b) => (a.index === b.index ? 0 : a.index > b.index ? -1 : 1));
  order.forEach((r, i) => (r.rank = i > 0 && r.index === order[i - 1].index ? order[i - 1].rank : i + 1));
  return rows;
}

it("scores 40 000 agencies: the read and the state are split in blocks, each request under 5 MB", async () => {
  const n = 40000;
  // below ExcelApi 1.20: the blocks as counted here (at 1.20 the first action also makes the store on its own)
  const double = createOfficeDouble({ apiLevel: 19, sheets: ["Chấm điểm"] });
  const ws = double.workbook.sheet("Chấm điểm");
  const input = benchSheet(n);
  ws.setValues("A1", input as (string | number)[][]);
  const before = ws.snapshot();
  const restore = double.install(globalThis);
  try {
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.run.agencies).toBe(n);
    const failed = double.stats.requests.filter((r) => r.error);
    expect(failed.map((r) => r.error)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    for (const r of double.stats.requests.filter((x) => !x.error)) {
      expect(r.requestBytes).toBeLessThanOrEqual(FIVE_MB);
      expect(r.responseBytes).toBeLessThanOrEqual(FIVE_MB);
    }
    expect(double.stats.syncs).toBeLessThan(20);
    // The results go in several batches, each within the budget.
    expect(expectWritesWithinBudget(double.stats.requests)).toBeGreaterThanOrEqual(3);
    // Every row written, each figure what the integer oracle gives.
    expect(ws.getValues("J4:M4")[0]).toEqual(["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"]);
    const written = ws.getValues(`J5:M${n + 4}`) as [number, number, string, number][];
    const expected = oracle(input);
    expect(written).toHaveLength(n);
    const wrong = written
      .map(([total, index, className, rank], i) => ({ row: i + 5, got: [total, index, className, rank], want: expected[i] }))
      .filter(
        ({ got, want }) => got[0] !== Number(want.total) / 100 || got[1] !== Number(want.index) / 1000 || got[2] !== want.className || got[3] !== want.rank,
      );
    expect(wrong.slice(0, 5)).toEqual([]);
    // The oracle itself sees ties, exempt agencies and every class in this sheet.
    expect(new Set(expected.map((r) => r.rank)).size).toBeLessThan(n);
    expect(new Set(expected.map((r) => r.className)).size).toBe(3);

    double.stats.reset();
    const undone = await undoLast();
    expect(undone.kind).toBe("done");
    expect(ws.snapshot().cells).toEqual(before.cells);
    expect(expectWritesWithinBudget(double.stats.requests)).toBeGreaterThanOrEqual(1);

    // The annex from the same sheet: its read is split the same way, each request under 5 MB.
    await saveDecision({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" });
    double.stats.reset();
    const annex = await generateAnnex({ confirmErrors: true });
    expect(annex).toMatchObject({ kind: "done" });
    expect(double.stats.requests.filter((r) => r.error).map((r) => r.error)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    for (const r of double.stats.requests.filter((x) => !x.error)) expect(Math.max(r.requestBytes, r.responseBytes)).toBeLessThanOrEqual(FIVE_MB);
    // The annex's texts share the first batch with the store and the formatting, then go by blocks.
    expect(expectWritesWithinBudget(double.stats.requests)).toBeGreaterThanOrEqual(3);
    expect(double.workbook.sheet("Phụ lục").getValues(`B${n + 5}:B${n + 5}`)[0][0]).not.toBe("");

    // The store now holds the annex too, past 5 MB: it is read in blocks by the next actions.
    double.workbook.setActive("Chấm điểm");
    double.stats.reset();
    const again = await runScoring("pane");
    expect(again).toMatchObject({ kind: "done" });
    for (const r of double.stats.requests.filter((x) => !x.error)) expect(Math.max(r.requestBytes, r.responseBytes)).toBeLessThanOrEqual(FIVE_MB);
    expectWritesWithinBudget(double.stats.requests);
    double.stats.reset();
    expect(await undoLast()).toMatchObject({ kind: "done" });
    expectWritesWithinBudget(double.stats.requests);
    expect((await loadSettings()).decision.number).toBe("06/QĐ-UBND");
  } finally {
    restore();
  }
});

it("splits result blocks by size, cutting a block by rows", () => {
  const block = {
    row: 4,
    col: 9,
    values: Array.from({ length: 100 }, () => [474.95, 0.954, "Tốt", 2]),
    numberFormat: Array.from({ length: 100 }, () => ["General", "0.000", "General", "0"]),
  };
  const batches = batchBlocks([block, { ...block, row: 200 }], 5000);
  expect(batches.length).toBeGreaterThan(2);
  expect(batches.flat().reduce((n, b) => n + b.values.length, 0)).toBe(200);
  expect(batches.flat()[1].row).toBe(4 + batches.flat()[0].values.length);
  expect(batchBlocks([block], 1e9)).toEqual([[block]]);
});

it("every batch of result blocks carries at most the budget, and the cells are those of the blocks, each once", () => {
  // Rows of different sizes (Vietnamese class names take 2–3 bytes a letter), in three blocks.
  const classNames = ["Tốt", "Khá", "Trung bình", "Chưa đạt yêu cầu"];
  const blockAt = (row: number, col: number, length: number) => ({
    row,
    col,
    values: Array.from({ length }, (_, i) => [474.95 - i / 7, 0.954, classNames[(row + i) % 4].repeat(1 + (i % 5)), i + 1] as (string | number)[]),
    numberFormat: Array.from({ length }, () => ["General", "0.000", "@", "0"]),
  });
  const blocks = [blockAt(4, 9, 300), blockAt(310, 9, 1), blockAt(320, 2, 250)];
  const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), "utf8");
  for (const [budget, first] of [
    [4000, 0],
    [4000, 3000],
    [20000, 500],
  ]) {
    const batches = batchBlocks(blocks, budget, first);
    batches.forEach((batch, i) => {
      const carried = batch.reduce((n, b) => n + bytes(b.values) + bytes(b.numberFormat), i === 0 ? first : 0);
      expect(carried).toBeLessThanOrEqual(budget);
      expect(batch.length).toBeGreaterThan(0);
    });
    // Cell by cell, the batches hold what the blocks hold: same address, value and format.
    const cells = (bs: typeof blocks) =>
      bs.flatMap((b) => b.values.flatMap((row, i) => row.map((v, j) => `${b.row + i}:${b.col + j}=${v}|${b.numberFormat[i][j]}`)));
    expect(cells(batches.flat())).toEqual(cells(blocks));
  }
});
