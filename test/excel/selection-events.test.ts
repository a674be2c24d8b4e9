import { inspectSelection, SelectionInfo } from "../../src/excel/card";
import { onCellsEdited } from "../../src/excel/selection-events";
import { runScoring } from "../../src/excel/scoring";
import { createOfficeDouble } from "../office-double/index";
import type { WorksheetChangedArgs } from "../office-double/client-object";
import { referenceDouble } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

/** Row of an agency on the reference sheet. */
const rowOf = (ws: ReturnType<typeof referenceDouble>["ws"], name: string) => ws.getValues("B5:B23").findIndex((r) => r[0] === name) + 5;

describe("the double's worksheets.onChanged (ExcelApi 1.9)", () => {
  it("registers a handler at the sync that carries add(), fires it on an edit, and unregisters it at the sync after remove()", async () => {
    const double = createOfficeDouble({ apiLevel: 9, sheets: ["Trang 1"] });
    const seen: WorksheetChangedArgs[] = [];
    const context = new double.Excel.RequestContext();
    const reg = context.workbook.worksheets.onChanged.add((args) => void seen.push(args));
    double.edit("Trang 1", "B2", [[5]]);
    expect(seen).toHaveLength(0); // not registered before the sync
    await context.sync();
    double.edit("Trang 1", "C3", [[7, 8]]);
    expect(seen).toEqual([
      { type: "WorksheetChanged", worksheetId: double.workbook.sheet("Trang 1").id, address: "C3:D3", changeType: "RangeEdited", source: "Local" },
    ]);
    expect(double.workbook.sheet("Trang 1").getValues("C3:D3")).toEqual([[7, 8]]);
    reg.remove();
    double.edit("Trang 1", "C4", [[1]]);
    expect(seen).toHaveLength(2); // still registered until the sync
    await reg.context.sync();
    double.edit("Trang 1", "C5", [[1]]);
    expect(seen).toHaveLength(2);
  });

  it("below ExcelApi 1.9 the collection's event does not exist", () => {
    const double = createOfficeDouble({ apiLevel: 8, sheets: ["Trang 1"] });
    const context = new double.Excel.RequestContext();
    expect(() => context.workbook.worksheets.onChanged).toThrow(/ExcelApi 1\.9/);
  });
});

describe("stale results noticed as soon as a score is edited", () => {
  it("ExcelApi 1.9+: the handler is told of the edit (no selection change), one sync to subscribe, and the check finds the agency", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    await runScoring("pane");
    const yte = rowOf(setup.ws, "Sở Y tế");
    setup.double.stats.reset();
    let pending: Promise<SelectionInfo | null> | null = null;
    const off = onCellsEdited(() => {
      pending = inspectSelection();
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(setup.double.stats.syncs).toBe(1);
    setup.double.edit(setup.ws.name, `G${yte}`, [[100]]);
    expect(pending).not.toBeNull();
    const info = (await pending!)!;
    expect(info.stale!.agencies).toContain("Sở Y tế");
    expect(info.stale!.cells).toEqual(expect.arrayContaining([`J${yte}`, `M${yte}`]));

    off();
    await new Promise((r) => setTimeout(r, 0));
    pending = null;
    setup.double.edit(setup.ws.name, `G${yte}`, [[60]]);
    expect(pending).toBeNull();
  });

  it.each([4, 8])("ExcelApi 1.%i: nothing is registered, no sync, no error (the selection change and the annex still check)", async (level) => {
    const setup = referenceDouble(level);
    restore = setup.restore;
    setup.double.stats.reset();
    let told = 0;
    const off = onCellsEdited(() => told++);
    await new Promise((r) => setTimeout(r, 0));
    setup.double.edit(setup.ws.name, "G5", [[1]]);
    expect([told, setup.double.stats.syncs]).toEqual([0, 0]);
    off();
  });
});
