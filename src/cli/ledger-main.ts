/**
 * `xep-hang-cntt ledger`: the ledger "Chấm điểm chi tiết" made (or made again) from the rules and the grid's agencies
 * (ledger.ts); and what every command that reads one workbook and writes another through the package port shares
 * (portCommand: `ledger`, `criteria`).
 */
import { both, Both, Lang, pick } from "../core/base/catalogue";
import { CRITERIA_SHEET } from "../core/rules/criteria-sheet";
import { gridAgencies, LEDGER_SHEET, ledgerSheet } from "../core/grid/ledger";
import type { StoreState } from "../core/store/store";
import { PackageError } from "../xlsx/package";
import type { XlsxPort } from "../xlsx/port";
import type { CliIO } from "./io";
import { bothOf, cliBoth, fail, Unusable } from "./messages";
import { parseOptions } from "./options";
import { checkOutput } from "./output";
import { openInput, packageRefusal, pickGridSheet, rulesFrom, writePackage } from "./score";
import { LEDGER_CLI_MESSAGES, withCriteriaValues } from "./ledger";

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;
type Values<O extends OptionSpec> = { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean } & { rules?: string };

/**
 * A command reading the workbook FILE (and --rules) and writing -o OUT through the package port: its options
 * checked (`check` for its own), the output checked before any work (never an input; an existing one only with
 * --force), the store read; `run` changes the port and says what it did; the package is written and that said.
 * A refusal (fail(), a package that cannot be read) is said on stderr with exit code 2.
 */
export async function portCommand<O extends OptionSpec>(
  argv: string[],
  io: CliIO,
  lang: Lang,
  spec: { options: O; noOutput: Both; check?: (values: Values<O>) => Both | null },
  run: (job: { input: string; output: string; values: Values<O>; port: XlsxPort; state: StoreState }) => Both,
): Promise<number> {
  const parsed = parseOptions(argv.slice(1), {
    ...spec.options,
    output: { type: "string", short: "o" },
    rules: { type: "string" },
    lang: { type: "string" },
    force: { type: "boolean" },
  });
  const refuse = (m: Both) => {
    io.err(pick(cliBoth("error", { text: `${pick(m, lang)} ${pick(cliBoth("seeHelp", {}), lang)}` }), lang));
    return 2;
  };
  if (!parsed.ok) return refuse(parsed.message);
  const values = parsed.values as Values<O> & { output?: string; force?: boolean };
  const [input, extra] = parsed.positionals;
  if (extra !== undefined) return refuse(cliBoth("extraArgument", { arg: extra }));
  if (!input) return refuse(cliBoth("noInput", {}));
  const wrong = spec.check?.(values);
  if (wrong) return refuse(wrong);
  const output = values.output;
  if (!output) return refuse(spec.noOutput);
  try {
    const inputs = [input, ...(values.rules ? [values.rules] : [])];
    const checked = checkOutput(inputs, output, values.force === true);
    if (!checked.ok) return refuse(bothOf(checked.message));
    const port = openInput(input);
    const stored = port.readStore();
    if (!stored.ok) fail(stored);
    const { state } = stored as Extract<typeof stored, { ok: true }>;
    const said = run({ input, output, values, port, state });
    await writePackage(port, inputs, output, values.force === true);
    io.out(pick(said, lang));
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

/** `xep-hang-cntt ledger GRID.xlsx -o OUT.xlsx`: the ledger made from the rules and the grid's agencies. */
export async function ledgerMain(argv: string[], io: CliIO, lang: Lang): Promise<number> {
  return portCommand(
    argv,
    io,
    lang,
    { options: { sheet: { type: "string" } } as const, noOutput: both(LEDGER_CLI_MESSAGES, "noOutput", {}) },
    ({ input, values, port, state, output }) => {
      const names = port.sheets().map((w) => w.name);
      let { rules } = rulesFrom({ input, rulesFile: values.rules }, state);
      if (names.includes(CRITERIA_SHEET)) rules = withCriteriaValues(port.readSheet(CRITERIA_SHEET).values, CRITERIA_SHEET, rules);
      if (rules.leaves.length === 0) fail(both(LEDGER_CLI_MESSAGES, "noCriteria", { sheet: LEDGER_SHEET }));
      const { data } = pickGridSheet(port, rules, values.sheet, state.annex?.sheetName, false);
      const agencies = gridAgencies(data.values, rules) ?? [];
      const previous = names.includes(LEDGER_SHEET) ? port.readSheet(LEDGER_SHEET).values : null;
      const description = ledgerSheet(rules, agencies, previous);
      // Made again in its place (what was entered kept), else added after the other sheets.
      port.putSheet(description);
      port.writeStore({ ...state, rules: rules.json });
      return both(LEDGER_CLI_MESSAGES, "made", { file: output, rows: description.rowCount - 2, agencies: agencies.length });
    },
  );
}
