/**
 * Edits typed by hand while the pane is open (worksheets.onChanged, ExcelApi 1.9), logged as "Sửa tay":
 * the address and the new value of each cell, on the scored sheet only, and not the cells whose value is
 * what the add-in wrote there (its own results). The pane gathers the edits for a moment and logs them in
 * one action: 2 syncs (read the store, the cells and the names of their sheets; write the store).
 * Excel gives the changed block without its sheet ("D12") and the sheet by id (worksheetId): the sheet is
 * taken by that id (Worksheets.getItem takes a name or an id) and its name loaded in the same sync.
 */
import { blockOf, cellAddress, parseCell } from "../core/base/address";
import { logEntry, MAX_CELLS, withLog } from "../core/store/log";
import { writtenCells } from "../core/store/store";
import { currentActor } from "./actor";
import type { CellsEdited } from "./selection-events";
import { queueStoreRead, writeStore } from "./store";

/** "'Chấm điểm 2020'!D12:E13" → the sheet's name and the block's address. */
export function splitAddress(address: string): { sheet: string; block: string } | null {
  const at = address.lastIndexOf("!");
  if (at < 0) return null;
  const sheet = address
    .slice(0, at)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const block = address.slice(at + 1).replace(/\$/g, "");
  return blockOf(block) ? { sheet, block } : null;
}

/**
 * Where an edit is: the key of its sheet for Worksheets.getItem (the name the address gives, else worksheetId) and the
 * block. Only values typed, pasted or cleared (changeType "RangeEdited"; "Unknown" or none given are read too): rows,
 * columns or cells inserted or deleted move cells and carry no value typed, so they are not "Sửa tay".
 */
export function locateEdit(edit: CellsEdited | string): { key: string; block: string } | null {
  const e = typeof edit === "string" ? { address: edit } : edit;
  if (e.changeType !== undefined && e.changeType !== "RangeEdited" && e.changeType !== "Unknown") return null;
  const named = splitAddress(e.address);
  if (named) return { key: named.sheet, block: named.block };
  const block = e.address.replace(/\$/g, "");
  return e.worksheetId && blockOf(block) ? { key: e.worksheetId, block } : null;
}

/** Logs the edits (as onChanged gives them). Returns the number of cells logged. */
export async function logManualEdits(edits: readonly (CellsEdited | string)[], now: () => Date = () => new Date()): Promise<number> {
  const blocks = edits.map(locateEdit).filter((b): b is { key: string; block: string } => b !== null);
  if (blocks.length === 0) return 0;
  return Excel.run(async (context) => {
    const store = queueStoreRead(context);
    const ranges = blocks.map((b) => {
      const ws = context.workbook.worksheets.getItem(b.key);
      ws.load("name");
      const range = ws.getRange(b.block);
      range.load("values");
      return { block: b.block, ws, range };
    });
    await context.sync(); // 1: the store and the cells as typed
    const state = store.state();
    const scored = state.lastRun?.sheet;
    const wrote = scored ? writtenCells(state.written, scored) : new Map<string, string | number>();
    const cells: [string, string, string][] = [];
    for (const r of ranges) {
      if (r.ws.name !== scored) continue;
      const top = parseCell(r.block.split(":")[0]);
      (r.range.values as unknown[][]).forEach((row, i) =>
        row.forEach((v, j) => {
          const address = cellAddress(top.row + i, top.col + j);
          const value = v === null || v === undefined ? "" : String(v);
          if (wrote.has(address) && String(wrote.get(address)) === value) return;
          if (cells.length < MAX_CELLS * 4) cells.push([address, "", value]);
        }),
      );
    }
    if (cells.length === 0) return 0;
    const entry = logEntry({ at: now().toISOString(), action: "edit", by: currentActor(), via: "pane", sheet: scored!, cells });
    await writeStore(context, store, withLog(state, entry)); // 2
    return entry.cells.length;
  });
}
