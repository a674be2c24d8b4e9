import { textFlags } from "../core/flows/undo";
import { lockRefusal } from "../core/store/lock";
import { logEntry, withLog } from "../core/store/log";
import { currentActor } from "./actor";
import { byEncoding, CONVERT_MESSAGES, legacyExample } from "../core/grid/legacy-cells";
import { ENCODING_NAMES, unicodeFontFor } from "../core/text/legacy-encoding";
import { scoreSheet } from "../core/grid/scoring";
import { CellSnapshot, StoreState } from "../core/store/store";
import { isPayloadLimit } from "./host";
import { hostRefusal, queueSheetRead, readSheetInBlocks, rulesOf, SheetRead } from "./sheet-read";
import { ensureStoreSheet, queueStoreRead, readStoreInBlocks, StoreRead, writeStore, runWriting } from "./store";
import { EncodingOutcome } from "./types";

/** Text Excel would take for something else when typed (a formula, a number, TRUE, #N/A): written as text. */
const mayChangeMeaning = (text: string) => /^[=+\-@]/.test(text) || /^\s*[-+]?[\d.,]+%?\s*$/.test(text) || /^(true|false|#.*)$/i.test(text.trim());

/**
 * “Chuyển mã”: converts the named cells of the active sheet from TCVN3/VNI to Unicode, the cells a
 * legacyText finding (or the no-grid refusal) names, and only those that still hold legacy text (not
 * formulas). Cells in a legacy font (“.VnTime”, “VNI-Times”) take a Unicode one. The old texts,
 * number formats and fonts go into the undo journal in the same batch. 2 syncs: read, write.
 */
export async function convertEncoding(cells: readonly string[], now: () => Date = () => new Date()): Promise<EncodingOutcome> {
  try {
    return await runWriting(async (context) => {
      const active = context.workbook.worksheets.getActiveWorksheet();
      let read: SheetRead = queueSheetRead(active);
      let store = queueStoreRead(context);
      const wanted = [...new Set(cells)];
      const before = new Map(
        wanted.map((address) => {
          const range = active.getRange(address);
          range.load("numberFormat, format/font/name");
          return [address, range] as const;
        }),
      );
      try {
        await context.sync(); // 1: read
      } catch (e) {
        if (!isPayloadLimit(e)) throw e;
        store = await readStoreInBlocks(context);
        read = await readSheetInBlocks(context, active);
      }

      const sheet = read.result();
      const state = store.state();
      if (state.lock) return { kind: "refused", ...lockRefusal(state.lock, "encoding"), cells: [] };
      const scored = scoreSheet(sheet.values, rulesOf(state), sheet.origin);
      const isFormula = (row: number, col: number) => String(sheet.formulas[row]?.[col] ?? "").startsWith("=");
      const convert = scored.legacy.filter((c) => before.has(c.cell) && !isFormula(c.row, c.col));
      if (convert.length === 0) {
        const p = { cells: wanted };
        return { kind: "nothing", message: CONVERT_MESSAGES.nothing.vi(p), messageEn: CONVERT_MESSAGES.nothing.en(p) };
      }
      if (sheet.protected) {
        const p = { sheet: sheet.name };
        return { kind: "refused", message: CONVERT_MESSAGES.protectedSheet.vi(p), messageEn: CONVERT_MESSAGES.protectedSheet.en(p), cells: [] };
      }

      // The store sheet first: a workbook whose structure is protected stops the batch before any cell changes.
      ensureStoreSheet(context, store as StoreRead);
      const journal: CellSnapshot[] = [];
      const fonts: { address: string; name: string }[] = [];
      for (const c of convert) {
        const range = read.sheet.getRange(c.cell);
        const old = before.get(c.cell)!;
        const numberFormat = old.numberFormat as string[][];
        // The legacy text is text: one beginning with "=" goes back as text (CellSnapshot.text).
        journal.push({ address: c.cell, formulas: [[c.text]], numberFormat, ...textFlags([[c.text]], () => c.text) });
        if (mayChangeMeaning(c.converted)) range.numberFormat = [["@"]];
        range.values = [[c.converted]];
        const font = unicodeFontFor(old.format.font.name);
        if (font) {
          fonts.push({ address: c.cell, name: old.format.font.name });
          range.format.font.name = font;
        }
      }
      const { undo: _previous, ...rest } = state;
      void _previous;
      const at = now().toISOString();
      const logged = logEntry({
        at,
        action: "encoding",
        by: currentActor(),
        via: "pane",
        sheet: sheet.name,
        cells: convert.map((c) => [c.cell, c.text, c.converted]),
      });
      const newState: StoreState = withLog(
        { ...rest, undo: { action: "encoding", at, sheet: sheet.name, cells: journal, fills: [], fonts, previousState: {} } },
        logged,
      );
      await writeStore(context, store as StoreRead, newState); // 2: the texts, and the journal to undo them

      const groups = byEncoding(convert);
      return {
        kind: "done",
        cells: convert.map((c) => c.cell),
        message: groups.map((g) => CONVERT_MESSAGES.done.vi(legacyExample(g, ENCODING_NAMES))).join(" "),
        messageEn: groups.map((g) => CONVERT_MESSAGES.done.en(legacyExample(g, ENCODING_NAMES))).join(" "),
      };
    });
  } catch (e) {
    return hostRefusal(e);
  }
}
