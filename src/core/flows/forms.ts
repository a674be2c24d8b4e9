/**
 * "Tạo phiếu" and "Thông báo kết quả thẩm định" as seen from the master, written once against the workbook port
 * (src/core/sheets/port.ts): the add-in (src/excel/forms.ts, notices.ts through ExcelPort) and the command line
 * (`forms`, `notices`: src/cli/forms.ts through XlsxPort) both run it. The forms and notices themselves are new
 * workbooks, rendered by the caller (src/xlsx/forms.ts); the master keeps only what the merge checks them against.
 *
 *     planForms:      the agencies' forms (all, or those the caller picks), each with its file name, its agency's
 *                     maxima, block and notes, the master's id, the year and the key's token
 *     writeFormsMade: the master's id, its form key and when each form was made ("Theo dõi phiếu") → port.writeStore
 *     planNoticesOf:  the notices of the differences on the "Chênh lệch" the last merge made (read through the port)
 */
import { FormDescription } from "../forms/form-parts";
import { agencyMaxes, buildForm, formFileNames } from "../forms/forms";
import { withFormsMade } from "../forms/merge";
import { planNotices } from "../forms/notices";
import { fingerprint } from "../base/hash";
import { WorkbookPort } from "../sheets/port";
import { StoreState } from "../store/store";
import { cleanText } from "../text/text";
import { differenceRowsOf, Master } from "./merge";
import { Scored } from "./score";

export interface FormOut {
  fileName: string;
  agency: string;
  /** The grid's row of the agency (from the snapshot's origin). */
  row: number;
  description: FormDescription;
}

const text = (v: unknown) => cleanText(typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** The forms of the master's agencies (`picked`: which grid rows; all by default), every file name chosen among all agencies' (never two alike). */
export function planForms(master: Master & { scored: Scored }, opts: { formKey: string; madeAt: string; picked?: (row: number) => boolean }): FormOut[] {
  const { rules, scored, values } = master;
  const { layout } = scored;
  const maxes = agencyMaxes(rules, scored.rows);
  const names = formFileNames(master.agencies);
  const out: FormOut[] = [];
  layout.dataRows.forEach((row, i) => {
    if (opts.picked && !opts.picked(row)) return;
    const agency = master.agencies[i];
    out.push({
      fileName: names[i],
      agency,
      row,
      description: buildForm({
        rules,
        agency,
        notes: layout.notesCol === null ? "" : text(values[row][layout.notesCol]),
        maxes: maxes.get(row) ?? rules.groups.map((g) => g.max),
        block: scored.rows.find((r) => r.row === row)?.block ?? null,
        year: master.year,
        masterId: master.masterId,
        formKey: opts.formKey,
        madeAt: opts.madeAt,
      }),
    });
  });
  return out;
}

/**
 * "Tạo phiếu"'s write into the master: its id, the form key (kept in its hidden store, never in a form) and when
 * each agency's form was made. Queues the state (`adjust`: the caller's last word, e.g. the command line's copy
 * has no undo journal); returns it.
 */
export function writeFormsMade(
  port: Pick<WorkbookPort, "writeStore">,
  master: Master,
  made: { forms: readonly { agency: string; fileName: string }[]; at: string; formKey: string },
  adjust: (state: StoreState) => StoreState = (s) => s,
): StoreState {
  const state = adjust({
    ...master.state,
    workbookId: master.masterId,
    formKey: made.formKey,
    formsMade: withFormsMade(
      master.state.formsMade,
      made.forms.map((f) => ({ agency: f.agency, file: f.fileName })),
      made.at,
    ),
  });
  port.writeStore(state);
  return state;
}

/** The notices of the differences on the "Chênh lệch" sheet `diffSheet` (the one the last merge made), signed with the master's key. */
export function planNoticesOf(
  port: Pick<WorkbookPort, "sheets" | "readSheet">,
  master: Pick<Master, "rules" | "masterId" | "year" | "formKey">,
  diffSheet: string | undefined,
  deadline: string | undefined,
): ReturnType<typeof planNotices> {
  return planNotices({
    formKey: master.formKey,
    rows: differenceRowsOf(port, diffSheet),
    year: master.year,
    masterId: master.masterId,
    rulesFingerprint: fingerprint(master.rules.json),
    deadline,
  });
}
