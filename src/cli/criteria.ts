/**
 * `xep-hang-cntt criteria`: the criteria set between the rules and the “Bộ tiêu chí” sheet, through the
 * workbook port (every other part of the package copied as it was):
 *   --to-sheet    the rules' criteria (the workbook's, or --rules) written as the sheet (“written back”);
 *   --from-sheet  the sheet read into the rules, saved in the workbook's store (every problem by cell).
 * The input is never modified; the result goes to -o.
 */
import { SHEET_ORIGIN } from "../core/base/address";
import { both, catalogue, entry, joinBoth, Lang } from "../core/base/catalogue";
import { criteriaFromSheet, criteriaSheet, CRITERIA_SHEET } from "../core/rules/criteria-sheet";
import { loadRules } from "../core/rules/rules";
import type { CliIO } from "./io";
import { fail } from "./messages";
import { rulesFrom } from "./score";
import { portCommand } from "./ledger-main";

export const CRITERIA_CLI_MESSAGES = catalogue("cli criteria", {
  usage: entry({
    vi: () =>
      "  xep-hang-cntt criteria BANG-DIEM.xlsx -o RA.xlsx --to-sheet [--rules QUY-TAC.json]   # ghi bộ tiêu chí của quy tắc ra trang “Bộ tiêu chí”\n" +
      "  xep-hang-cntt criteria BANG-DIEM.xlsx -o RA.xlsx --from-sheet                        # đọc trang “Bộ tiêu chí” vào quy tắc lưu trong sổ tính",
    en: () =>
      "  xep-hang-cntt criteria GRID.xlsx -o OUT.xlsx --to-sheet [--rules RULES.json]   # write the rules' criteria set as the “Bộ tiêu chí” sheet\n" +
      "  xep-hang-cntt criteria GRID.xlsx -o OUT.xlsx --from-sheet                      # read the “Bộ tiêu chí” sheet into the rules kept in the workbook",
    example: {},
  }),
  mode: entry({
    vi: () => "Lệnh criteria cần đúng một trong hai: --to-sheet (quy tắc → trang “Bộ tiêu chí”) hoặc --from-sheet (trang → quy tắc).",
    en: () => "The criteria command needs exactly one of --to-sheet (rules → the “Bộ tiêu chí” sheet) or --from-sheet (sheet → rules).",
    example: {},
  }),
  noOutput: entry({
    vi: () => "Lệnh criteria cần -o RA.xlsx (tệp đầu vào không bao giờ bị sửa).",
    en: () => "The criteria command needs -o OUT.xlsx (the input file is never modified).",
    example: {},
  }),
  noCriteria: entry({
    vi: (p: { sheet: string }) =>
      `Quy tắc đang dùng không có bộ tiêu chí (groups[].criteria) nên không có gì để ghi ra trang “${p.sheet}”. Hãy dùng --rules với một bộ quy tắc có tiêu chí.`,
    en: (p) =>
      `The rules in use have no criteria set (groups[].criteria), so there is nothing to write as “${p.sheet}”. Use --rules with rules that have criteria.`,
    example: { sheet: "Bộ tiêu chí" },
  }),
  sheetExists: entry({
    vi: (p: { sheet: string }) =>
      `Sổ tính đã có trang “${p.sheet}”: đó là bảng của người dùng, không bị ghi đè. Hãy dùng --from-sheet để đọc nó vào quy tắc, hoặc đổi tên, xóa trang đó rồi chạy lại.`,
    en: (p) =>
      `The workbook already has a “${p.sheet}” sheet: it is the user's table and is not written over. Use --from-sheet to read it into the rules, or rename or delete it and run again.`,
    example: { sheet: "Bộ tiêu chí" },
  }),
  noSheet: entry({
    vi: (p: { sheet: string }) => `Sổ tính không có trang “${p.sheet}” để đọc. Hãy tạo trang bằng --to-sheet, hoặc thêm bảng tiêu chí với tên trang đó.`,
    en: (p) => `The workbook has no “${p.sheet}” sheet to read. Make it with --to-sheet, or add the criteria table under that name.`,
    example: { sheet: "Bộ tiêu chí" },
  }),
  written: entry({
    vi: (p: { file: string; sheet: string; leaves: number }) => `Đã ghi ${p.file}: trang “${p.sheet}” với ${p.leaves} tiêu chí chấm điểm.`,
    en: (p) => `Wrote ${p.file}: the “${p.sheet}” sheet with ${p.leaves} scored criteria.`,
    example: { file: "ra.xlsx", sheet: "Bộ tiêu chí", leaves: 29 },
  }),
  read: entry({
    vi: (p: { file: string; sheet: string; leaves: number }) =>
      `Đã ghi ${p.file}: ${p.leaves} tiêu chí chấm điểm đọc từ trang “${p.sheet}” được lưu vào quy tắc của sổ tính.`,
    en: (p) => `Wrote ${p.file}: ${p.leaves} scored criteria read from the “${p.sheet}” sheet are kept in the workbook's rules.`,
    example: { file: "ra.xlsx", sheet: "Bộ tiêu chí", leaves: 29 },
  }),
});

/** `xep-hang-cntt criteria FILE -o OUT (--to-sheet [--rules R.json] | --from-sheet)`. */
export async function criteriaMain(argv: string[], io: CliIO, lang: Lang): Promise<number> {
  return portCommand(
    argv,
    io,
    lang,
    {
      options: { "to-sheet": { type: "boolean" }, "from-sheet": { type: "boolean" } } as const,
      noOutput: both(CRITERIA_CLI_MESSAGES, "noOutput", {}),
      check: (v) => ((v["to-sheet"] === true) === (v["from-sheet"] === true) ? both(CRITERIA_CLI_MESSAGES, "mode", {}) : null),
    },
    ({ input, output, values, port, state }) => {
      const { rules } = rulesFrom({ input, rulesFile: values.rules }, state);
      const exists = port.sheets().some((w) => w.name === CRITERIA_SHEET);
      if (values["to-sheet"] === true) {
        if (rules.leaves.length === 0) fail(both(CRITERIA_CLI_MESSAGES, "noCriteria", { sheet: CRITERIA_SHEET }));
        if (exists) fail(both(CRITERIA_CLI_MESSAGES, "sheetExists", { sheet: CRITERIA_SHEET }));
        port.putSheet(criteriaSheet(rules.json));
        // The rules written out are the workbook's from now on (as `score` keeps the rules it used).
        port.writeStore({ ...state, rules: rules.json });
        return both(CRITERIA_CLI_MESSAGES, "written", { file: output, sheet: CRITERIA_SHEET, leaves: rules.leaves.length });
      }
      if (!exists) fail(both(CRITERIA_CLI_MESSAGES, "noSheet", { sheet: CRITERIA_SHEET }));
      const read = criteriaFromSheet(port.readSheet(CRITERIA_SHEET).values, rules.json, SHEET_ORIGIN, CRITERIA_SHEET);
      if (!read.ok) fail(joinBoth(read.problems, "\n"));
      const json = (read as Extract<typeof read, { ok: true }>).rules;
      port.writeStore({ ...state, rules: json });
      return both(CRITERIA_CLI_MESSAGES, "read", { file: output, sheet: CRITERIA_SHEET, leaves: loadRules(json).leaves.length });
    },
  );
}
