import { Finding, findingMessage } from "./findings";
import { rankedRows, ScoreResult } from "./scoring";
import { LastRun } from "./store";
import { ifCorrectedText } from "./explain-messages";

/**
 * The summary of a run, as stored in the workbook so the pane can show a run started from the ribbon.
 * With the values scored, each finding on a score keeps what correcting it would change (both languages).
 */
export function lastRunRecord(
  result: Extract<ScoreResult, { ok: true }>,
  sheet: string,
  source: LastRun["source"],
  at: Date,
  values?: readonly (readonly unknown[])[],
): LastRun {
  const ranked = rankedRows(result.rows).filter((r) => r.rank !== null);
  const top = ranked.filter((r) => r.rank === 1).map((r) => r.name);
  const lastRank = ranked.length ? ranked[ranked.length - 1].rank : null;
  const bottom = ranked.filter((r) => r.rank === lastRank).map((r) => r.name);
  return {
    at: at.toISOString(),
    sheet,
    source,
    agencies: result.summary.agencies,
    scored: result.summary.scored,
    byClass: result.summary.byClass,
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    top,
    bottom,
    findings: result.findings.map((f: Finding) => {
      const stored: LastRun["findings"][number] = { cell: f.cell, severity: f.severity, code: f.code, message: f.message, messageEn: findingMessage(f, "en") };
      const vi = values ? ifCorrectedText(result, f, "vi", values) : null;
      if (vi !== null) {
        stored.ifCorrected = vi;
        stored.ifCorrectedEn = ifCorrectedText(result, f, "en", values!) ?? undefined;
      }
      return stored;
    }),
  };
}

/** One line for a notification: "19 cơ quan: 7 Tốt, 8 Khá, 4 Trung bình. 1 lỗi cần sửa." */
export function summaryLine(run: Pick<LastRun, "agencies" | "scored" | "byClass" | "errors" | "warnings">): string {
  const classes = run.byClass.map((c) => `${c.count} ${c.name}`).join(", ");
  // Rules without classes (national tables): just the count.
  let line = classes ? `${run.agencies} cơ quan: ${classes}.` : `${run.agencies} cơ quan.`;
  if (run.scored < run.agencies) line += ` ${run.agencies - run.scored} cơ quan chưa tính được điểm.`;
  if (run.errors > 0) line += ` ${run.errors} lỗi cần sửa.`;
  if (run.warnings > 0) line += ` ${run.warnings} cảnh báo.`;
  return line;
}
