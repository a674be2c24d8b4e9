/**
 * Edits typed by hand while the pane is open (worksheets.onChanged, ExcelApi 1.9), logged as "Sửa tay":
 * the address and the new value of each cell, on the scored sheet only, and not the cells whose value is
 * what the add-in wrote there (its own results). The pane gathers the edits for a moment and logs them in
 * one action: 2 syncs (read the store and the cells; write the store).
 */
import { blockOf, cellAddress, parseCell } from "../core/base/address";
import { logEntry, MAX_CELLS, withLog } from "../core/store/log";
import { writtenCells } from "../core/store/store";
import { currentActor } from "./actor";
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

/** Logs the edits (addresses as onChanged gives them). Returns the number of cells logged. */
export async function logManualEdits(addresses: readonly string[], now: () => Date = () => new Date()): Promise<number> {
  const blocks = addresses.map(splitAddress).filter((b): b is { sheet: string; block: string } => b !== null);
  if (blocks.length === 0) return 0;
  return Excel.run(async (context) => {
    const store = queueStoreRead(context);
    const ranges = blocks.map((b) => {
      const range = context.workbook.worksheets.getItem(b.sheet).getRange(b.block);
      range.load("values");
      return { ...b, range };
    });
    await context.sync(); // 1: the store and the cells as typed
    const state = store.state();
    const scored = state.lastRun?.sheet;
    const wrote = scored ? writtenCells(state.written, scored) : new Map<string, string | number>();
    const cells: [string, string, string][] = [];
    for (const r of ranges) {
      if (r.sheet !== scored) continue;
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
