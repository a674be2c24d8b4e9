import { logManualEdits } from "../../src/excel/manual-edits";
import { openPane } from "../../src/excel/opening";
import { runScoring } from "../../src/excel/scoring";
import { decodeStore, STORE_SHEET } from "../../src/core/store/store";
import { referenceDouble, SHEET } from "./helpers";

const AT = () => new Date("2026-12-07T09:30:00.000Z");

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("Sửa tay: edits typed while the pane is open (worksheets.onChanged, ExcelApi 1.9)", () => {
  it("logs the address and new value of cells typed on the scored sheet, not other sheets nor the add-in's own results; 2 syncs", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    const { double, ws } = setup;
    expect((await runScoring("pane")).kind).toBe("done");
    const seen: string[] = [];
    const opening = await openPane((address) => seen.push(address));
    double.edit(SHEET, "D12", [[95]]);
    double.edit("Ghi chép", "A2", [["ghi chú"]]);
    const total = ws.getValues("J12")[0][0];
    double.edit(SHEET, "J12", [[total]]); // what Tính điểm wrote there: not an edit of the user's
    expect(seen).toEqual([`${SHEET}!D12`, "Ghi chép!A2", `${SHEET}!J12`]);
    double.stats.reset();
    expect(await logManualEdits(seen, AT)).toBe(1);
    expect(double.stats.syncs).toBe(2);
    const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
    const log = decoded.ok ? decoded.state.log! : null;
    expect(log!.entries.at(-1)).toMatchObject({ action: "edit", via: "pane", sheet: SHEET, cells: [["D12", "", "95"]] });
    opening.stopListening();
  });

  it.each([14, 20])(
    "at ExcelApi 1.%i the add-in's own writes, whose change events come late (after the action), are not taken for edits (triggerSource “ThisLocalAddin”)",
    async (level) => {
      const setup = referenceDouble(level, { addinChangeEvents: true });
      restore = setup.restore;
      const { double } = setup;
      const seen: string[] = [];
      const opening = await openPane((address) => seen.push(address));
      expect((await runScoring("pane")).kind).toBe("done");
      double.edit(SHEET, "D12", [[95]]);
      // Tính điểm wrote the result columns and the store: its events arrive now, after the user's edit.
      expect(double.deliverAddinChanges()).toBeGreaterThan(0);
      expect(seen).toEqual([`${SHEET}!D12`]);
      double.stats.reset();
      expect(await logManualEdits(seen, AT)).toBe(1);
      expect(double.stats.syncs).toBe(2);
      // Nor are the events of the log's own write.
      expect(double.deliverAddinChanges()).toBeGreaterThan(0);
      expect(seen).toEqual([`${SHEET}!D12`]);
      opening.stopListening();
    },
  );

  it("below ExcelApi 1.14 (no triggerSource) every change event is passed on, as before: the add-in's own writes too", async () => {
    const setup = referenceDouble(13, { addinChangeEvents: true });
    restore = setup.restore;
    const { double } = setup;
    const seen: string[] = [];
    const opening = await openPane((address) => seen.push(address));
    expect((await runScoring("pane")).kind).toBe("done");
    double.edit(SHEET, "D12", [[95]]);
    const late = double.deliverAddinChanges();
    expect(late).toBeGreaterThan(0);
    expect(seen).toHaveLength(1 + late);
    expect(seen[0]).toBe(`${SHEET}!D12`);
    expect(seen.slice(1).some((a) => a.startsWith(`${SHEET}!`))).toBe(true);
    // As before (docs/record.md says so): cells the add-in wrote that are not its kept results are logged as “Sửa tay”.
    // Here the headers of the result columns Tính điểm wrote (J4:M4), beside the user's D12.
    expect(await logManualEdits(seen, AT)).toBe(5);
    const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
    const cells = decoded.ok ? decoded.state.log!.entries.at(-1)!.cells.map((c) => c[0]) : [];
    expect(cells).toEqual(["D12", "J4", "K4", "L4", "M4"]);
    opening.stopListening();
  });

  it("below ExcelApi 1.9 nothing is subscribed, and nothing is logged", async () => {
    const setup = referenceDouble(8);
    restore = setup.restore;
    const seen: string[] = [];
    const opening = await openPane((address) => seen.push(address));
    setup.double.edit(SHEET, "D12", [[95]]);
    expect(seen).toEqual([]);
    opening.stopListening();
  });
});
