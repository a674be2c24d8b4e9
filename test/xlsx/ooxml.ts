/**
 * Workbooks written by hand as OOXML, the way openpyxl writes them (absolute part paths in the
 * relationships, inline strings, no shared strings part), with what real files carry: a chart, a
 * cell comment, defined names, data validation, conditional formats, a second sheet with CR LF text,
 * a hidden and a very hidden sheet, an image, a pivot table (its cache, records and table parts). A
 * second writer beside ExcelJS, for the corpus tests.
 */
import { strToU8, zipSync, Zippable } from "fflate";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\r/g, "_x000D_");

export const colName = (c: number): string => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A cell as openpyxl writes it: numbers as written (a string is kept as the number's text), text inline. */
export type FixtureCell = string | number | { num: string } | { formula: string; value?: number } | null;

export function sheetXml(rows: FixtureCell[][], extra: { afterData?: string; beforeData?: string } = {}): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${colName(c)}${r + 1}`;
          if (v === null || v === "") return "";
          if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
          if (typeof v === "string") return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
          if ("num" in v) return `<c r="${ref}"><v>${v.num}</v></c>`;
          return `<c r="${ref}"><f>${esc(v.formula)}</f>${v.value !== undefined ? `<v>${v.value}</v>` : "<v></v>"}</c>`;
        })
        .join("");
      return cells ? `<row r="${r + 1}">${cells}</row>` : "";
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>` +
    `${extra.beforeData ?? ""}<sheetData>${body}</sheetData>${extra.afterData ?? ""}<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>`
  );
}

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  state?: "hidden" | "veryHidden";
  afterData?: string;
  beforeData?: string;
  /** Extra parts of this sheet: relationships from the sheet (id → [type, absolute target]) and the parts themselves. */
  rels?: Record<string, [string, string]>;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts count="2"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font><font><b val="1"/><sz val="11"/></font></fonts><fills count="3"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1" pivotButton="0" quotePrefix="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="2" borderId="0" applyNumberFormat="1" applyFill="1" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

const CHART = `<?xml version="1.0" encoding="UTF-8"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:roundedCorners val="0"/><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Bảng điểm'!$C$5:$C$7</c:f></c:numRef></c:val></c:ser><c:axId val="10"/><c:axId val="100"/></c:barChart><c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="100"/></c:catAx><c:valAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="10"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="4800000" cy="2700000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="1" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;

const COMMENTS = `<?xml version="1.0" encoding="UTF-8"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Thẩm định</author></authors><commentList><comment ref="B5" authorId="0"><text><t>Đã kiểm tra hồ sơ</t></text></comment></commentList></comments>`;

const VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>4</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`;

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A 2×2 PNG (red, green, blue, white). */
export const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM/////w8AH+4F+7C4l8kAAAAASUVORK5CYII=", "base64"),
);

const PICTURE = `<xdr:oneCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Picture 1" descr="Con dấu"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`;

/** A pivot table summing "Số" by "Khối" over G1:H3 of the sheet it sits on (which must hold those rows), at D1:E4. */
function pivotParts(sheetName: string) {
  const cache = `<?xml version="1.0" encoding="UTF-8"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="0" recordCount="2" createdVersion="3" refreshedVersion="3" minRefreshableVersion="3"><cacheSource type="worksheet"><worksheetSource ref="G1:H3" sheet="${esc(sheetName)}"/></cacheSource><cacheFields count="2"><cacheField name="Khối" numFmtId="0"><sharedItems count="2"><s v="Sở"/><s v="Huyện"/></sharedItems></cacheField><cacheField name="Số" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="2"/></cacheField></cacheFields></pivotCacheDefinition>`;
  const records = `<?xml version="1.0" encoding="UTF-8"?>\n<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${REL}" count="2"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r></pivotCacheRecords>`;
  const table = `<?xml version="1.0" encoding="UTF-8"?>\n<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Giá trị" updatedVersion="3" minRefreshableVersion="3" createdVersion="3" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1"><location ref="D1:E4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="1"/><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Tổng Số" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`;
  return { cache, records, table };
}

/** The package as openpyxl lays it out: absolute targets, inline strings, no sharedStrings part. */
export function openpyxlStyle(
  sheets: FixtureSheet[],
  opts: { definedNames?: string; withChart?: boolean; withComment?: boolean; withImage?: boolean; pivotOnSheet?: number } = {},
): Uint8Array {
  const files: Zippable = {};
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`,
  ];
  const wbRels: string[] = [];
  const sheetTags: string[] = [];
  sheets.forEach((s, i) => {
    const n = i + 1;
    const sheetRels: string[] = [];
    let extra = s.afterData ?? "";
    if (i === 0 && opts.withChart) {
      sheetRels.push(`<Relationship Id="rIdD" Type="${REL}/drawing" Target="/xl/drawings/drawing1.xml"/>`);
      extra += `<drawing r:id="rIdD"/>`;
      files["xl/drawings/drawing1.xml"] = strToU8(opts.withImage ? DRAWING.replace("</xdr:wsDr>", `${PICTURE}</xdr:wsDr>`) : DRAWING);
      const image = opts.withImage ? `<Relationship Id="rId2" Type="${REL}/image" Target="/xl/media/image1.png"/>` : "";
      if (opts.withImage) files["xl/media/image1.png"] = [PNG, { level: 0 }];
      files["xl/drawings/_rels/drawing1.xml.rels"] = strToU8(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="/xl/charts/chart1.xml"/>${image}</Relationships>`,
      );
      files["xl/charts/chart1.xml"] = strToU8(CHART);
      overrides.push(`<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
      overrides.push(`<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    }
    if (i === 0 && opts.withComment) {
      sheetRels.push(`<Relationship Id="rIdC" Type="${REL}/comments" Target="/xl/comments/comment1.xml"/>`);
      sheetRels.push(`<Relationship Id="rIdV" Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/>`);
      extra += `<legacyDrawing r:id="rIdV"/>`;
      files["xl/comments/comment1.xml"] = strToU8(COMMENTS);
      files["xl/drawings/commentsDrawing1.vml"] = strToU8(VML);
      overrides.push(`<Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`);
    }
    if (i === opts.pivotOnSheet) {
      const pivot = pivotParts(s.name);
      sheetRels.push(`<Relationship Id="rIdP" Type="${REL}/pivotTable" Target="/xl/pivotTables/pivotTable1.xml"/>`);
      files["xl/pivotTables/pivotTable1.xml"] = strToU8(pivot.table);
      files["xl/pivotTables/_rels/pivotTable1.xml.rels"] = strToU8(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="/xl/pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
      );
      files["xl/pivotCache/pivotCacheDefinition1.xml"] = strToU8(pivot.cache);
      files["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] = strToU8(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="/xl/pivotCache/pivotCacheRecords1.xml"/></Relationships>`,
      );
      files["xl/pivotCache/pivotCacheRecords1.xml"] = strToU8(pivot.records);
      overrides.push(
        `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>`,
        `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>`,
        `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>`,
      );
    }
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(sheetXml(s.rows, { afterData: extra, beforeData: s.beforeData }));
    if (sheetRels.length > 0)
      files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join("")}</Relationships>`,
      );
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="/xl/worksheets/sheet${n}.xml"/>`);
    sheetTags.push(`<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${n}"/>`);
  });
  wbRels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  if (opts.pivotOnSheet !== undefined)
    wbRels.push(`<Relationship Id="rIdPC" Type="${REL}/pivotCacheDefinition" Target="/xl/pivotCache/pivotCacheDefinition1.xml"/>`);
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="png" ContentType="image/png"/>${overrides.join("")}</Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  files["docProps/core.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>openpyxl</dc:creator></cp:coreProperties>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets>${sheetTags.join("")}</sheets>${opts.definedNames ? `<definedNames>${opts.definedNames}</definedNames>` : ""}<calcPr calcId="124519" fullCalcOnLoad="1"/>${opts.pivotOnSheet !== undefined ? `<pivotCaches><pivotCache cacheId="1" r:id="rIdPC"/></pivotCaches>` : ""}</workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`,
  );
  files["xl/styles.xml"] = strToU8(STYLES);
  return zipSync(files);
}
