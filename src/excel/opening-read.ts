/**
 * What opening reads, in one sync: the store's head (a few KB, whatever the size of the grid) and the
 * title rows of the open sheet. opening.ts shows its head at once; settings.ts works the rest of the
 * settings out of the same read (and loadSettings reads it again).
 */
import { LockInfo, StoreState, UndoInfo } from "../core/store/store";
import { hostErrorMessage } from "./host";
import { queueStoreHeadRead } from "./store";
import type { WorkbookSettings } from "./types";

/** Rows and columns of the active sheet read on opening to find the year its grid's title names. */
const TITLE_READ = "A1:Z12";

/** What opening read: the stored state, undo, problems reading the store, the open sheet's first rows. */
export interface OpeningRead {
  state: StoreState;
  lastRun: WorkbookSettings["lastRun"];
  undo: UndoInfo | null;
  /** The lock ("Chốt kết quả"), when the results are locked. */
  lock: LockInfo | null;
  problems: string[];
  problemsEn: string[];
  top: unknown[][] | null;
}

/** Queues the reads, syncs once, decodes the store's head. */
export async function readOpening(context: Excel.RequestContext): Promise<OpeningRead> {
  const store = queueStoreHeadRead(context);
  // The title rows of the open sheet, in the same sync: the year they name is the year evaluated.
  const top = context.workbook.worksheets.getActiveWorksheet().getRange(TITLE_READ);
  top.load("values");
  await context.sync();
  const problems: string[] = [];
  const problemsEn: string[] = [];
  let state: StoreState = {};
  let undo: UndoInfo | null = null;
  let lock: LockInfo | null = null;
  try {
    ({ state, undo, lock } = store.head());
  } catch (e) {
    problems.push(hostErrorMessage(e));
    problemsEn.push(hostErrorMessage(e, "en"));
  }
  return { state, lastRun: state.lastRun ?? null, undo, lock, problems, problemsEn, top: (top.values as unknown[][]) ?? null };
}
