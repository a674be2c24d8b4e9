import { createOfficeDouble } from "../office-double/index";
import { SheetSnapshot } from "../office-double/workbook";
import { referenceSheet } from "../fixtures/reference";

export const SHEET = "Chấm điểm 2020";
export type Double = ReturnType<typeof createOfficeDouble>;

/** A double holding the reference grid as a user typed it (bold bordered header), installed as the host. */
export function referenceDouble(apiLevel = 20, place: { at?: string; values?: unknown[][]; platform?: "PC" | "OfficeOnline" } = {}) {
  const double = createOfficeDouble({ apiLevel, platform: place.platform, sheets: [SHEET, "Ghi chép"] });
  const ws = double.workbook.sheet(SHEET);
  const values = place.values ?? referenceSheet();
  ws.setValues(place.at ?? "A1", values as (string | number)[][]);
  double.workbook.sheet("Ghi chép").setValues("A1", [["Ghi chép riêng của người dùng"]]);
  double.workbook.setActive(SHEET);
  const restore = double.install(globalThis);
  return { double, ws, restore };
}

/** Addresses whose snapshot differs between two snapshots of a sheet. */
export function changedCells(before: SheetSnapshot, after: SheetSnapshot): string[] {
  const keys = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
  return [...keys].filter((k) => JSON.stringify(before.cells[k] ?? null) !== JSON.stringify(after.cells[k] ?? null)).sort();
}

export const inColumns = (address: string, letters: string[]) => letters.includes(address.replace(/\d+$/, ""));
