/**
 * `undo IN.xlsx -o OUT.xlsx`: "Hoàn tác" on the command line, the core's flow (src/core/flows/undo.ts) through the
 * package port (src/xlsx/port.ts), as the add-in's button runs it through ExcelPort: the last action recorded in the
 * workbook's journal given back once (the cells it wrote that still hold what it wrote; those edited since are left
 * alone and named), the state before it back, "Hoàn tác" in the log. OUT.xlsx goes through the one output guard;
 * nothing is written when nothing can be undone.
 */
import { both, Both, catalogue, CELL_LIST, entry, hhmm, Lang, pick } from "../core/base/catalogue";
import { undoThroughPort, UndoAction } from "../core/flows/undo";
import { lockRefusal } from "../core/store/lock";
import { actionName } from "../core/store/log";
import { STORE_SHEET } from "../core/store/store";
import { STORE_MESSAGES } from "../core/store/store-check";
import type { CliIO } from "./io";
import { bothOf, cliBoth, fail, Unusable } from "./messages";
import { parseOptions } from "./options";
import { checkOutput } from "./output";
import { openInput, packageRefusal, writePackage } from "./score";
import { PackageError } from "../xlsx/package";

const named = (action: UndoAction, lang: Lang) => actionName(action === "conclusions" ? "conclusion" : action, lang);

export const UNDO_CLI_MESSAGES = catalogue("undo command line", {
  usage: entry({
    vi: (_p: object) =>
      `  xep-hang-cntt undo IN.xlsx -o OUT.xlsx [--force] [--by TÊN] [--lang vi|en]   (hoàn tác thao tác gần nhất, một lần, như nút “Hoàn tác”)`,
    en: () => `  xep-hang-cntt undo IN.xlsx -o OUT.xlsx [--force] [--by NAME] [--lang vi|en]   (undoes the last action, once, as the “Hoàn tác” button)`,
    example: {},
  }),
  undone: entry({
    vi: (p: { action: UndoAction; time: string; sheet: string; output: string }) =>
      `Đã hoàn tác “${named(p.action, "vi")}” lúc ${p.time} trên trang “${p.sheet}”. Đã ghi “${p.output}”.`,
    en: (p) => `Undid “${named(p.action, "en")}” at ${p.time} on the sheet “${p.sheet}”. Wrote “${p.output}”.`,
    example: { action: "score", time: "09:41", sheet: "Bảng điểm", output: "hoan-tac.xlsx" },
  }),
  leftEdited: entry({
    vi: (p: { cells: string[] }) => `Các ô đã được sửa sau thao tác đó được để nguyên, không hoàn tác: ${CELL_LIST.vi(p.cells)}.`,
    en: (p) => `Cells edited after that action were left as they are, not undone: ${CELL_LIST.en(p.cells)}.`,
    example: { cells: ["K5", "L5"] },
  }),
  nothing: entry({
    vi: (p: { file: string }) =>
      `Không có thao tác nào để hoàn tác trong “${p.file}”: chỉ hoàn tác được thao tác gần nhất, một lần (lệnh “score -o” chỉ ghi bản hoàn tác khi nó ghi kết quả mà không kèm phụ lục, giải trình, kết luận, bảng chấm chi tiết hay chuyển mã). Chưa ghi gì.`,
    en: (p) =>
      `There is nothing to undo in “${p.file}”: only the last action can be undone, once (“score -o” keeps an undo record when it writes the results without an annex, explanation, conclusions, ledger or encoding conversion). Nothing was written.`,
    example: { file: "bang-diem.xlsx" },
  }),
  notHere: entry({
    vi: (p: { action: UndoAction; time: string; sheet: string }) =>
      `Thao tác gần nhất, “${named(p.action, "vi")}” lúc ${p.time} (trang “${p.sheet}”), chỉ hoàn tác được trong Excel bằng nút “Hoàn tác” của bổ trợ. Chưa ghi gì.`,
    en: (p) =>
      `The last action, “${named(p.action, "en")}” at ${p.time} (sheet “${p.sheet}”), can only be undone in Excel with the add-in's “Hoàn tác” button. Nothing was written.`,
    example: { action: "annex", time: "09:41", sheet: "Phụ lục" },
  }),
  notOurs: entry({
    vi: (p: { sheet: string }) =>
      `Không hoàn tác được: trang “${p.sheet}” đã được sửa hoặc thay từ sau khi công cụ tạo ra nó, nên được giữ nguyên (xóa trang đó bằng tay nếu không cần). Chưa ghi gì.`,
    en: (p) =>
      `Could not undo: the sheet “${p.sheet}” was edited or replaced after the tool made it, so it is kept (delete it by hand if it is not needed). Nothing was written.`,
    example: { sheet: "Nhật ký" },
  }),
  sheetGone: entry({
    vi: (p: { sheet: string }) => `Không hoàn tác được: trang tính “${p.sheet}” không còn trong sổ tính. Chưa ghi gì.`,
    en: (p) => `Could not undo: the sheet “${p.sheet}” is no longer in the workbook. Nothing was written.`,
    example: { sheet: "Bảng điểm" },
  }),
});

const OPTIONS = {
  output: { type: "string", short: "o" },
  by: { type: "string" },
  lang: { type: "string" },
  force: { type: "boolean" },
} as const;

/** `undo`. Exit codes: 0 undone (OUT.xlsx written), 2 refused or nothing to undo (nothing written). */
export async function undoMain(argv: string[], io: CliIO, lang: Lang, now: () => Date = () => new Date()): Promise<number> {
  const refuse = (m: Both) => {
    io.err(pick(cliBoth("error", { text: pick(m, lang) }), lang));
    return 2;
  };
  const parsed = parseOptions(argv.slice(1), OPTIONS);
  if (!parsed.ok) return refuse(parsed.message);
  const v = parsed.values;
  const [input, extra] = parsed.positionals;
  if (extra !== undefined) return refuse(cliBoth("extraArgument", { arg: extra }));
  if (!input) return refuse(cliBoth("noInput", {}));
  if (!v.output) return refuse(cliBoth("noOutput", {}));
  const force = v.force === true;
  try {
    const checked = checkOutput(input, v.output, force);
    if (!checked.ok) fail(bothOf(checked.message));
    const port = openInput(input);
    const outcome = undoThroughPort(port, { at: now().toISOString(), by: v.by?.trim() ?? "", via: "cli" });
    switch (outcome.kind) {
      case "unreadable":
        return refuse(outcome);
      case "damaged":
        return refuse(both(STORE_MESSAGES, "undoJournal", { problem: outcome.problem, sheet: STORE_SHEET }));
      case "nothing":
      case "alreadyUndone":
        return refuse(both(UNDO_CLI_MESSAGES, "nothing", { file: input }));
      case "locked":
        return refuse(lockRefusal(outcome.lock, "undo"));
      case "notHere":
        return refuse(both(UNDO_CLI_MESSAGES, "notHere", { action: outcome.action, time: hhmm(outcome.at), sheet: outcome.sheet }));
      case "sheetGone":
        return refuse(both(UNDO_CLI_MESSAGES, "sheetGone", { sheet: outcome.sheet }));
      case "notOurs":
        return refuse(both(UNDO_CLI_MESSAGES, "notOurs", { sheet: outcome.sheet }));
    }
    await writePackage(port, input, v.output, force);
    const { undo, leftAlone } = outcome;
    io.out(pick(both(UNDO_CLI_MESSAGES, "undone", { action: undo.action, time: hhmm(undo.at), sheet: undo.sheet, output: v.output }), lang));
    if (leftAlone.length > 0) io.err(pick(both(UNDO_CLI_MESSAGES, "leftEdited", { cells: leftAlone }), lang));
    return 0;
  } catch (e) {
    if (e instanceof Unusable) return refuse(e.detail);
    if (e instanceof PackageError) return refuse(packageRefusal(input, e));
    throw e;
  }
}
