/** `xep-hang-cntt ledger`: the ledger "Chấm điểm chi tiết" made (or made again) from the rules and the grid's agencies (ledger.ts). */
import { both, Both, Lang, pick } from "../core/base/catalogue";
import { CRITERIA_SHEET } from "../core/rules/criteria-sheet";
import { gridAgencies, LEDGER_SHEET, ledgerSheet } from "../core/grid/ledger";
import { PackageError } from "../xlsx/package";
import type { CliIO } from "./io";
import { bothOf, cliBoth, fail, Unusable } from "./messages";
import { parseOptions } from "./options";
import { checkOutput } from "./output";
import { openInput, packageRefusal, pickGridSheet, rulesFrom, writePackage } from "./score";
import { LEDGER_CLI_MESSAGES, withCriteriaValues } from "./ledger";

/** `xep-hang-cntt ledger GRID.xlsx -o OUT.xlsx`: the ledger made from the rules and the grid's agencies. */
export async function ledgerMain(argv: string[], io: CliIO, lang: Lang): Promise<number> {
  const parsed = parseOptions(argv.slice(1), {
    output: { type: "string", short: "o" },
    sheet: { type: "string" },
    rules: { type: "string" },
    lang: { type: "string" },
    force: { type: "boolean" },
  } as const);
  const refuse = (m: Both) => {
    io.err(pick(cliBoth("error", { text: `${pick(m, lang)} ${pick(cliBoth("seeHelp", {}), lang)}` }), lang));
    return 2;
  };
  if (!parsed.ok) return refuse(parsed.message);
  const [input, extra] = parsed.positionals;
  if (extra !== undefined) return refuse(cliBoth("extraArgument", { arg: extra }));
  if (!input) return refuse(cliBoth("noInput", {}));
  const output = parsed.values.output;
  if (!output) return refuse(both(LEDGER_CLI_MESSAGES, "noOutput", {}));
  try {
    const inputs = [input, ...(parsed.values.rules ? [parsed.values.rules] : [])];
    const checked = checkOutput(inputs, output, parsed.values.force === true);
    if (!checked.ok) return refuse(bothOf(checked.message));
    const port = openInput(input);
    const stored = port.readStore();
    if (!stored.ok) fail(stored);
    const { state } = stored as Extract<typeof stored, { ok: true }>;
    const names = port.sheets().map((w) => w.name);
    let { rules } = rulesFrom({ input, rulesFile: parsed.values.rules }, state);
    if (names.includes(CRITERIA_SHEET)) rules = withCriteriaValues(port.readSheet(CRITERIA_SHEET).values, CRITERIA_SHEET, rules);
    if (rules.leaves.length === 0) fail(both(LEDGER_CLI_MESSAGES, "noCriteria", { sheet: LEDGER_SHEET }));
    const { data } = pickGridSheet(port, rules, parsed.values.sheet, state.annex?.sheetName, false);
    const agencies = gridAgencies(data.values, rules) ?? [];
    const previous = names.includes(LEDGER_SHEET) ? port.readSheet(LEDGER_SHEET).values : null;
    const description = ledgerSheet(rules, agencies, previous);
    // Made again in its place (what was entered kept), else added after the other sheets.
    port.putSheet(description);
    port.writeStore({ ...state, rules: rules.json });
    await writePackage(port, inputs, output, parsed.values.force === true);
    io.out(pick(both(LEDGER_CLI_MESSAGES, "made", { file: output, rows: description.rowCount - 2, agencies: agencies.length }), lang));
    return 0;
  } catch (e) {
    // Parts are inflated when first read: a bomb in a sheet read is refused naming the file and the part.
    const refusal = e instanceof Unusable ? e.detail : e instanceof PackageError ? packageRefusal(input, e) : null;
    if (refusal) {
      io.err(pick(cliBoth("error", { text: pick(refusal, lang) }), lang));
      return 2;
    }
    throw e;
  }
}
