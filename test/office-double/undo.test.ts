/**
 * Excel's undo stack in the double (undo.ts): records per sync or per mergeUndoGroup run, Ctrl+Z, the APIs that clear
 * the user's stack (by platform), UndoNotSupported inside a group, and hosts below ExcelApi 1.20.
 */
import { readFileSync } from "fs";
import { createOfficeDouble, OfficeDouble } from "./index";

type Ctx = InstanceType<OfficeDouble["Excel"]["RequestContext"]>;
type Platform = "PC" | "OfficeOnline";

function setup(platform: Platform = "PC", apiLevel = 20) {
  const double = createOfficeDouble({ displayLanguage: "en-US", platform, apiLevel, sheets: ["Data", "Other"] });
  double.workbook.sheet("Data").setValues("A1", [["a"], ["b"]]);
  const run = <T>(f: (ctx: Ctx) => Promise<T>) => double.Excel.run(f);
  const grouped = <T>(f: (ctx: Ctx) => Promise<T>) => double.Excel.run({ mergeUndoGroup: true }, f);
  const a1 = () => double.workbook.sheet("Data").getValues("A1:A2");
  return { double, run, grouped, a1 };
}

async function twoWrites(ctx: Ctx): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem("Data");
  ws.getRange("A1").values = [["one"]];
  await ctx.sync();
  ws.getRange("A2").values = [["two"]];
  await ctx.sync();
}

async function rejection(p: Promise<unknown>): Promise<{ code: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string };
  }
  throw new Error("expected the promise to reject");
}

describe("ExcelUndoApiAll and RunOptions.mergeUndoGroup (ExcelApi 1.20)", () => {
  test("the requirement set is there from ExcelApi 1.20, on Windows and on the web; not at 1.17", () => {
    expect(setup("PC").double.Office.context.requirements.isSetSupported("ExcelUndoApiAll", "1.0")).toBe(true);
    expect(setup("OfficeOnline").double.Office.context.requirements.isSetSupported("ExcelUndoApiAll", "1.0")).toBe(true);
    expect(setup("PC", 17).double.Office.context.requirements.isSetSupported("ExcelUndoApiAll", "1.0")).toBe(false);
  });

  test("@types/office-js gives RunOptions.mergeUndoGroup to ExcelApi 1.20 (the level the double models)", () => {
    const dts = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
    const at = dts.indexOf("        mergeUndoGroup?: boolean;");
    expect(at).toBeGreaterThan(0);
    expect(dts.slice(dts.lastIndexOf("/**", at), at)).toContain("[Api set: ExcelApi 1.20]");
  });

  test.each<Platform>(["PC", "OfficeOnline"])("%s: without the option each sync that writes is one record; Ctrl+Z takes back the last", async (p) => {
    const { double, run, a1 } = setup(p);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1").load("values");
      await ctx.sync(); // a read: no record
      await twoWrites(ctx);
    });
    expect(double.undo.stack.map((r) => r.syncs)).toEqual([1, 1]);
    expect(a1()).toEqual([["one"], ["two"]]);
    double.pressUndo();
    expect(a1()).toEqual([["one"], ["b"]]);
    double.pressUndo();
    expect(a1()).toEqual([["a"], ["b"]]);
    expect(double.pressUndo()).toBeUndefined();
  });

  test.each<Platform>(["PC", "OfficeOnline"])("%s: with mergeUndoGroup the run is one record; one Ctrl+Z takes it all back", async (p) => {
    const { double, grouped, a1 } = setup(p);
    await grouped(twoWrites);
    expect(double.undo.stack).toHaveLength(1);
    expect(double.undo.stack[0]).toMatchObject({ source: "addin", syncs: 2 });
    double.pressUndo();
    expect(a1()).toEqual([["a"], ["b"]]);
  });

  test("the user's own edits stay on the stack under the add-in's record, and come back in order", async () => {
    const { double, grouped, a1 } = setup();
    double.edit("Data", "A1", [["typed"]]);
    await grouped(twoWrites);
    expect(double.undo.stack.map((r) => r.source)).toEqual(["user", "addin"]);
    double.pressUndo();
    expect(a1()).toEqual([["typed"], ["b"]]);
    double.pressUndo();
    expect(a1()).toEqual([["a"], ["b"]]);
  });

  test("Ctrl+Z of a run that added a sheet removes it; of a run that formatted, the format goes back", async () => {
    const { double, grouped } = setup();
    await grouped(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("New");
      ws.getRange("A1").values = [["x"]];
      ctx.workbook.worksheets.getItem("Data").getRange("A1").format.fill.color = "#FF0000";
      await ctx.sync();
    });
    expect(double.workbook.findSheet("New")).toBeDefined();
    expect(double.workbook.sheet("Data").getCell("A1").fill).toBe("#FF0000");
    double.pressUndo();
    expect(double.workbook.findSheet("New")).toBeUndefined();
    expect(double.workbook.sheet("Data").getCell("A1").fill).toBeNull();
  });
});

describe("APIs that clear the user's undo stack", () => {
  const renameAndWrite = async (ctx: Ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Other");
    ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["before"]];
    ws.name = "Renamed";
    ctx.workbook.worksheets.getItem("Data").getRange("A2").values = [["after"]];
    await ctx.sync();
  };

  test("Windows: renaming a sheet clears the stack from that call; what follows it can be undone", async () => {
    const { double, run, a1 } = setup("PC");
    double.edit("Data", "B1", [["mine"]]);
    await run(renameAndWrite);
    expect(double.undo.clearedBy).toEqual(["Worksheet.name"]);
    expect(double.undo.stack).toHaveLength(1);
    double.pressUndo();
    expect(a1()).toEqual([["before"], ["b"]]);
    expect(double.workbook.findSheet("Renamed")).toBeDefined();
    expect(double.pressUndo()).toBeUndefined();
    expect(double.workbook.sheet("Data").getValues("B1")).toEqual([["mine"]]);
  });

  test("web: renaming, moving and hiding a sheet are undoable (they clear nothing)", async () => {
    const { double, run } = setup("OfficeOnline");
    double.edit("Data", "B1", [["mine"]]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Other");
      ws.name = "Renamed";
      ws.position = 0;
      ws.visibility = "Hidden";
      await ctx.sync();
    });
    expect(double.undo.clearedBy).toEqual([]);
    double.pressUndo();
    expect(double.workbook.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual(["Data:Visible", "Other:Visible"]);
    double.pressUndo();
    expect(double.workbook.sheet("Data").getValues("B1")).toEqual([[""]]);
  });

  test.each<[Platform, string, (ctx: Ctx) => void]>([
    ["PC", "Worksheet.position", (ctx) => void (ctx.workbook.worksheets.getItem("Other").position = 0)],
    ["PC", "Worksheet.visibility", (ctx) => void (ctx.workbook.worksheets.getItem("Other").visibility = "VeryHidden")],
    ["PC", "Worksheet.delete", (ctx) => ctx.workbook.worksheets.getItem("Other").delete()],
    ["OfficeOnline", "Worksheet.delete", (ctx) => ctx.workbook.worksheets.getItem("Other").delete()],
    ["PC", "WorksheetProtection.protect", (ctx) => ctx.workbook.worksheets.getItem("Other").protection.protect()],
    ["OfficeOnline", "WorksheetProtection.protect", (ctx) => ctx.workbook.worksheets.getItem("Other").protection.protect()],
  ])("%s: %s clears the stack; inside a group it fails with UndoNotSupported", async (platform, api, call) => {
    const outside = setup(platform);
    outside.double.edit("Data", "B1", [["mine"]]);
    await outside.run(async (ctx) => {
      call(ctx);
      await ctx.sync();
    });
    expect(outside.double.undo.clearedBy).toEqual([api]);
    expect(outside.double.undo.stack).toHaveLength(0);

    const inside = setup(platform);
    inside.double.edit("Data", "B1", [["mine"]]);
    const e = await rejection(
      inside.grouped(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["first"]];
        call(ctx);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("UndoNotSupported");
    // the host is not transactional: the write before it stays, on the stack, above the user's edit
    expect(inside.a1()).toEqual([["first"], ["b"]]);
    expect(inside.double.undo.clearedBy).toEqual([]);
    expect(inside.double.undo.stack.map((r) => r.source)).toEqual(["user", "addin"]);
  });

  test("below ExcelApi 1.20 every write of the add-in clears the stack, and mergeUndoGroup is ignored", async () => {
    const { double, grouped } = setup("PC", 17);
    double.edit("Data", "B1", [["mine"]]);
    await grouped(twoWrites);
    expect(double.undo.supported).toBe(false);
    expect(double.undo.stack).toHaveLength(0);
    expect(double.undo.clearedBy).toEqual(["write"]);
  });
});

describe("event handlers are not writes", () => {
  test.each<[Platform, number]>([
    ["PC", 20],
    ["OfficeOnline", 20],
    ["PC", 17],
  ])("%s at ExcelApi 1.%i: adding and removing a worksheets.onChanged handler adds no undo record and clears nothing", async (p, level) => {
    const { double, grouped } = setup(p, level);
    double.edit("Data", "B1", [["mine"]]);
    let handler: { remove(): void } | null = null;
    await grouped(async (ctx) => {
      handler = ctx.workbook.worksheets.onChanged.add(async () => undefined);
      await ctx.sync();
    });
    await grouped(async (ctx) => {
      handler!.remove();
      await ctx.sync();
    });
    expect(double.undo.stack.map((r) => r.source)).toEqual(["user"]);
    expect(double.undo.clearedBy).toEqual([]);
    // A write in the same kind of run still is one: a record at 1.20, the stack cleared below.
    await grouped(twoWrites);
    expect(double.undo.stack.map((r) => r.source)).toEqual(level >= 20 ? ["user", "addin"] : []);
    expect(double.undo.clearedBy).toEqual(level >= 20 ? [] : ["write"]);
  });
});
