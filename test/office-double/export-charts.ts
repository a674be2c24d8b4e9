/**
 * The double's charts in the exported .xlsx, as DrawingML (a chart part, a drawing anchoring it on its
 * sheet, their relationships and content types), added with JSZip to what ExcelJS wrote (ExcelJS
 * writes no charts). Built from the double's chart model: type, each series' ranges (from the source
 * block and whether it is read by columns or rows), its own chart type, the title, position and size.
 * So what the add-in's "Biểu đồ" made can be rendered by LibreOffice and looked at.
 * Node only.
 */
import JSZip from "jszip";
import { columnLetters, Rect } from "./address";
import { CellValue, FakeChart, FakeSheet, FakeWorkbook } from "./workbook";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkg: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const CT = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const EMU_PER_POINT = 12700;

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A sheet name as a formula writes it: always quoted (names with spaces or accents need it; quoting is always allowed). */
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;
const absCell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
const absBlock = (sheet: string, r0: number, c0: number, r1: number, c1: number) =>
  `${sheetRef(sheet)}!${absCell(r0, c0)}${r0 === r1 && c0 === c1 ? "" : `:${absCell(r1, c1)}`}`;

export interface ChartSeriesRefs {
  name: string;
  /** The header cell naming the series. */
  nameRef: string;
  valuesRef: string;
  values: CellValue[];
  /** The series' own type, or the chart's. */
  type: string;
  /** Single points' fills by index ("#RRGGBB"). */
  pointFills: Record<number, string>;
}

/** Each series' ranges, as Excel reads the source block: categories down the first column (or along the first row). */
export function chartRefs(chart: FakeChart): { categoriesRef: string; categories: CellValue[]; series: ChartSeriesRefs[] } {
  const { r0, c0, r1, c1 } = chart.sourceRect as Rect;
  const sheet = chart.sourceSheet.name;
  if (chart.byColumns) {
    return {
      categoriesRef: absBlock(sheet, r0 + 1, c0, r1, c0),
      categories: chart.categories,
      series: chart.series.map((s, j) => ({
        name: s.name,
        nameRef: absBlock(sheet, r0, c0 + 1 + j, r0, c0 + 1 + j),
        valuesRef: absBlock(sheet, r0 + 1, c0 + 1 + j, r1, c0 + 1 + j),
        values: s.values,
        type: s.chartType || chart.type,
        pointFills: s.pointFills ?? {},
      })),
    };
  }
  return {
    categoriesRef: absBlock(sheet, r0, c0 + 1, r0, c1),
    categories: chart.categories,
    series: chart.series.map((s, j) => ({
      name: s.name,
      nameRef: absBlock(sheet, r0 + 1 + j, c0, r0 + 1 + j, c0),
      valuesRef: absBlock(sheet, r0 + 1 + j, c0 + 1, r0 + 1 + j, c1),
      values: s.values,
      type: s.chartType || chart.type,
      pointFills: s.pointFills ?? {},
    })),
  };
}

const strCache = (values: readonly CellValue[]) =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`).join("")}</c:strCache>`;
const numCache = (values: readonly CellValue[]) =>
  `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("")}</c:numCache>`;

/** The family a chart type draws in (a combination chart has one plot per family). */
function family(type: string): "bar" | "col" | "line" | "scatter" {
  if (type === "BarClustered") return "bar";
  if (type === "ColumnClustered") return "col";
  if (type === "Line" || type === "LineMarkers") return "line";
  return "scatter";
}

function seriesXml(s: ChartSeriesRefs, index: number, categoriesRef: string, categories: readonly CellValue[]): string {
  const line = family(s.type) === "line";
  const points = Object.entries(s.pointFills)
    .map(
      ([i, colour]) =>
        `<c:dPt><c:idx val="${i}"/>${line ? "" : `<c:invertIfNegative val="0"/>`}<c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${colour.replace("#", "").toUpperCase()}"/></a:solidFill></c:spPr></c:dPt>`,
    )
    .join("");
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:strRef><c:f>${esc(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
    (line ? `<c:spPr><a:ln w="22225"><a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>` : `<c:invertIfNegative val="0"/>`) +
    points +
    `<c:cat><c:strRef><c:f>${esc(categoriesRef)}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(s.valuesRef)}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
    (line ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

/** The chart part (xl/charts/chartN.xml): one plot per family of series types, sharing the two axes. */
export function chartXml(chart: FakeChart): string {
  const refs = chartRefs(chart);
  const plots = new Map<string, string[]>();
  refs.series.forEach((s, i) => {
    const f = family(s.type);
    plots.set(f, [...(plots.get(f) ?? []), seriesXml(s, i, refs.categoriesRef, refs.categories)]);
  });
  const axes = `<c:axId val="500001"/><c:axId val="500002"/>`;
  const plotXml = [...plots]
    .map(([f, series]) => {
      if (f === "line") return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join("")}<c:marker val="1"/>${axes}</c:lineChart>`;
      if (f === "scatter") return `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series.join("")}${axes}</c:scatterChart>`;
      return `<c:barChart><c:barDir val="${f}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}<c:gapWidth val="60"/>${axes}</c:barChart>`;
    })
    .join("");
  const horizontal = plots.has("bar");
  const scale = chart.valueAxis;
  const title = chart.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1400" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : `<c:autoTitleDeleted val="1"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${plotXml}` +
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="low"/><c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/>${scale.maximum !== undefined ? `<c:max val="${scale.maximum}"/>` : ""}${scale.minimum !== undefined ? `<c:min val="${scale.minimum}"/>` : ""}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>` +
    `${scale.majorUnit !== undefined ? `<c:majorUnit val="${scale.majorUnit}"/>` : ""}</c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A distance in points from the sheet's top or left edge as (index of the row or column, offset in EMU). */
function cellAt(points: number, size: (i: number) => number): { index: number; offset: number } {
  let index = 0;
  let rest = points;
  while (rest >= size(index) && index < 1_048_575) {
    rest -= size(index);
    index++;
  }
  return { index, offset: Math.round(rest * EMU_PER_POINT) };
}

/** The drawing part anchoring each chart of a sheet from its top-left to its bottom-right cell. */
export function drawingXml(sheet: FakeSheet): string {
  const anchors = sheet.charts.map((chart, i) => {
    const col = (pt: number) => cellAt(pt, (c) => sheet.columnWidth(c));
    const row = (pt: number) => cellAt(pt, (r) => sheet.rowHeight(r));
    const [fc, fr, tc, tr] = [col(chart.left), row(chart.top), col(chart.left + chart.width), row(chart.top + chart.height)];
    const marker = (tag: string, c: { index: number; offset: number }, r: { index: number; offset: number }) =>
      `<xdr:${tag}><xdr:col>${c.index}</xdr:col><xdr:colOff>${c.offset}</xdr:colOff><xdr:row>${r.index}</xdr:row><xdr:rowOff>${r.offset}</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", fc, fr)}${marker("to", tc, tr)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`;
}

const relsXml = (rels: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkg}">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join("")}</Relationships>`;

/** Elements a worksheet may have after <drawing> (CT_Worksheet's order): the drawing goes before the first of them. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Adds the double's charts to an .xlsx that ExcelJS wrote from the same workbook (sheets in the same order). */
export async function addChartParts(xlsx: Uint8Array, workbook: FakeWorkbook): Promise<Uint8Array> {
  const withCharts = workbook.sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`export: no ${path} in the workbook ExcelJS wrote`);
    return file.async("string");
  };
  // Which part is which sheet: workbook.xml names → relationship ids → targets.
  const book = await read("xl/workbook.xml");
  const bookRels = await read("xl/_rels/workbook.xml.rels");
  const targetOf = (id: string) =>
    new RegExp(`<Relationship[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(bookRels)?.[1] ??
    new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(bookRels)?.[1];
  const unescape = (t: string) =>
    t
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const partOf = new Map<string, string>();
  for (const m of book.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"/g)) {
    const target = targetOf(m[2]);
    if (target) partOf.set(unescape(m[1]), `xl/${target.replace(/^\/?xl\//, "").replace(/^\//, "")}`);
  }
  let types = await read("[Content_Types].xml");
  let chartNo = 0;
  for (const [d, sheet] of withCharts.entries()) {
    const part = partOf.get(sheet.name);
    if (!part) throw new Error(`export: no part for sheet “${sheet.name}”`);
    const drawing = `xl/drawings/drawing${d + 1}.xml`;
    zip.file(drawing, drawingXml(sheet));
    const chartRels = sheet.charts.map((chart, i) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(chart));
      types = types.replace("</Types>", `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT.chart}"/></Types>`);
      return { id: `rId${i + 1}`, type: REL.chart, target: `../charts/chart${chartNo}.xml` };
    });
    zip.file(`xl/drawings/_rels/drawing${d + 1}.xml.rels`, relsXml(chartRels));
    types = types.replace("</Types>", `<Override PartName="/${drawing}" ContentType="${CT.drawing}"/></Types>`);

    // The sheet's relationship to its drawing, and the <drawing> element in its place.
    const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const existing = zip.file(relsPath) ? await read(relsPath) : relsXml([]);
    const relId = "rIdChartDrawing";
    zip.file(
      relsPath,
      existing.replace("</Relationships>", `<Relationship Id="${relId}" Type="${REL.drawing}" Target="../drawings/drawing${d + 1}.xml"/></Relationships>`),
    );
    let xml = await read(part);
    if (!/<worksheet[^>]*xmlns:r=/.test(xml)) xml = xml.replace("<worksheet", `<worksheet xmlns:r="${NS.r}"`);
    const element = `<drawing r:id="${relId}"/>`;
    const at = AFTER_DRAWING.map((tag) => xml.indexOf(`<${tag}`)).filter((i) => i >= 0);
    const cut = at.length ? Math.min(...at) : xml.lastIndexOf("</worksheet>");
    xml = xml.slice(0, cut) + element + xml.slice(cut);
    zip.file(part, xml);
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
