/**
 * Ribbon function commands (FunctionFile commands.html): "Tính điểm" and "Hoàn tác" run the same
 * use cases as the task pane and tell the user the outcome in a small dialog, pane open or not.
 */
import { runScoring } from "../excel/scoring";
import { undoLast } from "../excel/undo";
import { notifyOutcome, notifyUndo } from "./notify";
import { runCommand } from "./run-command";

/** "Tính điểm": scores the active sheet and writes the results. */
export function tinhDiem(event?: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, async (lang) => notifyOutcome(await runScoring("ribbon"), lang));
}

/** "Hoàn tác": undoes the add-in's last write, once, whichever action made it (every action of UNDO_HANDLERS, src/excel/undo-actions.ts). */
export function hoanTac(event?: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, async (lang) => notifyUndo(await undoLast(), lang));
}

Office.onReady(() => {
  Office.actions.associate("tinhDiem", tinhDiem);
  Office.actions.associate("hoanTac", hoanTac);
});

// Hosts whose function files predate Office.actions look the FunctionName up on the global object.
Object.assign(globalThis, { tinhDiem, hoanTac });
