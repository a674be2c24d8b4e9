/**
 * The Office.js double must be as strict as the real host, or tests written against it lie.
 * Each test here checks one host behaviour the add-in depends on.
 */
import { createOfficeDouble, OfficeDouble } from "./office-double/index";

type Ctx = InstanceType<OfficeDouble["Excel"]["RequestContext"]>;

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; debugInfo: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; debugInfo: Record<string, unknown> };
  }
  throw new Error("expected the promise to reject");
}

function thrown(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected a throw");
}

function setup(options: Parameters<typeof createOfficeDouble>[0] = {}) {
  const double = createOfficeDouble({ displayLanguage: "en-US", ...options });
  const sheet = double.workbook.sheet("Sheet1");
  sheet.setValues("A1", [
    ["Name", "Score"],
    ["An", 7.5],
    ["Binh", 9],
  ]);
  return { double, sheet, run: <T>(f: (ctx: Ctx) => Promise<T>) => double.Excel.run(f) };
}

describe("load / sync strictness", () => {
  test("reading a property that was never loaded throws PropertyNotLoaded with the host's message", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B3");
      const e = thrown(() => range.values);
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.message).toBe(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    });
  });

  test("load() without sync() still throws; after sync the values are there", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B3");
      range.load("values, address");
      expect(thrown(() => range.values).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(range.values).toEqual([
        ["Name", "Score"],
        ["An", 7.5],
        ["Binh", 9],
      ]);
      expect(range.address).toBe("Sheet1!A1:B3");
      // loaded only what was asked for
      expect(thrown(() => range.numberFormat).code).toBe("PropertyNotLoaded");
    });
  });

  test("loaded values are a snapshot of that sync, not live", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const before = ws.getRange("B2").load("values");
      await ctx.sync();
      ws.getRange("B2").values = [[10]];
      await ctx.sync();
      expect(before.values).toEqual([[7.5]]);
      const after = ws.getRange("B2").load("values");
      await ctx.sync();
      expect(after.values).toEqual([[10]]);
    });
  });

  test("navigation loads (format/font/name, object form) and collections (items/name)", async () => {
    const { double, run } = setup();
    double.workbook.sheet("Sheet1").setCell("A1", { font: { bold: true, name: "Times New Roman" }, fill: "#ffff00" });
    double.workbook.addSheet("Data");
    await run(async (ctx) => {
      const a1 = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      a1.load("format/font/name, format/font/bold");
      a1.load({ format: { fill: { color: true } } });
      const sheets = ctx.workbook.worksheets.load("items/name");
      expect(thrown(() => sheets.items).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(a1.format.font.name).toBe("Times New Roman");
      expect(a1.format.font.bold).toBe(true);
      expect(a1.format.fill.color).toBe("#FFFF00");
      expect(thrown(() => a1.format.font.size).code).toBe("PropertyNotLoaded");
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Data"]);
      expect(thrown(() => sheets.items[0].visibility).code).toBe("PropertyNotLoaded");
    });
  });

  test("a format property of cells that differ reads null, like Excel", async () => {
    const { double, run } = setup();
    double.workbook.sheet("Sheet1").setCell("A1", { font: { bold: true } });
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").load("format/font/bold");
      const one = ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").load("format/font/bold");
      await ctx.sync();
      expect(r.format.font.bold).toBeNull();
      expect(one.format.font.bold).toBe(false);
    });
  });
});

describe("queued writes", () => {
  test("writes reach the workbook only at sync; the proxy keeps the written value like office.js", async () => {
    const { sheet, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("C1:C2");
      r.values = [["Rank"], [1]];
      r.format.font.bold = true;
      expect(sheet.getValues("C1:C2")).toEqual([[""], [""]]);
      expect(sheet.getCell("C1").font.bold).toBe(false);
      expect(r.values).toEqual([["Rank"], [1]]);
      await ctx.sync();
      expect(sheet.getValues("C1:C2")).toEqual([["Rank"], [1]]);
      expect(sheet.getCell("C1").font.bold).toBe(true);
    });
  });

  test("Excel.run flushes pending work at the end, and counts that sync", async () => {
    const { double, sheet } = setup();
    await double.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("D1").values = [["x"]];
    });
    expect(sheet.getValues("D1")).toEqual([["x"]]);
    expect(double.stats.syncs).toBe(1);
    expect(double.stats.runs).toBe(1);
  });

  test("a run with nothing pending does not add a sync", async () => {
    const { double } = setup();
    await double.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
    });
    expect(double.stats.syncs).toBe(1);
  });

  test("errors thrown in the batch reject Excel.run and nothing pending is flushed", async () => {
    const { double, sheet } = setup();
    const e = await rejection(
      double.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("E1").values = [["never"]];
        throw new Error("boom");
      }),
    );
    expect(e.message).toBe("boom");
    expect(sheet.getValues("E1")).toEqual([[""]]);
    expect(double.stats.syncs).toBe(0);
  });

  test("sync counts and payload bytes include the values sent and the values read back", async () => {
    const { double, run } = setup();
    const values = Array.from({ length: 100 }, (_, i) => [`agency ${i}`, i]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A10:B109").values = values;
      ws.getRange("A10:B109").numberFormat = [["@", "0.00"]].concat(Array(99).fill(["@", "0.00"]));
      await ctx.sync();
      ws.getRange("A10:B109").load("values");
      await ctx.sync();
    });
    expect(double.stats.syncs).toBe(2);
    const [write, read] = double.stats.requests;
    expect(write.ops).toBe(2);
    expect(write.requestBytes).toBeGreaterThan(JSON.stringify(values).length);
    expect(write.responseBytes).toBe(0);
    expect(read.ops).toBe(1);
    expect(read.responseBytes).toBeGreaterThan(JSON.stringify(values).length);
    expect(read.bytes).toBe(read.requestBytes + read.responseBytes);
    double.stats.reset();
    expect(double.stats.syncs).toBe(0);
    expect(double.stats.requests).toEqual([]);
  });

  test("a failing operation rejects sync with code and debugInfo; earlier operations of the batch stay applied", async () => {
    const { sheet, run } = setup();
    const e = await rejection(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("F1").values = [["applied"]];
        ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [["x"]];
        ws.getRange("F2").values = [["not applied"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    expect(e.debugInfo.errorLocation).toBe("Range.values");
    expect(String(e.debugInfo.statement)).toContain('getItem("Nope")');
    expect(sheet.getValues("F1:F2")).toEqual([["applied"], [""]]);
  });
});

describe("values semantics", () => {
  test('a string starting with "=" becomes a formula; an apostrophe keeps it text; numeric text becomes a number', async () => {
    const { sheet, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("G1:G5").values = [["=SUM(B2:B3)"], ["'=not a formula"], ["123"], ["TRUE"], ["#N/A"]];
    });
    expect(sheet.getCell("G1").formula).toBe("=SUM(B2:B3)");
    expect(sheet.getCell("G2")).toMatchObject({ value: "=not a formula", formula: null });
    expect(sheet.getCell("G3").value).toBe(123);
    expect(sheet.getCell("G4").value).toBe(true);
    expect(sheet.getCell("G5")).toMatchObject({ value: "#N/A", error: true });
  });

  test("text number format keeps strings as typed", async () => {
    const { sheet, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("H1");
      r.numberFormat = [["@"]];
      r.values = [["=001"]];
    });
    expect(sheet.getCell("H1")).toMatchObject({ value: "=001", formula: null, numberFormat: "@" });
  });

  test("formulas read back as formulas; values of seeded formulas come from the seed", async () => {
    const { sheet, run } = setup();
    sheet.setCell("C5", { formula: "=A1+1", value: 12 });
    sheet.setCell("C6", { error: "#DIV/0!", formula: "=1/0" });
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:C6").load("values, formulas, valueTypes");
      await ctx.sync();
      expect(r.values[3]).toEqual(["", 12]);
      expect(r.values[4]).toEqual(["", "#DIV/0!"]);
      expect(r.formulas[0]).toEqual([7.5, ""]);
      expect(r.formulas[3]).toEqual(["", "=A1+1"]);
      expect(r.valueTypes[4]).toEqual(["Empty", "Error"]);
    });
  });

  test("reading the value of a formula the double cannot evaluate fails loudly unless evaluateFormula is given", async () => {
    const { run } = setup();
    const e = await rejection(
      run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("J1");
        r.values = [["=1+1"]];
        r.load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    const ok = createOfficeDouble({ evaluateFormula: (f) => (f === "=1+1" ? 2 : undefined) });
    const v = await ok.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("J1");
      r.values = [["=1+1"]];
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(v).toEqual([[2]]);
  });

  test("a 2D array that does not match the range rejects with InvalidArgument; a scalar fills the range", async () => {
    const { sheet, run } = setup();
    const e = await rejection(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A5:B6").values = [[1, 2, 3]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(sheet.getValues("A5:B6")).toEqual([
      ["", ""],
      ["", ""],
    ]);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A5:B6").values = 0 as never;
    });
    expect(sheet.getValues("A5:B6")).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  test("null in the array leaves the cell unchanged", async () => {
    const { sheet, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2:B2").values = [[null, 8]] as never;
    });
    expect(sheet.getValues("A2:B2")).toEqual([["An", 8]]);
  });
});

describe("null objects", () => {
  test("getItemOrNullObject: isNullObject after sync, throws before", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Cấu hình");
      const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(thrown(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test("getUsedRangeOrNullObject is null on an empty sheet; getUsedRange gives A1", async () => {
    const double = createOfficeDouble({ displayLanguage: "en-US" });
    await double.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const n = ws.getUsedRangeOrNullObject(true);
      const u = ws.getUsedRange().load("address");
      await ctx.sync();
      expect(n.isNullObject).toBe(true);
      expect(u.address).toBe("Sheet1!A1");
    });
  });
});

describe("protection", () => {
  test("writing to a protected sheet rejects with AccessDenied and leaves the cell unchanged", async () => {
    const { double, sheet, run } = setup();
    double.workbook.protect("Sheet1");
    const e = await rejection(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(e.message).toMatch(/^The cell or chart you're trying to change is protected/);
    expect(sheet.getCell("B2").value).toBe(7.5);
  });

  test("protection.protected loads; unprotect() then write succeeds", async () => {
    const { double, sheet, run } = setup();
    double.workbook.protect("Sheet1");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.protection.load("protected");
      await ctx.sync();
      expect(ws.protection.protected).toBe(true);
      ws.protection.unprotect();
      ws.getRange("B2").values = [[1]];
    });
    expect(sheet.getCell("B2").value).toBe(1);
  });
});

describe("API levels and requirement sets", () => {
  test("a 1.9 member throws ApiNotFound at ExcelApi 1.4 and works at 1.9", async () => {
    const old = createOfficeDouble({ apiLevel: 4 });
    await old.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const e = thrown(() => ws.pageLayout);
      expect(e.code).toBe("ApiNotFound");
      expect(e.message).toContain("Worksheet.pageLayout needs ExcelApi 1.9");
      expect(thrown(() => ws.load("pageLayout/orientation")).code).toBe("ApiNotFound");
      // 1.4 members are fine
      ws.getUsedRangeOrNullObject();
    });
    const v19 = createOfficeDouble({ apiLevel: 9 });
    await v19.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.pageLayout.orientation = "Landscape";
    });
    expect(v19.workbook.sheets[0].pageLayout.orientation).toBe("Landscape");
  });

  test("reading and writing can need different sets (Worksheet.visibility: read 1.1, write 1.2)", async () => {
    const d = createOfficeDouble({ apiLevel: 1 });
    await d.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet().load("visibility");
      await ctx.sync();
      expect(ws.visibility).toBe("Visible");
      expect(thrown(() => (ws.visibility = "Hidden")).code).toBe("ApiNotFound");
      expect(thrown(() => ws.getRange("A1:B2").merge()).code).toBe("ApiNotFound");
      expect(thrown(() => ctx.workbook.settings).code).toBe("ApiNotFound");
    });
  });

  test("getMergedAreasOrNullObject needs 1.13", async () => {
    const d = createOfficeDouble({ apiLevel: 12 });
    await d.Excel.run(async (ctx) => {
      expect(thrown(() => ctx.workbook.getSelectedRange().getMergedAreasOrNullObject()).code).toBe("ApiNotFound");
    });
  });

  test("isSetSupported answers from the API level and the options", () => {
    const d = createOfficeDouble({ apiLevel: 7 });
    const req = d.Office.context.requirements;
    expect(req.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(req.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(req.isSetSupported("ExcelApi")).toBe(true);
    expect(req.isSetSupported("ExcelApi", 1.7 as unknown as string)).toBe(true);
    expect(req.isSetSupported("DialogApi", "1.2")).toBe(true);
    expect(req.isSetSupported("AddinCommands", "1.1")).toBe(true);
    expect(req.isSetSupported("SharedRuntime", "1.1")).toBe(false);
    expect(createOfficeDouble({ sharedRuntime: true }).Office.context.requirements.isSetSupported("SharedRuntime", "1.1")).toBe(true);
    expect(createOfficeDouble({ apiLevel: 1 }).Office.context.requirements.isSetSupported("AddinCommands", "1.1")).toBe(false);
  });
});

describe("merges, hidden rows, selection", () => {
  test("merge(): only the top-left cell keeps its value; getMergedAreasOrNullObject lists the areas", async () => {
    const { double, sheet, run } = setup();
    sheet.merge("D1:E2");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").merge();
      const areas = ws.getRange("A1:F10").getMergedAreasOrNullObject().load("address, areaCount");
      const none = ws.getRange("A5:B6").getMergedAreasOrNullObject();
      const row = ws.getRange("A1:B1").load("values");
      await ctx.sync();
      expect(areas.address).toBe("Sheet1!A1:B1, Sheet1!D1:E2");
      expect(areas.areaCount).toBe(2);
      expect(none.isNullObject).toBe(true);
      expect(row.values).toEqual([["Name", ""]]);
    });
    expect(double.workbook.snapshot().sheets[0].merges).toEqual(["A1:B1", "D1:E2"]);
  });

  test("rowHidden reads true/false/null and is seedable", async () => {
    const { sheet, run } = setup();
    sheet.hideRows(2);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRange("A2").load("rowHidden");
      const b = ws.getRange("A3").load("rowHidden");
      const c = ws.getRange("A2:A3").load("rowHidden");
      await ctx.sync();
      expect([a.rowHidden, b.rowHidden, c.rowHidden]).toEqual([true, false, null]);
    });
  });

  test("select() moves the selection and activates the sheet; hidden sheets cannot be selected", async () => {
    const { double, run } = setup();
    double.workbook.addSheet("Other");
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("C3").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      expect(sel.address).toBe("Other!C3");
    });
    expect(double.workbook.activeSheet?.name).toBe("Other");
    double.workbook.sheet("Other").setVisibility("Hidden");
    const e = await rejection(run(async (ctx) => ctx.workbook.worksheets.getItem("Other").getRange("A1").select()));
    expect(e.code).toBe("InvalidSelection");
  });
});

describe("sheets, page layout, settings", () => {
  test("add, format and delete a sheet; store data in a very hidden sheet", async () => {
    const { double, run } = setup();
    await run(async (ctx) => {
      const annex = ctx.workbook.worksheets.add("Phụ lục");
      annex.getRange("A1").values = [["PHỤ LỤC"]];
      annex.getRange("A1:F1").merge();
      annex.getRange("A1").format.font.set({ bold: true, size: 14 });
      annex.getRange("A:A").format.columnWidth = 30;
      annex.freezePanes.freezeRows(5);
      const store = ctx.workbook.worksheets.add("_data");
      store.getRange("A1").values = [['{"rules":1}']];
      store.visibility = "VeryHidden";
      const temp = ctx.workbook.worksheets.add();
      temp.delete();
      await ctx.sync();
    });
    const snap = double.workbook.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sheet1", "Visible"],
      ["Phụ lục", "Visible"],
      ["_data", "VeryHidden"],
    ]);
    expect(snap.sheets[1].cells.A1).toMatchObject({ value: "PHỤ LỤC", font: { bold: true, size: 14 } });
    expect(snap.sheets[1].columnWidths).toEqual({ A: 30 });
    expect(snap.sheets[1].freezePanes).toEqual({ rows: 5, columns: 0 });
    expect(snap.sheets[2].cells.A1.value).toBe('{"rules":1}');
  });

  test("duplicate sheet names and deleting the last visible sheet are rejected", async () => {
    const { run } = setup();
    expect((await rejection(run(async (ctx) => void ctx.workbook.worksheets.add("sheet1")))).code).toBe("ItemAlreadyExists");
    expect((await rejection(run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").delete()))).code).toBe("InvalidOperation");
  });

  test("page layout: print titles, orientation, paper, margins, fit to page, centring, header/footer", async () => {
    const { sheet, run } = setup();
    await run(async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem("Sheet1").pageLayout;
      pl.setPrintTitleRows("5:5");
      pl.orientation = "Landscape";
      pl.paperSize = "A4";
      pl.leftMargin = 36;
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.centerHorizontally = true;
      pl.headersFooters.defaultForAllPages.centerFooter = "Trang &P";
      await ctx.sync();
      const titles = pl.getPrintTitleRowsOrNullObject().load("address");
      pl.load("orientation, zoom");
      await ctx.sync();
      expect(titles.address).toBe("Sheet1!5:5");
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    });
    expect(sheet.snapshot().pageLayout).toMatchObject({
      printTitleRows: "$5:$5",
      orientation: "Landscape",
      paperSize: "A4",
      leftMargin: 36,
      centerHorizontally: true,
      headersFooters: { defaultForAllPages: { centerFooter: "Trang &P" } },
    });
    const e = await rejection(run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").pageLayout.paperSize = "A9" as never)));
    expect(e.code).toBe("InvalidArgument");
  });

  test("workbook.settings (1.4) and Office document settings (saveAsync persists)", async () => {
    const { double, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.settings.add("rules", { year: 2020 });
      await ctx.sync();
      const s = ctx.workbook.settings.getItem("rules").load("value");
      const missing = ctx.workbook.settings.getItemOrNullObject("none");
      await ctx.sync();
      expect(s.value).toEqual({ year: 2020 });
      expect(missing.isNullObject).toBe(true);
    });
    const settings = double.Office.context.document.settings;
    settings.set("lang", "vi");
    expect(double.workbook.settings.has("lang")).toBe(false);
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(double.workbook.settings.get("lang")).toBe("vi");
  });

  test("snapshot() is a deep copy that compares whole workbooks", async () => {
    const { double, run } = setup();
    const before = double.workbook.snapshot();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:B3");
      r.load("values");
      await ctx.sync();
    });
    expect(double.workbook.snapshot()).toEqual(before);
    before.sheets[0].cells.A1.value = "changed";
    expect(double.workbook.snapshot().sheets[0].cells.A1.value).toBe("Name");
    const unchanged = double.workbook.snapshot();
    await run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("B3").format.fill.color = "#C6EFCE"));
    const after = double.workbook.snapshot();
    expect(after).not.toEqual(unchanged);
    expect(after.sheets[0].cells.B3).toEqual({ value: 9, fill: "#C6EFCE" });
  });
});

describe("limits of Excel on the web", () => {
  test("a request over 5 MB rejects with RequestPayloadSizeLimitExceeded and changes nothing", async () => {
    const { sheet, run } = setup();
    const big = Array.from({ length: 80_000 }, (_, i) => [`cơ quan số ${i} — tên rất dài để vượt quá giới hạn`, i]);
    const e = await rejection(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B80000").values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(sheet.getValues("A1")).toEqual([["Name"]]);
  });

  test("the same data in chunks under 5 MB goes through", async () => {
    const { double, sheet, run } = setup();
    const big = Array.from({ length: 80_000 }, (_, i) => [`cơ quan số ${i} — tên rất dài để vượt quá giới hạn`, i]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      for (let start = 0; start < big.length; start += 20_000) {
        ws.getRange(`A${start + 1}:B${start + 20_000}`).values = big.slice(start, start + 20_000);
        await ctx.sync();
      }
    });
    expect(sheet.getValues("B80000")).toEqual([[79_999]]);
    expect(double.stats.requests.every((r) => r.requestBytes < 5 * 1024 * 1024)).toBe(true);
  });

  test("a response over 5 MB rejects; a read of more than 5,000,000 cells fails", async () => {
    const { sheet, run } = setup();
    const text = "x".repeat(200);
    sheet.setValues(
      "A1",
      Array.from({ length: 30_000 }, () => [text]),
    );
    const e = await rejection(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A30000").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    const e2 = await rejection(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A:E").load("values");
        await ctx.sync();
      }),
    );
    expect(e2.code).toBe("RangeExceedsLimit");
  });
});

describe("Office namespace", () => {
  test("onReady, displayLanguage, ribbon actions, dialogs, install()", async () => {
    const d = createOfficeDouble();
    const restore = d.install(globalThis);
    try {
      const g = globalThis as unknown as { Office: typeof d.Office; Excel: typeof d.Excel };
      await expect(g.Office.onReady()).resolves.toEqual({ host: "Excel", platform: "PC" });
      expect(g.Office.context.displayLanguage).toBe("vi-VN");
      expect(g.Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
      let seen = "";
      g.Office.actions.associate("score", async (event) => {
        await g.Excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getActiveWorksheet().load("name");
          await ctx.sync();
          seen = ws.name;
        });
        event.completed();
      });
      await expect(d.invokeAction("score")).resolves.toMatchObject({ completed: true });
      expect(seen).toBe("Trang tính1");
      await expect(d.invokeAction("missing")).rejects.toThrow(/no action registered/);
      const opened = await new Promise<{ status: string; value: { addEventHandler: (t: string, h: (a: { message: string }) => void) => void } }>((resolve) =>
        g.Office.context.ui.displayDialogAsync("https://localhost:3000/dialog.html", { height: 50 }, resolve as never),
      );
      expect(opened.status).toBe("succeeded");
      const got: string[] = [];
      opened.value.addEventHandler(g.Office.EventType.DialogMessageReceived, (a) => got.push(a.message));
      d.dialogs[0].sendMessage("ok");
      expect(got).toEqual(["ok"]);
      expect(d.dialogs[0].url).toBe("https://localhost:3000/dialog.html");
    } finally {
      restore();
    }
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
  });

  test("unknown members cannot be written silently", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const fmt = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format as unknown as Record<string, unknown>;
      expect(() => {
        fmt.indentLevel = 2;
      }).toThrow(TypeError);
    });
  });
});

describe("more of the surface", () => {
  test("ranges derived lazily: resized, offset, entire column/row, last column, intersection, used range", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const used = ws.getUsedRange();
      const rs = [
        used,
        used.getResizedRange(0, 2),
        used.getOffsetRange(1, 1),
        used.getLastColumn(),
        used.getLastRow(),
        used.getCell(1, 1),
        used.getEntireColumn(),
        used.getRow(0).getEntireRow(),
        used.getIntersection("B2:Z9"),
        used.getColumnsAfter(2),
        ws.getRangeByIndexes(4, 0, 2, 3),
      ].map((r) => r.load("address"));
      const none = used.getIntersectionOrNullObject("X1:Y2");
      await ctx.sync();
      expect(rs.map((r) => r.address)).toEqual([
        "Sheet1!A1:B3",
        "Sheet1!A1:D3",
        "Sheet1!B2:C4",
        "Sheet1!B1:B3",
        "Sheet1!A3:B3",
        "Sheet1!B2",
        "Sheet1!A:B",
        "Sheet1!1:1",
        "Sheet1!B2:B3",
        "Sheet1!C1:D3",
        "Sheet1!A5:C6",
      ]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test("the used range is resolved when the batch runs, after earlier writes of the same batch", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("D5").values = [["late"]];
      const used = ws.getUsedRange(true).load("address");
      await ctx.sync();
      expect(used.address).toBe("Sheet1!A1:D5");
    });
  });

  test("borders, alignment, number formats and text", async () => {
    const { sheet, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B3");
      r.format.borders.getItem("InsideHorizontal").style = "Continuous";
      r.format.borders.getItem("EdgeBottom").weight = "Medium";
      r.format.horizontalAlignment = "Center";
      r.getColumn(1).numberFormat = [["0.00"], ["0.00"], ["0.00"]];
      await ctx.sync();
      const top = r.format.borders.getItem("EdgeTop").load("style");
      const inside = r.format.borders.getItem("InsideHorizontal").load("style, weight");
      const bottom = r.format.borders.getItem("EdgeBottom").load("style, weight");
      const b2 = r.getCell(1, 0).format.borders.getItem("EdgeTop").load("style");
      const text = r.load("text, format/horizontalAlignment");
      await ctx.sync();
      expect(top.style).toBe("None");
      expect([inside.style, inside.weight]).toEqual(["Continuous", "Thin"]);
      expect([bottom.style, bottom.weight]).toEqual(["Continuous", "Medium"]);
      expect(b2.style).toBe("Continuous"); // drawn by A1's bottom edge
      expect(text.text).toEqual([
        ["Name", "Score"],
        ["An", "7.50"],
        ["Binh", "9.00"],
      ]);
      expect(text.format.horizontalAlignment).toBe("Center");
    });
    expect(sheet.getCell("A3").borders.bottom).toEqual({ style: "Continuous", weight: "Medium", color: "#000000" });
  });

  test("getCellProperties / setCellProperties (ExcelApi 1.9)", async () => {
    const { sheet, run } = setup();
    sheet.setCell("B2", { fill: "#FFC7CE", font: { color: "#9C0006" } });
    const props = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:B3");
      r.setCellProperties([[{}], [{ format: { fill: { color: "#C6EFCE" }, font: { bold: true } } }]]);
      const p = r.getCellProperties({ address: true, format: { fill: { color: true }, font: { color: true, bold: true } } });
      expect(thrown(() => p.value).code).toBe("ValueNotLoaded");
      await ctx.sync();
      return p.value;
    });
    expect(props).toEqual([
      [{ address: "Sheet1!B2", format: { fill: { color: "#FFC7CE" }, font: { color: "#9C0006", bold: false } } }],
      [{ address: "Sheet1!B3", format: { fill: { color: "#C6EFCE" }, font: { color: "#000000", bold: true } } }],
    ]);
    const old = createOfficeDouble({ apiLevel: 8 });
    await old.Excel.run(async (ctx) => {
      expect(thrown(() => ctx.workbook.getSelectedRange().getCellProperties({ address: true })).code).toBe("ApiNotFound");
    });
  });

  test("clear(Formats) removes formats and merges but keeps values; clear(Contents) keeps formats", async () => {
    const { sheet, run } = setup();
    sheet.setCell("A1", { fill: "#FFFF00", numberFormat: "@" }).merge("C1:D1");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D1").clear("Formats");
      ws.getRange("A2").format.fill.color = "red";
      ws.getRange("A2").clear("Contents");
    });
    expect(sheet.getCell("A1")).toMatchObject({ value: "Name", fill: null, numberFormat: "General" });
    expect(sheet.snapshot().merges).toEqual([]);
    expect(sheet.getCell("A2")).toMatchObject({ value: "", fill: "#FF0000" });
  });

  test("sheet rename, position, active cell, freeze panes location, getCount", async () => {
    const { double, run } = setup();
    double.workbook.addSheet("B");
    double.workbook.setSelection("Sheet1!B2:C3");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.name = "Kết quả";
      ws.position = 1;
      ws.getRange("A1").values = [["still the same sheet"]];
      ws.freezePanes.freezeAt("A1:B3");
      const loc = ws.freezePanes.getLocationOrNullObject().load("address");
      const cell = ctx.workbook.getActiveCell().load("address");
      const count = ctx.workbook.worksheets.getCount();
      await ctx.sync();
      expect(loc.address).toBe("'Kết quả'!A1:B3");
      expect(cell.address).toBe("'Kết quả'!B2");
      expect(count.value).toBe(2);
    });
    expect(double.workbook.sheets.map((s) => s.name)).toEqual(["B", "Kết quả"]);
    expect(double.workbook.sheet("Kết quả").getValues("A1")).toEqual([["still the same sheet"]]);
  });

  test("sheet names with spaces are quoted in addresses", async () => {
    const double = createOfficeDouble({ sheets: ["Dữ liệu 2020"] });
    const address = await double.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Dữ liệu 2020").getRange("A1:B2").load("address");
      await ctx.sync();
      return r.address;
    });
    expect(address).toBe("'Dữ liệu 2020'!A1:B2");
  });

  test("writes to a null object are ignored, like the host", async () => {
    const { double, run } = setup();
    const before = double.workbook.snapshot();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("Missing");
      ws.getRange("A1").values = [["lost"]];
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
    expect(double.workbook.snapshot()).toEqual(before);
  });

  test("loading a property that does not exist throws at once", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const e = thrown(() => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valuez"));
      expect(e.code).toBe("InvalidArgument");
    });
  });

  test("a context used after its Excel.run has finished cannot sync new work", async () => {
    const { double } = setup();
    let saved: Ctx | undefined;
    await double.Excel.run(async (ctx) => {
      saved = ctx;
    });
    saved!.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["late"]];
    expect((await rejection(saved!.sync())).code).toBe("InvalidObjectPath");
  });

  test("copyFrom (ExcelApi 1.9): formats, values, formulas with shifted references, repeat into a multiple", async () => {
    const { sheet, run } = setup();
    sheet.setCell("B1", { fill: "#DDEBF7", font: { bold: true }, horizontalAlignment: "Center", numberFormat: "@" });
    sheet.setCell("C2", { formula: "=B2*2", value: 15 });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("D1:F1").copyFrom("B1", "Formats");
      ws.getRange("C3").copyFrom(ws.getRange("C2"), "Formulas");
      ws.getRange("E2").copyFrom("Sheet1!C2", "Values");
      const pattern = ws.getRange("D1").format.fill.load("pattern");
      const none = ws.getRange("A9").format.fill.load("pattern");
      await ctx.sync();
      expect([pattern.pattern, none.pattern]).toEqual(["Solid", "None"]);
    });
    for (const a of ["D1", "E1", "F1"])
      expect(sheet.getCell(a)).toMatchObject({ value: "", fill: "#DDEBF7", font: { bold: true }, horizontalAlignment: "Center", numberFormat: "@" });
    expect(sheet.getCell("C3")).toMatchObject({ formula: "=B3*2", value: "" });
    expect(sheet.getCell("E2")).toMatchObject({ formula: null, value: 15 });
    const old = createOfficeDouble({ apiLevel: 7 });
    await old.Excel.run(async (ctx) => {
      expect(thrown(() => ctx.workbook.getSelectedRange().copyFrom("A1", "Formats")).code).toBe("ApiNotFound");
    });
  });
});

describe("test hooks: failures injected at an action, edits between syncs", () => {
  test("failAt: the actions before the failing one stay applied, the failing one and the rest are dropped, once", async () => {
    const { double, sheet, run } = setup();
    double.failAt({ op: (statement) => statement.includes('getRange("B3")') && statement.includes(".values =") });
    const e = await rejection(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("B2").values = [[1]];
        ws.getRange("B3").values = [[2]];
        ws.getRange("A4").values = [["after"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    expect(sheet.getValues("B2:B3")).toEqual([[1], [9]]);
    expect(sheet.getValues("A4")).toEqual([[""]]);
    expect(double.stats.requests[0].error).toBe("GeneralException");
    // Fired once: the same batch again goes through.
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B3").values = [[2]];
      await ctx.sync();
    });
    expect(sheet.getValues("B3")).toEqual([[2]]);
  });

  test("failAt a given sync and op index, with a chosen code; other syncs are not touched", async () => {
    const { double, sheet, run } = setup();
    double.failAt({ sync: 2, op: 1, code: "AccessDenied" });
    const e = await rejection(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("C1").values = [["first sync"]];
        await ctx.sync();
        ws.getRange("C2").values = [["kept"]];
        ws.getRange("C3").values = [["dropped"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(sheet.getValues("C1:C3")).toEqual([["first sync"], ["kept"], [""]]);
  });

  test("onSync: an edit made between two syncs is what the second sync sees", async () => {
    const { double, sheet, run } = setup();
    const seen: number[] = [];
    const off = double.onSync((n) => {
      seen.push(n);
      if (n === 2) sheet.setValues("B2", [[100]]);
    });
    const loaded = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2");
      r.load("values");
      await ctx.sync();
      const first = r.values[0][0];
      r.load("values");
      await ctx.sync();
      return [first, r.values[0][0]];
    });
    expect(loaded).toEqual([7.5, 100]);
    expect(seen).toEqual([1, 2]);
    off();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").load("values");
      await ctx.sync();
    });
    expect(seen).toEqual([1, 2]);
  });
});

describe("charts (ExcelApi 1.1 add; series chart type 1.7)", () => {
  test("charts.add is queued until sync; the series are the ones the source range implies; unloaded reads throw", async () => {
    const { double, sheet, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const chart = ws.charts.add("BarClustered", ws.getRange("A1:B3"), "Columns");
      chart.title.text = "Scores";
      chart.name = "Điểm";
      chart.width = 600;
      expect(sheet.charts).toEqual([]);
      expect(thrown(() => chart.series.items).code).toBe("PropertyNotLoaded");
      const count = ws.charts.getCount();
      chart.series.load("items/name");
      await ctx.sync();
      expect(count.value).toBe(1);
      expect(chart.series.items.map((s) => s.name)).toEqual(["Score"]);
    });
    expect(double.stats.syncs).toBe(1);
    const [c] = sheet.charts;
    expect(c).toMatchObject({
      name: "Điểm",
      type: "BarClustered",
      title: "Scores",
      source: "Sheet1!A1:B3",
      width: 600,
      height: 216,
      categories: ["An", "Binh"],
    });
    expect(c.series).toEqual([{ name: "Score", values: [7.5, 9], chartType: "" }]);
  });

  test("an unknown chart type or a source without a series is refused at sync, and nothing is added", async () => {
    const { sheet, run } = setup();
    const e = await rejection(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.charts.add("BarClustred", ws.getRange("A1:B3"), "Columns");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    const e2 = await rejection(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.charts.add("BarClustered", ws.getRange("A1:A3"), "Columns");
        await ctx.sync();
      }),
    );
    expect(e2.code).toBe("InvalidArgument");
    expect(sheet.charts).toEqual([]);
  });

  test("a series' chart type needs ExcelApi 1.7; adding the chart works at 1.4", async () => {
    const old = createOfficeDouble({ apiLevel: 4 });
    old.workbook.sheets[0].setValues("A1", [
      ["Tên", "Chỉ số", "Tốt"],
      ["A", 0.9, 0.85],
      ["B", 0.7, 0.85],
    ]);
    await old.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const chart = ws.charts.add("BarClustered", ws.getRange("A1:C3"), "Columns");
      expect(thrown(() => (chart.series.getItemAt(1).chartType = "Line")).code).toBe("ApiNotFound");
      await ctx.sync();
    });
    expect(old.workbook.sheets[0].charts[0].series.map((s) => s.name)).toEqual(["Chỉ số", "Tốt"]);
    const v7 = createOfficeDouble({ apiLevel: 7 });
    v7.workbook.sheets[0].setValues("A1", [
      ["Tên", "Chỉ số", "Tốt"],
      ["A", 0.9, 0.85],
    ]);
    await v7.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.charts.add("BarClustered", ws.getRange("A1:C2"), "Columns").series.getItemAt(1).chartType = "Line";
      await ctx.sync();
    });
    expect(v7.workbook.sheets[0].charts[0].series[1].chartType).toBe("Line");
  });
});
