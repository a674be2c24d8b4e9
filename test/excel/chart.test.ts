import { createChart } from "../../src/excel/chart";
import { runScoring } from "../../src/excel/scoring";
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
    expect(outcome).toEqual({ kind: "done", sheetName: "Biểu đồ", agencies: 19, bandLines: true });
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
      "'Biểu đồ'!$B$1", "'Biểu đồ'!$A$2:$A$20", "'Biểu đồ'!$B$2:$B$20",
      "'Biểu đồ'!$C$1", "'Biểu đồ'!$A$2:$A$20", "'Biểu đồ'!$C$2:$C$20",
      "'Biểu đồ'!$D$1", "'Biểu đồ'!$A$2:$A$20", "'Biểu đồ'!$D$2:$D$20",
    ]);
    // The indices as columns, the thresholds as lines; the first category is rank 1.
    expect(chart).toMatch(/<c:barChart><c:barDir val="col"\/>.*Chỉ số.*<\/c:barChart><c:lineChart>.*Ngưỡng Tốt \(0,85\).*Ngưỡng Khá \(0,70\).*<\/c:lineChart>/s);
    expect(chart).toContain('<c:pt idx="0"><c:v>1. Sở Thông tin và Truyền thông</c:v></c:pt>');
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
});
