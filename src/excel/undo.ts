import { PackedAnnex, unpackAnnex } from "../core/annex";
import { STORE_SHEET, StoreState, UndoJournal } from "../core/store";
import { checkUndoJournal, undoJournalRefusal } from "../core/store-check";
import { features, hostErrorMessage, utf8Bytes } from "./host";
import { ownedAnnexSheet, renderAnnexOffice } from "./annex";
import { restoreLoopSheets } from "./sheet-render";
import { queueStoreRead, syncReadingStore, writeStore } from "./store";
import { UndoLeft, UndoLeftCode, UndoOutcome } from "./types";

const time = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
};

/** What an undo could not give back on this host, worded per language from its code and cells. */
const UNDO_LEFT: Record<UndoLeftCode, { vi: (p: { sheet: string; cells: string[] }) => string; en: (p: { sheet: string; cells: string[] }) => string }> = {
  formatsNotRestored: {
    vi: (p) =>
      `Phiên bản Excel này không chép lại được định dạng (cần ExcelApi 1.9): các ô ${p.cells.join(", ")} trên trang “${p.sheet}” đã được trả lại nội dung, nhưng định dạng riêng có trước khi tính điểm (viền, màu nền, phông chữ) bị đặt về mặc định. Hãy định dạng lại các ô đó nếu cần.`,
    en: (p) =>
      `This version of Excel cannot copy formats back (it needs ExcelApi 1.9): cells ${p.cells.join(", ")} on sheet “${p.sheet}” have their contents back, but any formats of their own from before the scoring (borders, fill, font) were reset to the default. Format those cells again if needed.`,
  },
};

export function undoLeft(code: UndoLeftCode, sheet: string, cells: string[]): UndoLeft {
  const p = { sheet, cells };
  return { code, sheet, cells, message: UNDO_LEFT[code].vi(p), messageEn: UNDO_LEFT[code].en(p) };
}

/**
 * What this host can do of an undo, decided before anything is written: the features above the
 * manifest's minimum (ExcelApi 1.4) the journal would use. Where one is missing and the part can be
 * given back another way, it is (formats copied aside → cleared to the default) and said in `left`.
 */
function planUndoFeatures(undo: UndoJournal): { copyFormats: boolean; left: UndoLeft[] } {
  const backups = undo.formatBackups ?? [];
  if (backups.length === 0 || features.copyFrom()) return { copyFormats: true, left: [] };
  return { copyFormats: false, left: [undoLeft("formatsNotRestored", undo.sheet, backups.map((b) => b.target))] };
}

/**
 * "Hoàn tác": gives back, exactly and once, what the last "Tính điểm" or "Tạo phụ lục" changed:
 * cell contents and number formats, fills, appended columns, or the previous annex. 2 syncs.
 */
/** Bytes of restored cells one sync may carry, leaving room under the 5 MB request limit. */
const UNDO_BYTES_PER_SYNC = 2 * 1024 * 1024;

export async function undoLast(): Promise<UndoOutcome> {
  try {
    return await Excel.run(async (context) => {
      const queued = queueStoreRead(context);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name, items/position, items/id");
      const store = await syncReadingStore(context, queued); // 1: read
      if (store !== queued) {
        sheets.load("items/name, items/position, items/id"); // the failed sync delivered nothing
        await context.sync();
      }

      const state = store.state();
      const undo = state.undo;
      // The journal is checked whole (shape, sizes, addresses) before anything is written from it.
      const damaged = store.issues().find((i) => i.key === "undo")?.problem ?? (undo ? checkUndoJournal(undo, "undo") : null);
      if (damaged) return { kind: "refused", message: undoJournalRefusal(damaged, STORE_SHEET, "vi"), messageEn: undoJournalRefusal(damaged, STORE_SHEET, "en") };
      if (!undo) {
        return {
          kind: "nothing",
          message: "Không có thao tác nào để hoàn tác (chỉ hoàn tác được một lần, thao tác gần nhất).",
          messageEn: "There is nothing to undo (only the last action can be undone, and only once).",
        };
      }
      const names = sheets.items.map((s) => s.name);
      // Every feature the undo needs is checked here, before the first write.
      const plan = planUndoFeatures(undo);

      let restoredAnnexId: string | undefined;
      if (undo.action === "score" || undo.action === "merge" || undo.action === "encoding") {
        if (!names.includes(undo.sheet)) {
          return {
            kind: "refused",
            message: `Không hoàn tác được: trang tính “${undo.sheet}” không còn trong sổ tính.`,
            messageEn: `Could not undo: sheet “${undo.sheet}” is no longer in the workbook.`,
          };
        }
        const ws = sheets.getItem(undo.sheet);
        for (const address of undo.clearFormats ?? []) ws.getRange(address).clear(Excel.ClearApplyTo.formats);
        for (const b of undo.formatBackups ?? []) {
          const target = ws.getRange(b.target);
          // Without Range.copyFrom (below ExcelApi 1.9) the columns go back to the default formats.
          if (plan.copyFormats) target.copyFrom(`'${STORE_SHEET}'!${b.backup}`, Excel.RangeCopyType.formats);
          else target.clear(Excel.ClearApplyTo.formats);
          context.workbook.worksheets.getItem(STORE_SHEET).getRange(b.backup).clear(Excel.ClearApplyTo.formats);
        }
        for (const w of undo.columnWidths ?? []) ws.getRange(w.address).format.columnWidth = w.width;
        let queuedBytes = 0;
        for (const c of undo.cells) {
          // Past the request limit (tens of thousands of rows), the cells go back in several syncs.
          const bytes = utf8Bytes(JSON.stringify(c));
          if (queuedBytes > 0 && queuedBytes + bytes > UNDO_BYTES_PER_SYNC) {
            await context.sync();
            queuedBytes = 0;
          }
          queuedBytes += bytes;
          const range = ws.getRange(c.address);
          range.numberFormat = c.numberFormat;
          range.formulas = c.formulas as (string | number | boolean)[][];
        }
        for (const f of undo.fonts ?? []) ws.getRange(f.address).format.font.name = f.name;
        for (const f of undo.fills) {
          const fill = ws.getRange(f.address).format.fill;
          if (f.color) fill.color = f.color;
          else fill.clear();
        }
        // "Gộp phiếu": its "Tự đánh giá" and "Chênh lệch" sheets go, the ones before it come back.
        if (undo.action === "merge") restoreLoopSheets(sheets, names, state.loopSheets, undo.previousLoopSheets);
      } else {
        // The annex this action made (by its id: never a user's sheet that took the name since).
        const ownedName = ownedAnnexSheet(state, sheets.items);
        const current = ownedName ? sheets.items.find((s) => s.name === ownedName) : undefined;
        const position = current?.position;
        if (current) current.delete();
        if (undo.previousAnnex) {
          const previous = unpackAnnex(undo.previousAnnex.description as PackedAnnex);
          const ws = sheets.add(undo.previousAnnex.sheetName);
          if (position !== undefined) ws.position = position;
          const moreRows = renderAnnexOffice(ws, previous);
          ws.load("id");
          await context.sync(); // 2: the previous annex is back (its new id is known now)
          for (const step of moreRows) {
            step(); // only past the request limit: the rest of the previous annex's texts
            await context.sync();
          }
          restoredAnnexId = ws.id;
        }
      }
      // Only what the action changed goes back; rules or a decision saved since stay as they are.
      const { undo: _done, ...current } = state;
      void _done;
      const prev = undo.previousState;
      const restored: StoreState =
        undo.action === "encoding"
          ? current
          : undo.action === "score"
          ? { ...current, written: prev.written, marks: prev.marks, lastRun: prev.lastRun }
          : undo.action === "merge"
            ? { ...current, selfAssessments: prev.selfAssessments, loopSheets: prev.loopSheets }
            : { ...current, annex: prev.annex && restoredAnnexId ? { ...prev.annex, sheetId: restoredAnnexId } : prev.annex };
      await writeStore(context, store, restored); // 2: restore and forget the journal

      return {
        kind: "done",
        message:
          undo.action === "score"
            ? `Đã hoàn tác lần “Tính điểm” lúc ${time(undo.at)} trên trang “${undo.sheet}”.`
            : undo.action === "merge"
              ? `Đã hoàn tác lần “Gộp phiếu” lúc ${time(undo.at)} trên trang “${undo.sheet}”.`
              : undo.action === "encoding"
                ? `Đã hoàn tác lần “Chuyển mã” lúc ${time(undo.at)} trên trang “${undo.sheet}”: các ô có lại chữ cũ.`
              : `Đã hoàn tác lần “Tạo phụ lục” lúc ${time(undo.at)}.`,
        messageEn:
          undo.action === "score"
            ? `Undid the “Score” at ${time(undo.at)} on sheet “${undo.sheet}”.`
            : undo.action === "merge"
              ? `Undid the “Merge forms” at ${time(undo.at)} on sheet “${undo.sheet}”.`
              : undo.action === "encoding"
                ? `Undid the “Convert encoding” at ${time(undo.at)} on sheet “${undo.sheet}”: the cells have their old text back.`
              : `Undid the “Create annex” at ${time(undo.at)}.`,
        ...(plan.left.length > 0 ? { left: plan.left } : {}),
      };
    });
  } catch (e) {
    return { kind: "refused", message: hostErrorMessage(e), messageEn: hostErrorMessage(e, "en") };
  }
}
