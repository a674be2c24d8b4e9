import { parseArgs as parseArgv } from "node:util";
import type { Both } from "../core/base/catalogue";
import { cliBoth } from "./messages";

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
