/**
 * Every user action through the strict Office.js double, on 19 and 10 000 agencies: syncs and
 * bytes (request + response) per action, deterministic. Wall time (this machine, indicative) for
 * the two heavy actions at 10 000.
 */
import { createOfficeDouble } from "../../test/office-double/index";
import { runScoring } from "../../src/excel/scoring";
import { generateAnnex } from "../../src/excel/annex";
import { undoLast } from "../../src/excel/undo";
import { loadSettings, saveDecision } from "../../src/excel/settings";
import { benchSheet, benchSheetWithErrors } from "../core";

interface Ctx {
  rows: number | null;
  log: (...a: unknown[]) => void;
}

interface Row {
  measure: string;
  value: string | number;
  unit?: string;
  note?: string;
}

const kb = (b: number) => (b < 10240 ? `${b} B` : `${(b / 1024).toFixed(0)} KB`);

/** The actions in the order a user runs them, each measured on its own. */
export async function measureActions(n: number): Promise<{ action: string; syncs: number; bytes: number; largest: number; ms: number }[]> {
  const double = createOfficeDouble({ sheets: ["Chấm điểm"] });
  double.workbook.sheet("Chấm điểm").setValues("A1", benchSheet(n) as (string | number)[][]);
  double.workbook.setActive("Chấm điểm");
  const restore = double.install(globalThis);
  const out: { action: string; syncs: number; bytes: number; largest: number; ms: number }[] = [];
  const measure = async (action: string, run: () => Promise<unknown>) => {
    double.stats.reset();
    const t0 = process.hrtime.bigint();
    const outcome = (await run()) as { kind?: string };
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (outcome && outcome.kind && outcome.kind !== "done") throw new Error(`${action}: ${JSON.stringify(outcome).slice(0, 300)}`);
    const requests = double.stats.requests;
    out.push({ action, syncs: double.stats.syncs, bytes: double.stats.bytes, largest: Math.max(0, ...requests.map((r) => r.bytes)), ms });
  };
  try {
    await saveDecision({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" });
    await measure("Tính điểm", () => runScoring("ribbon"));
    await measure("Hoàn tác (after Tính điểm)", () => undoLast());
    await measure("Tính điểm again", () => runScoring("pane"));
    await measure("Tạo phụ lục", () => generateAnnex({ confirmErrors: true }));
    double.workbook.setActive("Chấm điểm");
    await measure("Tạo phụ lục again (regenerate)", () => generateAnnex({ confirmErrors: true }));
    double.workbook.setActive("Phụ lục");
    await measure("Tạo phụ lục from the annex sheet", () => generateAnnex({ confirmErrors: true }));
    await measure("Pane open (settings)", () => loadSettings());
    await measure("Hoàn tác (after Tạo phụ lục)", () => undoLast());
    return out;
  } finally {
    restore();
  }
}

/** Tính điểm on a sheet with a score over the maximum every 19 rows (527 cells to mark at 10 000): syncs and bytes. */
export async function measureMarked(n: number): Promise<{ marks: number; syncs: number; bytes: number; largest: number }> {
  const double = createOfficeDouble({ sheets: ["Chấm điểm"] });
  double.workbook.sheet("Chấm điểm").setValues("A1", benchSheetWithErrors(n) as (string | number)[][]);
  double.workbook.setActive("Chấm điểm");
  const restore = double.install(globalThis);
  try {
    // The decision saved first (at ExcelApi 1.20 on Windows that makes the store, on its own): Tính điểm is then measured alone.
    await saveDecision({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" });
    double.stats.reset();
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(`Tính điểm: ${outcome.message}`);
    const requests = double.stats.requests;
    return { marks: outcome.run.errors, syncs: double.stats.syncs, bytes: double.stats.bytes, largest: Math.max(0, ...requests.map((r) => r.bytes)) };
  } finally {
    restore();
  }
}

/**
 * Tạo phụ lục on a sheet with the 55s (errors the user must confirm): the question, then the annex after
 * “Vẫn tạo phụ lục”, after Tính điểm. Syncs of each and in all (the target: ≤ 4), bytes in all.
 */
export async function measureConfirmed(n: number): Promise<{ asked: number; made: number; bytes: number; largest: number }> {
  const double = createOfficeDouble({ sheets: ["Chấm điểm"] });
  double.workbook.sheet("Chấm điểm").setValues("A1", benchSheetWithErrors(n) as (string | number)[][]);
  double.workbook.setActive("Chấm điểm");
  const restore = double.install(globalThis);
  try {
    await saveDecision({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" });
    const scored = await runScoring("pane");
    if (scored.kind !== "done") throw new Error(`Tính điểm: ${scored.message}`);
    double.stats.reset();
    const question = await generateAnnex({ confirmErrors: false });
    if (question.kind !== "needsConfirmation") throw new Error(`Tạo phụ lục asked nothing: ${question.kind}`);
    const asked = double.stats.syncs;
    const made = await generateAnnex({ confirmErrors: true });
    if (made.kind !== "done") throw new Error(`Tạo phụ lục: ${JSON.stringify(made).slice(0, 300)}`);
    const requests = double.stats.requests;
    return { asked, made: double.stats.syncs - asked, bytes: double.stats.bytes, largest: Math.max(0, ...requests.map((r) => r.bytes)) };
  } finally {
    restore();
  }
}

const section = {
  title: "Office.js double: syncs and bytes per action",
  async run(ctx: Ctx): Promise<Row[]> {
    const rows: Row[] = [];
    for (const n of [19, ctx.rows ?? 10000]) {
      ctx.log(`office double: ${n} agencies…`);
      for (const m of await measureActions(n)) {
        rows.push({
          measure: `${m.action}, ${n}`,
          value: m.syncs,
          unit: m.syncs === 1 ? "sync" : "syncs",
          note: `${kb(m.bytes)} in all, largest sync ${kb(m.largest)}${n >= 10000 ? `; ${m.ms.toFixed(0)} ms` : ""}`,
        });
      }
    }
    const n = ctx.rows ?? 10000;
    ctx.log(`office double: ${n} agencies with errors to mark…`);
    const marked = await measureMarked(n);
    rows.push({
      measure: `Tính điểm, ${n} with ${marked.marks} cells to mark`,
      value: marked.syncs,
      unit: marked.syncs === 1 ? "sync" : "syncs",
      note: `${kb(marked.bytes)} in all, largest sync ${kb(marked.largest)}`,
    });
    for (const m of [19, n]) {
      ctx.log(`office double: Tạo phụ lục with the 55s to confirm, ${m} agencies…`);
      const confirmed = await measureConfirmed(m);
      rows.push({
        measure: `Tạo phụ lục with the 55s confirmed (question + annex), ${m}`,
        value: confirmed.asked + confirmed.made,
        unit: "syncs",
        note: `${confirmed.asked} + ${confirmed.made} (target ≤ 4 in all); ${kb(confirmed.bytes)} in all, largest sync ${kb(confirmed.largest)}`,
      });
    }
    return rows;
  },
};
module.exports = section;
