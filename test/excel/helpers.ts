import { createOfficeDouble } from "../office-double/index";
import { SheetSnapshot } from "../office-double/workbook";
import { referenceSheet } from "../fixtures/reference";
import { decodeStore, encodeStore, STORE_SHEET } from "../../src/core/store/store";

export const SHEET = "Chấm điểm 2020";
export type Double = ReturnType<typeof createOfficeDouble>;

/** A double holding the reference grid as a user typed it (bold bordered header), installed as the host. */
export function referenceDouble(
  apiLevel = 20,
  place: { at?: string; values?: unknown[][]; platform?: "PC" | "OfficeOnline"; addinChangeEvents?: boolean } = {},
) {
  const double = createOfficeDouble({ apiLevel, platform: place.platform, sheets: [SHEET, "Ghi chép"], addinChangeEvents: place.addinChangeEvents });
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

/** The store sheet's rows, as they are now. */
export function storeRows(double: Double): unknown[][] {
  const sheet = double.workbook.sheet(STORE_SHEET);
  const rect = sheet.usedRect(true)!;
  return sheet.getValues(`A1:C${rect.r1 + 1}`);
}

/** Rewrites the store sheet with one entry's JSON edited, as someone editing the hidden sheet would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests edit decoded JSON as a tamperer would
export function tamper(double: Double, edit: (state: Record<string, any>) => void): void {
  const decoded = decodeStore(storeRows(double));
  if (!decoded.ok) throw new Error(decoded.message);
  const state = JSON.parse(JSON.stringify(decoded.state));
  edit(state);
  const rows = encodeStore(state);
  const old = storeRows(double).length;
  const padded = [...rows, ...Array.from({ length: Math.max(0, old - rows.length) }, () => ["", "", ""])];
  double.workbook.sheet(STORE_SHEET).setValues("A1", padded);
}
