import { locateEdit, logManualEdits } from "../../src/excel/manual-edits";
import type { CellsEdited } from "../../src/excel/selection-events";
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
    const seen: CellsEdited[] = [];
    const opening = await openPane((edit) => seen.push(edit));
    double.edit(SHEET, "D12", [[95]]);
    double.edit("Ghi chép", "A2", [["ghi chú"]]);
    const total = ws.getValues("J12")[0][0];
    double.edit(SHEET, "J12", [[total]]); // what Tính điểm wrote there: not an edit of the user's
    // As Excel gives them: the block without its sheet, the sheet by id.
    const id = (name: string) => double.workbook.sheet(name).id;
    expect(seen).toEqual([
      { address: "D12", worksheetId: id(SHEET), changeType: "RangeEdited" },
      { address: "A2", worksheetId: id("Ghi chép"), changeType: "RangeEdited" },
      { address: "J12", worksheetId: id(SHEET), changeType: "RangeEdited" },
    ]);
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
      const seen: CellsEdited[] = [];
      const opening = await openPane((edit) => seen.push(edit));
      expect((await runScoring("pane")).kind).toBe("done");
      double.edit(SHEET, "D12", [[95]]);
      // Tính điểm wrote the result columns and the store: its events arrive now, after the user's edit.
      expect(double.deliverAddinChanges()).toBeGreaterThan(0);
      expect(seen.map((e) => e.address)).toEqual(["D12"]);
      double.stats.reset();
      expect(await logManualEdits(seen, AT)).toBe(1);
      expect(double.stats.syncs).toBe(2);
      // Nor are the events of the log's own write.
      expect(double.deliverAddinChanges()).toBeGreaterThan(0);
      expect(seen.map((e) => e.address)).toEqual(["D12"]);
      opening.stopListening();
    },
  );

  it("below ExcelApi 1.14 (no triggerSource) every change event is passed on, as before: the add-in's own writes too", async () => {
    const setup = referenceDouble(13, { addinChangeEvents: true });
    restore = setup.restore;
    const { double } = setup;
    const seen: CellsEdited[] = [];
    const opening = await openPane((edit) => seen.push(edit));
    expect((await runScoring("pane")).kind).toBe("done");
    double.edit(SHEET, "D12", [[95]]);
    const late = double.deliverAddinChanges();
    expect(late).toBeGreaterThan(0);
    expect(seen).toHaveLength(1 + late);
    expect(seen[0].address).toBe("D12");
    expect(seen.slice(1).some((e) => e.worksheetId === double.workbook.sheet(SHEET).id)).toBe(true);
    // As before (docs/record.md says so): cells the add-in wrote that are not its kept results are logged as “Sửa tay”.
    // Here the headers of the result columns Tính điểm wrote (J4:M4), beside the user's D12.
    expect(await logManualEdits(seen, AT)).toBe(5);
    const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
    const cells = decoded.ok ? decoded.state.log!.entries.at(-1)!.cells.map((c) => c[0]) : [];
    expect(cells).toEqual(["D12", "J4", "K4", "L4", "M4"]);
    opening.stopListening();
  });

  it("a block typed at once is logged cell by cell; an address naming its sheet is taken too; inserted rows are not edits", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    const { double } = setup;
    expect((await runScoring("pane")).kind).toBe("done");
    const seen: CellsEdited[] = [];
    const opening = await openPane((edit) => seen.push(edit));
    double.edit(SHEET, "D12", [[95, 80]]);
    double.edit(SHEET, "F13", [[70]]);
    expect(seen.map((e) => e.address)).toEqual(["D12:E12", "F13"]);
    const id = double.workbook.sheet(SHEET).id;
    expect(locateEdit({ address: "A13:XFD13", worksheetId: id, changeType: "RowInserted" })).toBeNull();
    expect(locateEdit({ address: "D12" })).toBeNull(); // no sheet: nothing to read
    expect(await logManualEdits([seen[0], `'${SHEET}'!F13`, { address: "A13:XFD13", worksheetId: id, changeType: "RowInserted" }], AT)).toBe(3);
    const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
    const log = decoded.ok ? decoded.state.log! : null;
    expect(log!.entries.at(-1)).toMatchObject({
      sheet: SHEET,
      cells: [
        ["D12", "", "95"],
        ["E12", "", "80"],
        ["F13", "", "70"],
      ],
    });
    opening.stopListening();
  });

  it("below ExcelApi 1.9 nothing is subscribed, and nothing is logged", async () => {
    const setup = referenceDouble(8);
    restore = setup.restore;
    const seen: CellsEdited[] = [];
    const opening = await openPane((edit) => seen.push(edit));
    setup.double.edit(SHEET, "D12", [[95]]);
    expect(seen).toEqual([]);
    opening.stopListening();
  });
});
