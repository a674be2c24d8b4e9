/** A sheet past Excel on the web's 5 MB response limit: read and written in blocks, still exact. */
import { createOfficeDouble, FIVE_MB } from "../office-double";
import { runScoring } from "../../src/excel/scoring";
import { batchBlocks } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { generateAnnex } from "../../src/excel/annex";
import { loadSettings, saveDecision } from "../../src/excel/settings";
import { benchSheet } from "../../bench/core";

it("scores 40 000 agencies: the read and the state are split in blocks, each request under 5 MB", async () => {
  const n = 40000;
  const double = createOfficeDouble({ sheets: ["Chấm điểm"] });
  const ws = double.workbook.sheet("Chấm điểm");
  ws.setValues("A1", benchSheet(n) as (string | number)[][]);
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
    // Every row written, ranks consistent with the indices (ties share, the next is skipped).
    const rows = ws.getValues(`K5:M${n + 4}`) as [number, string, number][];
    const sorted = rows.map((r) => r[0]).sort((a, b) => b - a);
    const firstAt = new Map<number, number>();
    sorted.forEach((v, i) => firstAt.has(v) || firstAt.set(v, i + 1));
    expect(rows.every(([index, , rank]) => rank === firstAt.get(index))).toBe(true);

    const undone = await undoLast();
    expect(undone.kind).toBe("done");
    expect(ws.snapshot().cells).toEqual(before.cells);

    // The annex from the same sheet: its read is split the same way, each request under 5 MB.
    await saveDecision({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" });
    double.stats.reset();
    const annex = await generateAnnex({ confirmErrors: true });
    expect(annex).toMatchObject({ kind: "done" });
    expect(double.stats.requests.filter((r) => r.error).map((r) => r.error)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    for (const r of double.stats.requests.filter((x) => !x.error)) expect(r.requestBytes + r.responseBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(double.workbook.sheet("Phụ lục").getValues(`B${n + 5}:B${n + 5}`)[0][0]).not.toBe("");

    // The store now holds the annex too, past 5 MB: it is read in blocks by the next actions.
    double.workbook.setActive("Chấm điểm");
    double.stats.reset();
    const again = await runScoring("pane");
    expect(again).toMatchObject({ kind: "done" });
    for (const r of double.stats.requests.filter((x) => !x.error)) expect(r.requestBytes + r.responseBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(await undoLast()).toMatchObject({ kind: "done" });
    expect((await loadSettings()).decision.number).toBe("06/QĐ-UBND");

  } finally {
    restore();
  }
});

it("splits result blocks by size, cutting a block by rows", () => {
  const block = { row: 4, col: 9, values: Array.from({ length: 100 }, () => [474.95, 0.954, "Tốt", 2]), numberFormat: Array.from({ length: 100 }, () => ["General", "0.000", "General", "0"]) };
  const batches = batchBlocks([block, { ...block, row: 200 }], 5000);
  expect(batches.length).toBeGreaterThan(2);
  expect(batches.flat().reduce((n, b) => n + b.values.length, 0)).toBe(200);
  expect(batches.flat()[1].row).toBe(4 + batches.flat()[0].values.length);
  expect(batchBlocks([block], 1e9)).toEqual([[block]]);
});
