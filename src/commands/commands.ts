/**
 * Ribbon function commands (FunctionFile commands.html): "Tính điểm", "Tạo phụ lục" and "Hoàn tác" run the same
 * use cases as the task pane and tell the user the outcome in a small dialog, pane open or not. A question (the
 * annex's errors, the one step that clears Excel's undo history) is asked in the same dialog, before anything is written.
 */
import { generateAnnex } from "../excel/annex";
import { runScoring } from "../excel/scoring";
import { setUndoClearConsent } from "../excel/store";
import { undoLast } from "../excel/undo";
import { Lang, Note, notifyAnnex, notifyAnnexCancelled, notifyOutcome, notifyUndo } from "./notify";
import { Ask, askBeforeClearingUndo, runCommand } from "./run-command";

/** Runs a command whose use case may clear Excel's undo history once: the user is asked first, in a dialog. */
function command(event: Office.AddinCommands.Event | undefined, action: (lang: Lang, ask: Ask) => Promise<Note>): Promise<void> {
  return runCommand(event, async (lang, ask) => {
    const before = setUndoClearConsent(askBeforeClearingUndo(lang));
    try {
      return await action(lang, ask);
    } finally {
      setUndoClearConsent(before);
    }
  });
}

/** "Tính điểm": scores the active sheet and writes the results. */
export function tinhDiem(event?: Office.AddinCommands.Event): Promise<void> {
  return command(event, async (lang) => notifyOutcome(await runScoring("ribbon"), lang));
}

/**
 * "Tạo phụ lục": the annex from the active sheet (or again, from the annex itself), with the decision stored in the
 * workbook. A table with errors asks first (the pane's question, in the dialog).
 */
export function taoPhuLuc(event?: Office.AddinCommands.Event): Promise<void> {
  return command(event, async (lang, ask) => {
    const first = await generateAnnex({ confirmErrors: false, source: "ribbon" });
    if (first.kind !== "needsConfirmation") return notifyAnnex(first, lang);
    if (!(await ask(notifyAnnex(first, lang)))) return notifyAnnexCancelled(lang);
    return notifyAnnex(await generateAnnex({ confirmErrors: true, source: "ribbon" }), lang);
  });
}

/** "Hoàn tác": undoes the add-in's last write, once, whichever action made it (every action of UNDO_HANDLERS, src/excel/undo-actions.ts). */
export function hoanTac(event?: Office.AddinCommands.Event): Promise<void> {
  return command(event, async (lang) => notifyUndo(await undoLast(), lang));
}

Office.onReady(() => {
  Office.actions.associate("tinhDiem", tinhDiem);
  Office.actions.associate("taoPhuLuc", taoPhuLuc);
  Office.actions.associate("hoanTac", hoanTac);
});

// Hosts whose function files predate Office.actions look the FunctionName up on the global object.
Object.assign(globalThis, { tinhDiem, taoPhuLuc, hoanTac });
