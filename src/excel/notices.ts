/**
 * “Thông báo kết quả thẩm định” from the pane's Phiếu tab: the notices the command line's `notices` makes
 * (planNoticesOf, src/core/flows/forms.ts, here through ExcelPort), one per agency with a difference on
 * "Chênh lệch", signed with the workbook's form key; rendered to .xlsx in the pane and delivered as the forms
 * are (new workbooks or downloads). One sync: the active sheet (the grid: the forms' year and id), the store,
 * the sheets and "Chênh lệch". Nothing in the workbook changes (as `notices` never modifies the master): no
 * journal, no log entry.
 */
import { both } from "../core/base/catalogue";
import { formsYear, masterWorkbookId } from "../core/forms/forms";
import { isFormKey } from "../core/forms/form-parts";
import { NOTICE_MESSAGES, NoticeDescription } from "../core/forms/notices";
import { FORM_TEXT } from "../core/forms/form-messages";
import { locateGrid } from "../core/grid/grid";
import { completeMetadata } from "../core/rules/metadata";
import { masterOf } from "../core/flows/merge";
import { planNoticesOf } from "../core/flows/forms";
import { queueDifferencesRead } from "./conclusions";
import { ExcelPort, queueSheetList } from "./port";
import { hostRefusal, queueSheetRead, rulesOf, sheetRefusal } from "./sheet-read";
import { queueStoreRead } from "./store";

export type NoticesOutcome =
  | { kind: "done"; notices: { fileName: string; agency: string; lines: number; description: NoticeDescription }[] }
  | { kind: "refused"; message: string; messageEn: string; cells: string[] };

const DEADLINE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/** The notices of the workbook's differences; `deadline` (dd/mm/yyyy, optional) is printed on each. */
export async function prepareNotices(deadline?: string): Promise<NoticesOutcome> {
  const due = deadline?.trim() || undefined;
  if (due !== undefined && !DEADLINE.test(due)) return { kind: "refused", ...both(NOTICE_MESSAGES, "badDeadline", { value: due }), cells: [] };
  try {
    return await Excel.run(async (context) => {
      const read = queueSheetRead(context.workbook.worksheets.getActiveWorksheet(), "values");
      const store = queueStoreRead(context);
      const sheets = queueSheetList(context);
      const diffRead = queueDifferencesRead(context, { formulas: true });
      await context.sync(); // 1: the grid, the store, the sheets, "Chênh lệch"
      const state = store.state();
      const sheet = read.result();
      const rules = rulesOf(state);
      const located = locateGrid(sheet.values, rules);
      // The id and year the merge checks a returned notice against: from the grid, unless the store has both.
      if (!located.ok && !(state.workbookId && state.decision?.year)) return sheetRefusal(sheet.name, located);
      const master = located.ok
        ? masterOf({ sheet: sheet.name, values: sheet.values, origin: sheet.origin, layout: located.layout, rules, state })
        : {
            rules,
            masterId: masterWorkbookId(state.workbookId, []),
            year: formsYear(state.decision?.year, sheet.values, 0, completeMetadata(state.decision ?? {}).year),
            formKey: isFormKey(state.formKey) ? state.formKey : null,
          };
      // "Chênh lệch" as read (by its usual name): the sheet the last merge made, unless it had to name it otherwise.
      const diff = diffRead();
      const owned = state.loopSheets?.diff;
      const others = diff ? new Map([[diff.name, { values: diff.values, formulas: diff.formulas ?? [], origin: diff.origin }]]) : undefined;
      const port = new ExcelPort(context, { sheets: sheets(), grid: sheet, store, ...(others ? { others } : {}) });
      const planned = planNoticesOf(port, master, (owned ?? FORM_TEXT.diffSheet) === FORM_TEXT.diffSheet ? FORM_TEXT.diffSheet : undefined, due);
      if (!planned.ok)
        return {
          kind: "refused",
          ...(planned.code === "noKey"
            ? both(NOTICE_MESSAGES, "noKeyPane", {})
            : both(NOTICE_MESSAGES, "noDifferences", { sheet: owned ?? FORM_TEXT.diffSheet })),
          cells: [],
        };
      return { kind: "done", notices: planned.notices };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}
