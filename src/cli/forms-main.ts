import { both, Both, Lang, pick } from "../core/base/catalogue";
import { FORM_MESSAGES } from "../core/forms/form-messages";
import { mergeFindingMessage } from "../core/forms/merge";
import { mergeForms, writeForms, writeNotices } from "./forms";
import { NOTICE_MESSAGES } from "../core/forms/notices";
import { parseViDate } from "../core/rules/metadata";
import type { CliIO } from "./io";
import { parseOptions } from "./options";
import { cliBoth } from "./messages";

const OPTIONS = {
  output: { type: "string", short: "o" },
  sheet: { type: "string" },
  rules: { type: "string" },
  year: { type: "string" },
  lang: { type: "string" },
  json: { type: "boolean" },
  force: { type: "boolean" },
  "master-out": { type: "string" },
  deadline: { type: "string" },
} as const;

type Parsed =
  | {
      ok: true;
      files: string[];
      output: string;
      sheet?: string;
      rulesFile?: string;
      year?: number;
      json: boolean;
      force: boolean;
      masterOut?: string;
      deadline?: string;
    }
  | { ok: false; message: Both };

function parse(command: "forms" | "merge" | "notices", rest: string[]): Parsed {
  const parsed = parseOptions(rest, OPTIONS);
  if (!parsed.ok) return parsed;
  const { values: v, positionals: files } = parsed;
  if (v.json && command !== "merge") return { ok: false, message: cliBoth("unknownOption", { option: "--json" }) };
  if (v["master-out"] !== undefined && command !== "forms") return { ok: false, message: cliBoth("unknownOption", { option: "--master-out" }) };
  if (v.deadline !== undefined && command === "forms") return { ok: false, message: cliBoth("unknownOption", { option: "--deadline" }) };
  if (v.deadline !== undefined && !parseViDate(v.deadline)) return { ok: false, message: cliBoth("badDeadline", { value: v.deadline }) };
  if (v.year !== undefined && !/^\d{4}$/.test(v.year)) return { ok: false, message: cliBoth("badYear", { value: v.year }) };
  if (files.length === 0) return { ok: false, message: cliBoth("noMaster", {}) };
  if (command !== "merge" && files.length > 1) return { ok: false, message: cliBoth("extraArgument", { arg: files[1] }) };
  if (command === "merge" && files.length < 2) return { ok: false, message: cliBoth("noFormsToMerge", {}) };
  if (!v.output) return { ok: false, message: cliBoth(command === "merge" ? "noOutput" : "noFormsDir", {}) };
  return {
    ok: true,
    files,
    output: v.output,
    sheet: v.sheet,
    rulesFile: v.rules,
    year: v.year === undefined ? undefined : Number(v.year),
    json: v.json === true,
    force: v.force === true,
    masterOut: v["master-out"],
    deadline: v.deadline,
  };
}

/** `forms` and `merge`. Exit codes: 0 done (merge: every form merged, no finding); 1 merged with findings; 2 refused, nothing written (unusable master or arguments, or no form merged). */
export async function formsMain(argv: string[], io: CliIO, lang: Lang = "vi"): Promise<number> {
  const say = (m: Both) => pick(m, lang);
  const command = argv[0] as "forms" | "merge" | "notices";
  const parsed = parse(command, argv.slice(1));
  if (!parsed.ok) {
    io.err(say(cliBoth("error", { text: `${say(parsed.message)} ${say(cliBoth("seeHelp", {}))}` })));
    return 2;
  }
  // What every command reads of the master, and how a refusal is said (nothing written: exit 2).
  const fromMaster = { sheet: parsed.sheet, rulesFile: parsed.rulesFile, year: parsed.year, force: parsed.force };
  const refused = (message: Both) => {
    io.err(say(cliBoth("error", { text: say(message) })));
    return 2;
  };
  if (command === "forms") {
    const outcome = await writeForms({ ...fromMaster, master: parsed.files[0], dir: parsed.output, masterOut: parsed.masterOut });
    if (!outcome.ok) return refused(outcome.message);
    if (outcome.masterOut) io.out(say(cliBoth("formsMasterSaved", { file: outcome.masterOut })));
    io.out(say(both(FORM_MESSAGES, "formsWritten", { count: outcome.forms.length, dir: parsed.output })));
    for (const f of outcome.forms) io.out(`  ${f.file}\t${f.agency}`);
    if (!outcome.masterOut) io.out(say(cliBoth("formsMadeNotRecorded", { master: parsed.files[0] })));
    return 0;
  }
  if (command === "notices") {
    const outcome = await writeNotices({ ...fromMaster, master: parsed.files[0], dir: parsed.output, deadline: parsed.deadline });
    if (!outcome.ok) return refused(outcome.message);
    io.out(say(both(NOTICE_MESSAGES, "noticesWritten", { count: outcome.notices.length, dir: parsed.output })));
    for (const n of outcome.notices) io.out(`  ${n.file}\t${n.agency}\t${n.lines}`);
    return 0;
  }
  const [master, ...forms] = parsed.files;
  const outcome = await mergeForms({ ...fromMaster, master, forms, output: parsed.output, deadline: parsed.deadline });
  if (!outcome.ok) return refused(outcome.message);
  const { plan } = outcome;
  if (parsed.json) {
    io.out(JSON.stringify(outcome.json, null, 2));
    if (!outcome.written) io.err(say(both(FORM_MESSAGES, "nothingMerged", { forms: forms.length })));
  } else if (!outcome.written) io.out(say(both(FORM_MESSAGES, "nothingMerged", { forms: forms.length })));
  else {
    const summary = {
      merged: plan.merged.length,
      forms: forms.length,
      writes: plan.writes.length + plan.ledgerWrites.length,
      differences: plan.differences.length,
    };
    io.out(say(plan.unchanged ? both(FORM_MESSAGES, "nothingChanged", {}) : both(FORM_MESSAGES, "merged", summary)));
    for (const m of plan.merged) io.out(`  ${m.file}\t${m.agency}${m.copies ? `\t${say(cliBoth("mergeCopies", { files: m.copies }))}` : ""}`);
    if (plan.replies.length > 0) io.out(say(both(NOTICE_MESSAGES, "repliesRecorded", { count: plan.replies.length })));
    for (const d of plan.differences)
      io.out(say(cliBoth("mergeDifference", { agency: d.agency, group: d.group, self: fmt(d.self, lang), appraised: fmt(d.appraised, lang) })));
    if (plan.missing.length > 0) io.out(say(cliBoth("mergeMissing", { agencies: plan.missing, deadline: outcome.json.deadline ?? "" })));
    io.out(say(cliBoth("mergeWritten", { file: parsed.output })));
  }
  for (const f of outcome.findings) io.err(`${say(cliBoth(f.severity === "error" ? "errorLabel" : "warningLabel", {}))} ${mergeFindingMessage(f, lang)}`);
  // Nothing merged is a refusal (nothing written): 2, as README's exit codes say.
  if (!outcome.written) return 2;
  return outcome.findings.length > 0 ? 1 : 0;
}

/** A number as each language writes it (81,05 or 81.05); text as it is. */
const DECIMAL_MARK: Record<Lang, string> = { vi: ",", en: "." };
const fmt = (v: number | string, lang: Lang) => (typeof v === "number" ? String(v).replace(".", DECIMAL_MARK[lang]) : v);
