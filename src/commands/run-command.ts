/**
 * The Office side of a ribbon function command: run the use case, show its note in a small dialog,
 * and signal completion to Office exactly once, whatever happens.
 *
 * `event.completed()` ends the function file's runtime, and a dialog opened from it goes with it, so
 * completion waits until the user closes the dialog ("Đóng" sends "close", or the dialog's own ×).
 * When no dialog can be shown, completion is immediate.
 */
import { dialogUrl, languageOf, Lang, Note, notifyFailure, undoClearDeclined, undoClearQuestion } from "./notify";

/** The dialog's size in percent of the Excel window. */
export const DIALOG_OPTIONS = { height: 30, width: 35, displayInIframe: true } as const;

/** Where the dialog page lives: next to the page running the command (commands.html). */
function pageUrl(): string {
  const here = (globalThis as { location?: { href?: string } }).location?.href;
  return here && /^https?:/.test(here) ? here : "https://localhost:3000/commands.html";
}

export function displayLanguage(): Lang {
  try {
    return languageOf(Office.context.displayLanguage);
  } catch {
    return "vi";
  }
}

/** How a dialog ended: the note's `confirm` button, closed (its other button, Esc or ×), or never shown. */
export type Answer = "confirm" | "close" | "unshown";

/** Shows a note in a dialog; `done` is called once, when the dialog is closed or cannot open. */
export function showNote(note: Note, lang: Lang, done: (answer: Answer) => void): void {
  let finished = false;
  const finish = (answer: Answer) => {
    if (finished) return;
    finished = true;
    done(answer);
  };
  try {
    const ui = Office.context.ui;
    if (!ui || typeof ui.displayDialogAsync !== "function") {
      console.warn(`[Xếp hạng CNTT] ${note.title}: ${note.message}`);
      finish("unshown");
      return;
    }
    ui.displayDialogAsync(dialogUrl(pageUrl(), note, lang), DIALOG_OPTIONS, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        // 12007: a dialog is already open (a second click); others: the host refused to open one.
        console.warn(`[Xếp hạng CNTT] dialog not shown (${result.error?.code}): ${note.title}: ${note.message}`);
        finish("unshown");
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        const confirmed = !!note.confirm && (arg as { message?: string }).message === "confirm";
        try {
          dialog.close();
        } finally {
          finish(confirmed ? "confirm" : "close");
        }
      });
      // The user closed the dialog with its × (12006), or it failed to load.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish("close"));
    });
  } catch (e) {
    console.error(e);
    finish("unshown");
  }
}

/**
 * Asks the user a question in a dialog (a note with `confirm`): true when they chose to go ahead; `unshown` is the
 * answer when no dialog could be shown (a host without dialogs, one already open).
 */
export type Ask = (question: Note, unshown?: boolean) => Promise<boolean>;

const asker =
  (lang: Lang): Ask =>
  (question, unshown = false) =>
    new Promise<boolean>((resolve) => showNote(question, lang, (answer) => resolve(answer === "confirm" || (answer === "unshown" && unshown))));

/**
 * The question before the one step that clears Excel's undo history, in a dialog (the ribbon's and the pane's): when
 * no dialog can be shown the action goes on, as it did before the question existed.
 */
export function askBeforeClearingUndo(lang: Lang = displayLanguage()): (step: "store" | "plain") => Promise<true | { message: string; messageEn: string }> {
  const ask = asker(lang);
  return async (step) => (await ask(undoClearQuestion(step, lang), true)) || undoClearDeclined();
}

/**
 * Runs a command's use case and shows its outcome; `event.completed()` is always called once. The use case may ask
 * questions first (`ask`: one dialog each, closed before the next opens).
 */
export async function runCommand(event: Office.AddinCommands.Event | undefined, action: (lang: Lang, ask: Ask) => Promise<Note>): Promise<void> {
  let completed = false;
  const complete = () => {
    if (completed) return;
    completed = true;
    try {
      event?.completed();
    } catch (e) {
      console.error(e);
    }
  };
  const lang = displayLanguage();
  try {
    let note: Note;
    try {
      note = await action(lang, asker(lang));
    } catch (e) {
      note = notifyFailure(e, lang);
    }
    await new Promise<void>((resolve) => showNote(note, lang, () => resolve()));
  } catch (e) {
    console.error(e);
  } finally {
    complete();
  }
}
