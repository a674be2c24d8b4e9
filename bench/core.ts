/**
 * Benchmark of the scoring core against a plain floating-point implementation of the same sums.
 *
 * Both read the same generated sheet of N agencies (default 100 000) as Office.js returns it
 * (numbers, a few "Không TTHC" notes, title rows above the header). The core does everything it does
 * for the add-in: locate the grid, parse and check every cell, exact decimal sums, index rounded
 * half-up, class, competition ranking, findings. The float version is what a spreadsheet formula
 * would do: parseFloat of each group cell, sum, divide by the maximum, sort. Goal: core ≤ 10× float.
 *
 * Used by bench/sections/10-core.js (run with `npm run bench`) and by test/core/grid/bench.test.ts.
 */
import type * as Rules from "../src/core/rules/rules";
import type * as Scoring from "../src/core/grid/scoring";

export const GROUP_HEADERS = [
  "Hạ tầng kỹ thuật",
  "Ứng dụng CNTT",
  "Trang/Cổng thông tin điện tử",
  "Cung cấp DVCTT",
  "Cơ chế, chính sách",
  "Nhân lực cho ứng dụng CNTT",
];
const GROUP_MAX = [50, 100, 98, 100, 100, 50];
const EXEMPT_GROUP = 3;
/** Header row of the generated sheet; agencies start on the next row. */
export const HEADER_ROW = 3;
const FIRST_GROUP_COL = 2;
const NOTES_COL = 8;

/** Deterministic PRNG (mulberry32), so every run scores the same sheet. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCY_WORDS = [
  "Sở Thông tin và Truyền thông",
  "Sở Y tế",
  "Sở Tài chính",
  "Ban Quản lý khu kinh tế",
  "Thanh tra",
  "Văn phòng UBND",
  "Sở Giáo dục và Đào tạo",
  "UBND huyện",
];

/** A sheet of `n` agencies: three title rows, the header, then one row per agency. */
export function benchSheet(n: number, seed = 2020): unknown[][] {
  const rnd = prng(seed);
  const values: unknown[][] = [
    ["KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG ỨNG DỤNG CÔNG NGHỆ THÔNG TIN", "", "", "", "", "", "", "", ""],
    ["(Kèm theo Quyết định số …/QĐ-UBND)", "", "", "", "", "", "", "", ""],
    ["", "", "", "", "", "", "", "", ""],
    ["STT", "Tên cơ quan", ...GROUP_HEADERS, "Ghi chú"],
  ];
  for (let i = 0; i < n; i++) {
    const exempt = rnd() < 0.15;
    const row: unknown[] = [i + 1, `${AGENCY_WORDS[i % AGENCY_WORDS.length]} số ${i + 1}`];
    for (let g = 0; g < 6; g++) {
      if (exempt && g === EXEMPT_GROUP) row.push(0);
      else row.push(Math.round(rnd() * GROUP_MAX[g] * 100) / 100); // two decimals, as typed
    }
    row.push(exempt ? "Không TTHC" : "");
    values.push(row);
  }
  return values;
}

/**
 * The bench sheet with a score over its group's maximum (Hạ tầng kỹ thuật, 55 > 50, as the reference's H10) in
 * every `every`-th agency's row: 527 cells to mark at 10 000 agencies and every 19.
 */
export function benchSheetWithErrors(n: number, every = 19, seed = 2020): unknown[][] {
  const values = benchSheet(n, seed);
  for (let r = HEADER_ROW + 1; r < values.length; r += every) values[r][FIRST_GROUP_COL] = 55;
  return values;
}

export interface FloatRow {
  row: number;
  total: number;
  index: number;
  rank: number;
}

/** The plain floating-point version: parseFloat, sum, divide, round to 3 places, sort, rank. */
export function floatScore(values: readonly (readonly unknown[])[]): FloatRow[] {
  const out: FloatRow[] = [];
  for (let r = HEADER_ROW + 1; r < values.length; r++) {
    const cells = values[r];
    let total = 0;
    for (let g = 0; g < 6; g++) total += parseFloat(cells[FIRST_GROUP_COL + g] as string);
    const max = String(cells[NOTES_COL]).includes("Không TTHC") ? 398 : 498;
    out.push({ row: r, total, index: Math.round((total / max) * 1000) / 1000, rank: 0 });
  }
  out.sort((a, b) => b.index - a.index);
  for (let i = 0; i < out.length; i++) out[i].rank = i > 0 && out[i].index === out[i - 1].index ? out[i - 1].rank : i + 1;
  return out;
}

export interface CoreApi {
  scoreSheet: typeof Scoring.scoreSheet;
  presetRules: typeof Rules.presetRules;
}

export interface BenchResult {
  rows: number;
  coreMs: number;
  floatMs: number;
  ratio: number;
  /** Agencies whose float index differs from the exact one (float noise at a rounding boundary). */
  floatIndexDiffers: number;
}

interface Timer {
  (fn: () => void, opts?: { warmup?: number; runs?: number }): { median: number };
}

/** Times the core and the float version on the same sheet and checks that both scored every row. */
export function benchCore(core: CoreApi, time: Timer, n: number): BenchResult {
  const values = benchSheet(n);
  const rules = core.presetRules();
  let result: ReturnType<typeof core.scoreSheet> | null = null;
  let floats: FloatRow[] = [];
  const coreMs = time(() => (result = core.scoreSheet(values, rules)), { warmup: 2, runs: 7 }).median;
  const floatMs = time(() => (floats = floatScore(values)), { warmup: 2, runs: 7 }).median;
  const scored = result as ReturnType<typeof core.scoreSheet> | null;
  if (!scored || !scored.ok || scored.rows.length !== n || scored.summary.scored !== n) throw new Error("the core did not score every generated row");
  if (floats.length !== n) throw new Error("the float version did not score every generated row");
  const exact = new Map(scored.rows.map((r) => [r.row, r]));
  let floatIndexDiffers = 0;
  for (const f of floats) {
    const e = exact.get(f.row)!;
    if (f.index !== Number(e.index!.m) / 10 ** e.index!.s) floatIndexDiffers++;
  }
  return { rows: n, coreMs, floatMs, ratio: coreMs / floatMs, floatIndexDiffers };
}

interface Ctx {
  rows: number | null;
  time: Timer;
  core: (name: string) => unknown;
}

/** The bench section (bench/run.js). */
export const section = {
  title: "Core 100 000 rows",
  run(ctx: Ctx) {
    const n = ctx.rows ?? 100000;
    const scoring = ctx.core("grid/scoring") as typeof Scoring;
    const rules = ctx.core("rules/rules") as typeof Rules;
    const r = benchCore({ scoreSheet: scoring.scoreSheet, presetRules: rules.presetRules }, ctx.time, n);
    const perRow = (ms: number) => ((ms * 1000) / n).toFixed(2);
    return [
      { measure: `core scoreSheet, ${n} rows (median of 7)`, value: r.coreMs.toFixed(1), unit: "ms", note: `${perRow(r.coreMs)} µs/row, exact decimals` },
      {
        measure: "plain float (parseFloat, sum, ÷, sort)",
        value: r.floatMs.toFixed(1),
        unit: "ms",
        note: `${perRow(r.floatMs)} µs/row; index differs on ${r.floatIndexDiffers} rows`,
      },
      { measure: "ratio core / float", value: r.ratio.toFixed(1), unit: "×", note: r.ratio <= 10 ? "goal ≤ 10× met" : "ABOVE the 10× goal" },
    ];
  },
};
