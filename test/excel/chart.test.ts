import { createChart } from "../../src/excel/chart";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { loadSettings } from "../../src/excel/settings";
import { referenceSheet } from "../fixtures/reference";
import JSZip from "jszip";
import { exportWorkbookToXlsx, exportWorkbookToXlsxBuffer } from "../office-double/export-xlsx";
import { referenceDouble, SHEET } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("Biểu đồ (native chart) through the strict double", () => {
  it("ExcelApi 1.7+: a new sheet with the ranked table and one chart (indices as columns, thresholds as lines), 2 syncs; the score sheet untouched", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    await runScoring("pane");
    const before = setup.ws.snapshot();
    setup.double.stats.reset();
    const outcome = await createChart();
    expect(outcome).toEqual({
      kind: "done",
      sheetName: "Biểu đồ",
      agencies: 19,
      bandLines: true,
      undo: { action: "chart", at: expect.any(String), sheet: "Biểu đồ" },
    });
    expect(setup.double.stats.syncs).toBe(2);
    expect(setup.ws.snapshot()).toEqual({ ...before, selection: before.selection });
    const sheet = setup.double.workbook.sheet("Biểu đồ");
    const table = sheet.getValues("A1:E20");
    expect(table[0][0]).toBe("Cơ quan");
    expect(table[0][1]).toBe("Chỉ số");
    // Sorted as ranked: ranks 1..19 down the sheet, indices never rising.
    const ranks = table.slice(1).map((r) => Number(String(r[0]).split(".")[0]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(1);
    const indices = table.slice(1).map((r) => r[1] as number);
    indices.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(indices[i]));
    expect(table.slice(1).find((r) => String(r[0]).endsWith(". Sở Y tế"))![1]).toBeCloseTo(0.849, 9);
    expect(sheet.charts).toHaveLength(1);
    const [chart] = sheet.charts;
    expect(chart).toMatchObject({ type: "ColumnClustered", title: "Chỉ số ứng dụng CNTT theo thứ hạng" });
    // An index lies in 0–1: the value axis is fixed there (automatic, it would run to 1,2).
    expect(chart.valueAxis).toEqual({ minimum: 0, maximum: 1, majorUnit: 0.1 });
    expect(chart.categories).toEqual(table.slice(1).map((r) => r[0]));
    expect(chart.series[0]).toMatchObject({ name: "Chỉ số", chartType: "", values: indices });
    // Each column in its class's colour: Tốt green, Khá blue, Trung bình amber (as in the SVG).
    const colourOf = (name: string) => chart.series[0].pointFills![table.slice(1).findIndex((r) => String(r[0]).endsWith(`. ${name}`))];
    expect([colourOf("Sở Thông tin và Truyền thông"), colourOf("Sở Y tế"), colourOf("Sở Khoa học và Công nghệ")]).toEqual(["#2E7D32", "#1F5FA8", "#B7791F"]);
    expect(Object.keys(chart.series[0].pointFills!)).toHaveLength(19);
    const bandSeries = chart.series.slice(1);
    expect(bandSeries.length).toBeGreaterThan(0);
    for (const s of bandSeries) {
      expect(s.name).toMatch(/^Ngưỡng /);
      expect(s.chartType).toBe("Line");
      expect(new Set(s.values).size).toBe(1);
    }
    expect(setup.double.workbook.snapshot().activeSheet).toBe("Biểu đồ");
    // To look at it: CHART_XLSX=/tmp/c.xlsx writes the workbook with the chart (export-charts.ts), its
    // sheet printed on one landscape page, for LibreOffice to render.
    if (process.env.CHART_XLSX) {
      Object.assign(sheet.pageLayout, { orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 } });
      await exportWorkbookToXlsx(setup.double.workbook, process.env.CHART_XLSX);
    }
  });

  it("the exported .xlsx draws the chart: its part names the sheet's ranges (categories, each series' name and values), the value axis 0–1, on the chart's sheet", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    expect(await createChart()).toMatchObject({ kind: "done", sheetName: "Biểu đồ" });
    const zip = await JSZip.loadAsync(await exportWorkbookToXlsxBuffer(setup.double.workbook));
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    const refs = [...chart.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]);
    // Per series: its name (header cell), the categories (ranked names in A), its values.
    expect(refs).toEqual([
      "'Biểu đồ'!$B$1",
      "'Biểu đồ'!$A$2:$A$20",
      "'Biểu đồ'!$B$2:$B$20",
      "'Biểu đồ'!$C$1",
      "'Biểu đồ'!$A$2:$A$20",
      "'Biểu đồ'!$C$2:$C$20",
      "'Biểu đồ'!$D$1",
      "'Biểu đồ'!$A$2:$A$20",
      "'Biểu đồ'!$D$2:$D$20",
    ]);
    // The indices as columns, the thresholds as lines; the first category is rank 1.
    expect(chart).toMatch(
      /<c:barChart><c:barDir val="col"\/>.*Chỉ số.*<\/c:barChart><c:lineChart>.*Ngưỡng Tốt \(0,85\).*Ngưỡng Khá \(0,70\).*<\/c:lineChart>/s,
    );
    expect(chart).toContain('<c:pt idx="0"><c:v>1. Sở Thông tin và Truyền thông</c:v></c:pt>');
    expect(chart).toContain(
      '<c:dPt><c:idx val="0"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="2E7D32"/></a:solidFill></c:spPr></c:dPt>',
    );
    expect(chart).toContain("<a:t>Chỉ số ứng dụng CNTT theo thứ hạng</a:t>");
    expect(chart).toContain('<c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling>');
    // The drawing hangs on the chart's own sheet, below the table.
    const book = await zip.file("xl/workbook.xml")!.async("string");
    const index = [...book.matchAll(/<sheet [^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === "Biểu đồ");
    const sheetXml = await zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.async("string");
    expect(sheetXml).toContain('<drawing r:id="rIdChartDrawing"/>');
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing).toMatch(/<xdr:from><xdr:col>0<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>21<\/xdr:row>/);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/charts/chart1.xml"');
  });

  it("ExcelApi 1.4: the chart is made, the thresholds stay columns, and it says so; a second chart takes a free name", async () => {
    const setup = referenceDouble(4);
    restore = setup.restore;
    expect(await createChart()).toMatchObject({ kind: "done", sheetName: "Biểu đồ", bandLines: false });
    expect(setup.double.workbook.sheet("Biểu đồ").charts[0].series.every((s) => s.chartType === "")).toBe(true);
    setup.double.workbook.setActive(SHEET);
    expect(await createChart()).toMatchObject({ kind: "done", sheetName: "Biểu đồ (2)" });
  });

  it("refused on stale results, and nothing is added", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    await runScoring("pane");
    const row = setup.ws.getValues("B5:B23").findIndex((r) => r[0] === "Sở Y tế") + 5;
    setup.ws.setValues(`G${row}`, [[100]]);
    const names = setup.double.workbook.sheets.map((s) => s.name);
    const outcome = await createChart();
    expect(outcome).toMatchObject({ kind: "refused", message: expect.stringContaining("Sở Y tế"), messageEn: expect.stringContaining("Sở Y tế") });
    expect(setup.double.workbook.sheets.map((s) => s.name)).toEqual(names);
  });

  it("a sheet that is not a score sheet is refused in both languages, and nothing is added", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    setup.double.workbook.setActive("Ghi chép");
    const outcome = await createChart();
    expect(outcome).toMatchObject({ kind: "refused", message: expect.stringContaining("Ghi chép"), messageEn: expect.stringContaining("Ghi chép") });
    expect(setup.double.workbook.sheets.some((s) => s.name.startsWith("Biểu đồ"))).toBe(false);
  });

  it("after Giải trình made its sheet the active one, the chart follows the sheet scored last (named by the pane): 2 syncs", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    await runScoring("pane");
    setup.double.workbook.setActive("Ghi chép");
    setup.double.stats.reset();
    expect(await createChart({ sheet: SHEET })).toMatchObject({ kind: "done", sheetName: "Biểu đồ", agencies: 19 });
    expect(setup.double.stats.syncs).toBe(2);
  });

  it("on a sheet with no grid and no sheet scored known, a short message (open the score sheet, score it), not the grid's long refusal", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    setup.double.workbook.setActive("Ghi chép");
    const outcome = await createChart();
    expect(outcome).toMatchObject({
      kind: "refused",
      message:
        "Trang “Ghi chép” không có bảng điểm. Hãy mở trang bảng điểm, bấm “Tính điểm”, rồi bấm lại (giải trình và biểu đồ dùng trang đã tính điểm lần trước).",
    });
    // The sheet scored last is gone (renamed): the active sheet is read instead, in one more sync.
    setup.double.stats.reset();
    expect(await createChart({ sheet: "Bảng điểm cũ" })).toMatchObject({
      kind: "refused",
      message: expect.stringMatching(/^Trang “Ghi chép” không có bảng điểm/),
    });
    expect(setup.double.stats.syncs).toBe(2);
    setup.double.workbook.setActive(SHEET);
    expect(await createChart({ sheet: "Bảng điểm cũ" })).toMatchObject({ kind: "done" });
  });

  it("refused when no agency is ranked (every score cell not a number): nothing added, nothing to undo", async () => {
    const values = referenceSheet().map((r, i) => (i >= 4 ? r.map((c, j) => (j >= 2 && j <= 7 ? "chưa chấm" : c)) : r));
    const setup = referenceDouble(20, { values });
    restore = setup.restore;
    const before = setup.double.workbook.snapshot();
    const outcome = await createChart();
    expect(outcome).toEqual({
      kind: "refused",
      message: "Trang tính này chưa có cơ quan nào được xếp hạng (chưa có chỉ số): không có gì để vẽ. Hãy kiểm tra các ô điểm rồi bấm lại.",
      messageEn: "No agency on this sheet has a rank yet (no index): there is nothing to chart. Check the score cells and try again.",
      cells: [],
    });
    expect(setup.double.workbook.snapshot()).toEqual(before);
    expect((await loadSettings()).undo).toBeNull();
  });

  it("stale results: refused naming the agency and the cell, the store untouched (no undo recorded); after Tính điểm again it is made", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    await runScoring("pane");
    const row = setup.ws.getValues("B5:B23").findIndex((r) => r[0] === "Sở Y tế") + 5;
    setup.ws.setValues(`G${row}`, [[100]]);
    const before = setup.double.workbook.snapshot();
    const outcome = await createChart();
    expect(outcome.kind).toBe("refused");
    if (outcome.kind !== "refused") return;
    // Its total and index no longer match (and the ranks it moved past).
    expect(outcome.cells).toEqual(expect.arrayContaining([`J${row}`, `K${row}`]));
    expect(outcome.message).toMatch(/Sở Y tế.*J\d+/);
    expect(outcome.message).toContain(`J${row}`);
    expect(outcome.messageEn).toContain("Score again");
    expect(setup.double.workbook.snapshot()).toEqual(before);
    expect((await loadSettings()).undo).toMatchObject({ action: "score" });
    await runScoring("pane");
    expect(await createChart()).toMatchObject({ kind: "done", sheetName: "Biểu đồ" });
  });
});

describe("“Hoàn tác” after Biểu đồ chỉ số", () => {
  it("removes the chart's sheet, once, in ≤ 3 syncs; the results of Tính điểm before it stay", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    await runScoring("pane");
    const scored = setup.ws.snapshot();
    const names = setup.double.workbook.sheets.map((s) => s.name);
    const made = await createChart();
    expect(made).toMatchObject({ kind: "done", sheetName: "Biểu đồ", undo: { action: "chart", sheet: "Biểu đồ" } });
    expect((await loadSettings()).undo).toMatchObject({ action: "chart", sheet: "Biểu đồ" });

    setup.double.stats.reset();
    const undone = await undoLast(made.kind === "done" ? made.undo : null); // as the pane does: what it offers
    expect(setup.double.stats.syncs).toBeLessThanOrEqual(3);
    expect(undone).toMatchObject({
      kind: "done",
      message: expect.stringMatching(/^Đã hoàn tác lần “Biểu đồ chỉ số” lúc \d\d:\d\d: trang “Biểu đồ” đã được xóa\.$/),
    });
    expect(undone.kind === "done" && undone.messageEn).toMatch(/^Undid the “Chart of the indices” at \d\d:\d\d: sheet “Biểu đồ” was removed\.$/);
    expect(setup.double.workbook.sheets.map((s) => s.name)).toEqual(names);
    // Only the chart went: the results written before it are still on the score sheet.
    expect({ ...setup.ws.snapshot(), selection: scored.selection }).toEqual(scored);
    expect((await loadSettings()).lastRun).not.toBeNull();
    expect((await undoLast()).kind).toBe("nothing");
  });

  it("a chart sheet deleted by hand: refused, nothing changes; a sheet of that name without a chart is not the add-in's and stays", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    expect((await createChart()).kind).toBe("done");
    setup.double.workbook.removeSheet("Biểu đồ");
    const gone = await undoLast();
    expect(gone).toMatchObject({ kind: "refused", message: expect.stringContaining("trang biểu đồ “Biểu đồ” không còn trong sổ tính") });
    expect(gone.kind === "refused" && gone.messageEn).toContain("is no longer in the workbook");

    // The user makes a sheet of their own under that name: "Hoàn tác" never deletes it.
    setup.double.workbook.addSheet("Biểu đồ").setValues("A1", [["Ghi chép của tôi"]]);
    const before = setup.double.workbook.snapshot();
    const mine = await undoLast();
    expect(mine).toMatchObject({ kind: "refused", message: expect.stringContaining("không còn biểu đồ nào") });
    expect(mine.kind === "refused" && mine.messageEn).toContain("so it was not deleted");
    expect(setup.double.workbook.snapshot()).toEqual(before);
  });
});
