import { parseArgs as parseArgv } from "node:util";
import { pick, type Both, type Lang } from "../core/base/catalogue";
import { bothOf, cliBoth } from "./messages";
import { checkOutput } from "./output";

/**
 * The options of a command (util.parseArgs, not strict: each wrong option or missing value is named
 * in the user's language rather than thrown), and its other arguments.
 */
export function parseOptions<O extends Record<string, { type: "string" | "boolean"; short?: string }>>(
  args: string[],
  options: O,
): { ok: true; values: { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean }; positionals: string[] } | { ok: false; message: Both } {
  const { values, positionals, tokens } = parseArgv({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = Object.prototype.hasOwnProperty.call(options, token.name) ? options[token.name] : undefined;
    if (!option) return { ok: false, message: cliBoth("unknownOption", { option: token.rawName }) };
    if (option.type === "string" && token.value === undefined) return { ok: false, message: cliBoth("missingValue", { option: token.rawName }) };
    if (option.type === "boolean" && token.value !== undefined)
      return { ok: false, message: cliBoth("unknownOption", { option: `${token.rawName}=${token.value}` }) };
  }
  return { ok: true, values: values as { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean }, positionals };
}

/**
 * The start of a command that reads one workbook and writes another (-o): its options parsed, the input and
 * the output checked (never the input itself; an existing output only with --force). A refusal is said on
 * stderr with the hint to --help, and gives exit code 2.
 */
export function fileCommand<O extends Record<string, { type: "string" | "boolean"; short?: string }>>(
  argv: string[],
  io: { err: (text: string) => void },
  lang: Lang,
  options: O,
  noOutput: Both,
  check: (values: { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean }) => Both | null = () => null,
): { ok: true; input: string; output: string; values: { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean } } | { ok: false; code: number } {
  const parsed = parseOptions(argv.slice(1), { ...options, output: { type: "string", short: "o" }, lang: { type: "string" }, force: { type: "boolean" } });
  const refuse = (m: Both) => {
    io.err(pick(cliBoth("error", { text: `${pick(m, lang)} ${pick(cliBoth("seeHelp", {}), lang)}` }), lang));
    return { ok: false as const, code: 2 };
  };
  if (!parsed.ok) return refuse(parsed.message);
  const [input, extra] = parsed.positionals;
  if (extra !== undefined) return refuse(cliBoth("extraArgument", { arg: extra }));
  if (!input) return refuse(cliBoth("noInput", {}));
  const values = parsed.values as { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean } & { output?: string; force?: boolean };
  const wrong = check(values);
  if (wrong) return refuse(wrong);
  const output = values.output;
  if (!output) return refuse(noOutput);
  const checked = checkOutput(input, output, values.force === true);
  if (!checked.ok) return refuse(bothOf(checked.message));
  return { ok: true, input, output, values };
}
