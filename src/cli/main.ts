import * as fs from "fs";
import * as path from "path";
import { scoreWorkbook, ScoreOptions } from "./score";
import { formsMain } from "./forms-main";
import { lockMain, LOCK_CLI_MESSAGES } from "./lock";
import { undoMain, UNDO_CLI_MESSAGES } from "./undo";
import { both, Both, Lang, pick } from "../core/base/catalogue";
import { findingMessage } from "../core/findings/findings";
import { formatVi } from "../core/base/decimal";
import { rankedRows } from "../core/grid/scoring";
import { MERGED, NEW_THIS_YEAR } from "../core/grid/previous";
import { cliBoth, COMMANDS, envLanguage } from "./messages";
import { parseOptions } from "./options";
import { indexText } from "../core/sheets/annex";
import { hasClasses, Rules } from "../core/rules/rules";
import { ifCorrectedLine } from "./extras";
import { LEDGER_CLI_MESSAGES } from "./ledger";
import { ledgerMain } from "./ledger-main";
import { CRITERIA_CLI_MESSAGES, criteriaMain } from "./criteria";
import type { CliIO } from "./io";

export type { CliIO };

type Parsed = { ok: true; opts: ScoreOptions; json: boolean } | { ok: false; message: Both };

const OPTIONS = {
  output: { type: "string", short: "o" },
  sheet: { type: "string" },
  rules: { type: "string" },
  "decision-number": { type: "string" },
  "decision-date": { type: "string" },
  issuer: { type: "string" },
  province: { type: "string" },
  year: { type: "string" },
  subject: { type: "string" },
  "annex-sheet": { type: "string" },
  previous: { type: "string" },
  chart: { type: "string" },
  lang: { type: "string" },
  annex: { type: "boolean" },
  "annex-previous": { type: "boolean" },
  "lineage-2025": { type: "boolean" },
  "force-previous": { type: "boolean" },
  force: { type: "boolean" },
  "fix-encoding": { type: "boolean" },
  explain: { type: "boolean" },
  by: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, { type: "string" | "boolean"; short?: string }>;

type Options = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "string" ? string : boolean };

/** The arguments of `score`, each wrong one named in both languages. */
export function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (command !== "score") return { ok: false, message: command ? cliBoth("badCommand", { command }) : cliBoth("noCommand", {}) };
  const parsed = parseOptions(rest, OPTIONS);
  if (!parsed.ok) return parsed;
  const v: Options = parsed.values;
  if (v.year !== undefined && !/^\d{4}$/.test(v.year)) return { ok: false, message: cliBoth("badYear", { value: v.year }) };
  const [input, extra] = parsed.positionals;
  if (extra !== undefined) return { ok: false, message: cliBoth("extraArgument", { arg: extra }) };
  if (!input) return { ok: false, message: cliBoth("noInput", {}) };
  const decision: ScoreOptions["decision"] = {};
  if (v["decision-number"] !== undefined) decision.number = v["decision-number"];
  if (v["decision-date"] !== undefined) decision.date = v["decision-date"];
  if (v.issuer !== undefined) decision.issuer = v.issuer;
  if (v.province !== undefined) decision.province = v.province;
  if (v.subject !== undefined) decision.subject = v.subject;
  if (v.year !== undefined) decision.year = Number(v.year);
  if (v["annex-sheet"] !== undefined) decision.sheetName = v["annex-sheet"];
  const opts: ScoreOptions = { input, decision };
  if (v.output !== undefined) opts.output = v.output;
  if (v.sheet !== undefined) opts.sheet = v.sheet;
  if (v.rules !== undefined) opts.rulesFile = v.rules;
  if (v.previous !== undefined) opts.previous = v.previous;
  if (v.chart !== undefined) opts.chart = v.chart;
  if (v.annex) opts.annex = true;
  if (v["annex-previous"]) opts.annexPrevious = true;
  if (v.force) opts.force = true;
  if (v["fix-encoding"]) opts.fixEncoding = true;
  if (v.explain) opts.explain = true;
  if (v.by !== undefined) opts.by = v.by.trim();
  if (v["lineage-2025"]) opts.lineage2025 = true;
  if (v["force-previous"]) opts.forcePrevious = true;
  if (opts.lineage2025 && !opts.previous) return { ok: false, message: cliBoth("lineage2025Alone", {}) };
  if (opts.explain && !opts.output) return { ok: false, message: cliBoth("explainNeedsOutput", {}) };
  if (opts.annexPrevious && (!opts.previous || !opts.annex)) {
    const missing = [opts.previous ? "" : "--previous", opts.annex ? "" : "--annex"].filter(Boolean).join(", ");
    return { ok: false, message: cliBoth("annexPreviousAlone", { missing }) };
  }
  return { ok: true, opts, json: v.json === true };
}

/** The user's language: `--lang vi|en` (or `--lang=en`), else the environment's; a wrong value is named. */
export function languageFrom(argv: string[], env: Record<string, string | undefined>): { lang: Lang; bad?: string } {
  const fallback = envLanguage(env);
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return { lang: fallback };
  const value = argv[i].startsWith("--lang=") ? argv[i].slice("--lang=".length) : argv[i + 1];
  if (value === "vi" || value === "en") return { lang: value };
  return { lang: fallback, bad: value ?? "" };
}

/** Pads to a display width (Vietnamese text in NFC is one column per character). */
const pad = (text: string, width: number, right = false) => {
  const t = text.length > width ? text.slice(0, width - 1) + "…" : text;
  return right ? t.padStart(width) : t.padEnd(width);
};

/** A number as the language writes it: 497,1 in Vietnamese, 497.1 in English (the decimal and group marks swapped). */
const inLanguage = (text: string, lang: Lang) => (lang === "en" ? text.replace(/[.,]/g, (m) => (m === "," ? "." : ",")) : text);

/** The change column's words (“mới”, “sáp nhập”) in the language of the output; ▲2, ▼1 and = are the same in both. */
const changeIn = (text: string | undefined, lang: Lang) => (text === NEW_THIS_YEAR.vi ? NEW_THIS_YEAR[lang] : text === MERGED.vi ? MERGED[lang] : (text ?? ""));

/** The ranking as text, by block; with last year's comparison, its rank and the change ("▲2", "mới") on the left. */
export function rankingTable(rows: Parameters<typeof rankedRows>[0], rules: Rules, changes?: (string | undefined)[], lang: Lang = "vi"): string {
  const say = (code: "colRank" | "colAgency" | "colTotal" | "colIndex" | "colClass" | "notScored" | "noBlock") => pick(cliBoth(code, {}), lang);
  // As wide as the widest change (“sáp nhập”), at least 6.
  const width = Math.max(6, ...(changes ?? []).map((c) => (c ?? "").length + 1));
  const change = (i: number) => (changes ? `${pad(changeIn(changes[i], lang), width)}` : "");
  const lines = [
    `${pad(say("colRank"), 5, true)}  ${changes ? pad("±", width) : ""}${pad(say("colAgency"), 46)}  ${pad(say("colTotal"), 9, true)}  ${pad(say("colIndex"), 7, true)}${hasClasses(rules) ? `  ${say("colClass")}` : ""}`,
  ];
  let block: string | null | undefined;
  rankedRows(rows, rules).forEach((r, i) => {
    if (rules.blocks.length > 0 && r.block !== block) {
      block = r.block;
      lines.push(`— ${rules.blocks.find((b) => b.id === r.block)?.name ?? say("noBlock")} —`);
    }
    const cls = hasClasses(rules) ? `  ${r.className ?? (r.index ? "" : say("notScored"))}` : r.index ? "" : `  ${say("notScored")}`;
    lines.push(
      `${pad(r.rank === null ? "—" : String(r.rank), 5, true)}  ${change(i)}${pad(r.name, 46)}  ${pad(r.total ? inLanguage(formatVi(r.total), lang) : "—", 9, true)}  ${pad(r.index ? inLanguage(indexText(rules, r.index), lang) : "—", 7, true)}${cls}`,
    );
  });
  return lines.join("\n");
}

/** The version in package.json (two folders up, from src/cli or dist-cli/cli). */
function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

type Command = (typeof COMMANDS)[number];

/** Every command but `score` (below) and what runs it: one entry per command of COMMANDS, which the refusal of an unknown one lists. */
const OTHER_COMMANDS: Record<Exclude<Command, "score">, (argv: string[], io: CliIO, lang: Lang) => Promise<number>> = {
  forms: formsMain,
  merge: formsMain,
  notices: formsMain,
  lock: lockMain,
  unlock: lockMain,
  verify: lockMain,
  log: lockMain,
  ledger: ledgerMain,
  criteria: criteriaMain,
  undo: undoMain,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const { lang, bad } = languageFrom(argv, io.env ?? {});
  const say = <C extends Parameters<typeof cliBoth>[0]>(code: C, params: Parameters<typeof cliBoth<C>>[1]) => pick(cliBoth(code, params), lang);
  if (argv.includes("--help") || argv.includes("-h") || argv.length === 0) {
    io.out(
      say("usage", {
        forms: `${say("formsUsage", {})}\n${pick(both(LOCK_CLI_MESSAGES, "usage", {}), lang)}\n${pick(both(LEDGER_CLI_MESSAGES, "usage", {}), lang)}\n${pick(both(CRITERIA_CLI_MESSAGES, "usage", {}), lang)}\n${pick(both(UNDO_CLI_MESSAGES, "usage", {}), lang)}`,
      }),
    );
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === "--version" || argv[0] === "-V") {
    io.out(`xep-hang-cntt ${packageVersion()}`); // a name and a number: no words to translate
    return 0;
  }
  const refuse = (m: Both) => {
    io.err(say("error", { text: `${pick(m, lang)} ${say("seeHelp", {})}` }));
    return 2;
  };
  if (bad !== undefined) return refuse(cliBoth("badLang", { value: bad }));
  const command = argv[0] as Command;
  if (command !== "score" && Object.prototype.hasOwnProperty.call(OTHER_COMMANDS, command)) return OTHER_COMMANDS[command](argv, io, lang);
  const parsed = parseArgs(argv);
  if (!parsed.ok) return refuse(parsed.message);
  const onProgress = io.isTTY ? (step: string) => io.err(`… ${step}`) : undefined;
  const outcome = await scoreWorkbook({ ...parsed.opts, onProgress, lang });
  if (!outcome.ok) {
    io.err(say("error", { text: pick(outcome.message, lang) }));
    return 2;
  }
  const errors = outcome.findings.filter((f) => f.severity === "error");
  if (parsed.json) {
    io.out(JSON.stringify(outcome.json, null, 2));
  } else {
    io.out(say("sheetSummary", { sheet: outcome.sheet, agencies: outcome.result.summary.agencies }));
    const changes = parsed.opts.previous ? outcome.json.rows.map((r) => r.rankChangeText) : undefined;
    io.out(rankingTable(outcome.rows, outcome.result.rules, changes, lang));
    // Only what was written is named: --chart without -o writes the chart alone.
    if (outcome.output !== null) io.out(say("written", { file: outcome.output, annexSheet: outcome.annexSheet, explainSheet: outcome.explainSheet }));
    else if (!parsed.opts.chart) io.out(say("notWritten", {}));
    if (parsed.opts.chart) io.out(say("chartWritten", { file: parsed.opts.chart }));
  }
  for (const f of outcome.findings) {
    io.err(`${say(f.severity === "error" ? "errorLabel" : "warningLabel", {})} ${findingMessage(f, lang, "cli")}`);
    const line = ifCorrectedLine(outcome.result, f, outcome.values, lang);
    if (line) io.err(`  → ${line}`);
  }
  for (const n of outcome.notices) io.err(`${say("noticeLabel", {})}: ${pick(n, lang)}`);
  return errors.length > 0 ? 1 : 0;
}
