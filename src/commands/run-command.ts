/**
 * The Office side of a ribbon function command: run the use case, show its note in a small dialog,
 * and signal completion to Office exactly once, whatever happens.
 *
 * `event.completed()` ends the function file's runtime, and a dialog opened from it goes with it, so
 * completion waits until the user closes the dialog ("Đóng" sends "close", or the dialog's own ×).
 * When no dialog can be shown, completion is immediate.
 */
import { dialogUrl, languageOf, Lang, Note, notifyFailure } from "./notify";

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

/** Shows a note in a dialog; `done` is called once, when the dialog is closed or cannot open. */
export function showNote(note: Note, lang: Lang, done: () => void): void {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  try {
    const ui = Office.context.ui;
    if (!ui || typeof ui.displayDialogAsync !== "function") {
      console.warn(`[Xếp hạng CNTT] ${note.title}: ${note.message}`);
      finish();
      return;
    }
    ui.displayDialogAsync(dialogUrl(pageUrl(), note, lang), DIALOG_OPTIONS, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        // 12007: a dialog is already open (a second click); others: the host refused to open one.
        console.warn(`[Xếp hạng CNTT] dialog not shown (${result.error?.code}): ${note.title}: ${note.message}`);
        finish();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        try {
          dialog.close();
        } finally {
          finish();
        }
      });
      // The user closed the dialog with its × (12006), or it failed to load.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish());
    });
  } catch (e) {
    console.error(e);
    finish();
  }
}

/** Runs a command's use case and shows its outcome; `event.completed()` is always called once. */
export async function runCommand(event: Office.AddinCommands.Event | undefined, action: (lang: Lang) => Promise<Note>): Promise<void> {
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
      note = await action(lang);
    } catch (e) {
      note = notifyFailure(e, lang);
    }
    await new Promise<void>((resolve) => showNote(note, lang, resolve));
  } catch (e) {
    console.error(e);
  } finally {
    complete();
  }
}
