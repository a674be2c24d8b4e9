import { Finding, findingMessage } from "../findings/findings";
import { rankedRows, ScoreResult } from "./scoring";
import { LastRun } from "../store/store";
import { ifCorrectedText } from "../findings/explain-messages";

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
      // Where it is, as the pane lists it: Hoàn tác brings this run back, its findings with their agency and group line.
      if (f.agency) stored.agency = f.agency;
      if (f.group) stored.group = f.group;
      if (f.value) stored.value = f.value;
      if (f.sheet) stored.sheet = f.sheet;
      const vi = values ? ifCorrectedText(result, f, "vi", values) : null;
      if (vi !== null) {
        stored.ifCorrected = vi;
        stored.ifCorrectedEn = ifCorrectedText(result, f, "en", values!) ?? undefined;
      }
      return stored;
    }),
  };
}
