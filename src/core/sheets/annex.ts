import { both, Both, catalogue, entry } from "../base/catalogue";
import { annexColumns, AnnexContext, indexText } from "../grid/columns";
import { Comparison, comparisonColumns } from "../grid/previous";
import { add, cmp, Dec, formatVi, ZERO } from "../base/decimal";
import { criteriaMaxes, criterionById, CriterionModel, LeafOut } from "../rules/criteria";
import { Finding } from "../findings/findings";
import { DecisionMetadata, withProvince } from "../rules/metadata";
import { Rules } from "../rules/rules";
import { rankedRows, RowResult } from "../grid/scoring";
import { CellStyle, SheetCell, SheetDescription, SheetMerge, SheetPrint } from "./sheet";
import { matchKey } from "../text/text";
import { annexCodeLine } from "../store/lock";

/**
 * The annex as data: what the Office.js renderer writes into a sheet and what the command line
 * renders with ExcelJS. Rows and columns are 0-based; every value is text, shown exactly as it is
 * (decimal commas included), so the page reads the same whatever the PC's regional settings.
 */
export type StyleName = "title" | "subject" | "reference" | "header" | "section" | "cell" | "cellLeft" | "notesTitle" | "note";

/** A sheet's cell style without a fill (the annex has none). */
export type AnnexStyle = Omit<CellStyle, "fill">;

export interface AnnexCell {
  row: number;
  col: number;
  text: string;
  style: StyleName;
}

export type AnnexMerge = SheetMerge;

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** Fit to this many pages wide; height is free (0). */
  fitToPagesWide: 1;
  /** Margins in centimetres (Nghị định 30/2020/NĐ-CP: left 3–3,5, right 1,5–2, top and bottom 2–2,5). */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /**
   * Page numbers, as Nghị định 30/2020/NĐ-CP wants them: centred in the header, from page 2 (the first
   * page has none). `code` is Excel's header code ("&P").
   */
  pageNumbers: { where: "centerHeader"; code: "&P"; firstPage: false };
  /** 0-based rows repeated at the top of every printed page. */
  repeatRows: { first: number; last: number };
  centerHorizontally: boolean;
}

export interface AnnexDescription {
  sheetName: string;
  font: string;
  styles: Record<StyleName, AnnexStyle>;
  /** Column widths in Excel character units. */
  columnWidths: number[];
  /** Row heights in points, for every row of the description. */
  rowHeights: number[];
  cells: AnnexCell[];
  merges: AnnexMerge[];
  print: PrintSetup;
  /** Where the table is, for renderers and tests; sectionRows: the block heading rows inside it. */
  table: { headerRow: number; firstRow: number; lastRow: number; columns: string[]; sectionRows: number[] };
  rowCount: number;
  colCount: number;
}

const STYLES: Record<StyleName, AnnexStyle> = {
  title: { bold: true, italic: false, size: 14, hAlign: "center", vAlign: "center", wrap: false, border: false },
  subject: { bold: true, italic: false, size: 13, hAlign: "center", vAlign: "center", wrap: true, border: false },
  reference: { bold: false, italic: true, size: 13, hAlign: "center", vAlign: "center", wrap: true, border: false },
  header: { bold: true, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: true, border: true },
  section: { bold: true, italic: false, size: 12, hAlign: "left", vAlign: "center", wrap: true, border: true },
  cell: { bold: false, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: true, border: true },
  cellLeft: { bold: false, italic: false, size: 12, hAlign: "left", vAlign: "center", wrap: true, border: true },
  notesTitle: { bold: true, italic: false, size: 12, hAlign: "left", vAlign: "center", wrap: false, border: false },
  note: { bold: false, italic: false, size: 12, hAlign: "left", vAlign: "top", wrap: true, border: false },
};

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

const WIDTH = { stt: 5, name: 32, group: 10.5, notes: 12 };
/** Points per wrapped line of 12-pt Times New Roman, and characters per width unit (a little slack). */
const LINE_PT = 16;
const CHARS_PER_UNIT = 1.05;

/** Excel's highest row is 409 points: at most this many 16-point lines in one row. */
const MAX_LINES_PER_ROW = 24;
const MAX_ROW_HEIGHT = 409;

/** The header text for page numbers: Excel's codes for the annex's font and size, then the page number. */
export const pageNumberHeader = (annex: AnnexDescription): string => `&"${annex.font},Regular"&${annex.styles.cell.size}${annex.print.pageNumbers.code}`;

/** The annex's print setup as a sheet's: as many pages tall as needed, the header row on every page, page numbers from page 2. */
export function annexPrint(annex: AnnexDescription): SheetPrint {
  const { orientation, paper, fitToPagesWide, margins, centerHorizontally, repeatRows } = annex.print;
  return {
    orientation,
    paper,
    fitToPagesWide,
    fitToPagesTall: 0,
    margins,
    centerHorizontally,
    repeatRows,
    pageNumbers: { centerHeader: pageNumberHeader(annex) },
  };
}

/**
 * The annex as a sheet description, for the one ExcelJS renderer (src/xlsx/render.ts): every value
 * text ("@"), and every cell of the table present, so that the empty ones are framed too.
 */
export function annexAsSheet(annex: AnnexDescription): SheetDescription {
  const cells: SheetCell[] = annex.cells.map((c) => ({ row: c.row, col: c.col, value: c.text, style: c.style, numberFormat: "@" }));
  // The table's cells without text still get the table's look (one flag per cell: 100 000 rows stay cheap).
  const { headerRow, lastRow } = annex.table;
  const width = annex.colCount;
  const taken = new Uint8Array(Math.max(0, (lastRow - headerRow + 1) * width));
  for (const c of annex.cells) if (c.row >= headerRow && c.row <= lastRow && c.col < width) taken[(c.row - headerRow) * width + c.col] = 1;
  for (let r = headerRow; r <= lastRow; r++)
    for (let c = 0; c < width; c++) if (!taken[(r - headerRow) * width + c]) cells.push({ row: r, col: c, value: null, style: "cell", numberFormat: "@" });
  return {
    sheetName: annex.sheetName,
    font: annex.font,
    styles: annex.styles,
    columnWidths: annex.columnWidths,
    rowHeights: annex.rowHeights,
    cells,
    merges: annex.merges,
    validations: [],
    protect: false,
    print: annexPrint(annex),
    frozenRows: 0,
    rowCount: annex.rowCount,
    colCount: annex.colCount,
  };
}

/** Splits a text into parts of at most `max` characters, after ", " where possible. */
export function splitForRows(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(", ", max);
    cut = cut > max / 2 ? cut + 1 : rest.lastIndexOf(" ", max);
    if (cut <= 0) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest);
  return parts;
}

/** What an annex carries that should be fixed before signing, by code, worded in both languages. */
export type AnnexNoticeCode = "provinceMissing";

export interface AnnexNotice {
  code: AnnexNoticeCode;
  message: string;
  messageEn: string;
}

/** `where`: how the user fixes it, in the pane (the “Phụ lục” tab) or with the command line (--province). */
type AnnexNoticeParams = { issuer: string; where: "pane" | "cli" };

const errorList = (errors: readonly Finding[], empty: string) =>
  errors.map((f) => `${f.cell} (${f.agency}${f.group ? `, ${f.group}` : ""}: ${f.value || empty})`).join("; ");
const ERROR_EXAMPLE = { cell: "D7", agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", value: "55" } as Finding;

export const ANNEX_MESSAGES = catalogue("annex", {
  provinceMissing: entry({
    vi: (p: AnnexNoticeParams) =>
      `Chưa có tên tỉnh: dòng “Kèm theo” và trích yếu ghi “${p.issuer}”. Hãy nhập tỉnh (ví dụ Thái Bình) ${p.where === "pane" ? "trong mục “Phụ lục”" : "bằng --province"} rồi tạo lại phụ lục trước khi trình ký.`,
    en: (p) =>
      `No province yet: the “Kèm theo” line and the subject say “${p.issuer}”. Give the province (for example Thái Bình) ${p.where === "pane" ? "on the “Annex” tab" : "with --province"} and create the annex again before it is signed.`,
    example: { issuer: "Ủy ban nhân dân tỉnh", where: "pane" },
  }),
  /** The annex gate's question: the errors still in the table, by cell, and what to do. */
  errorsNotFixed: entry({
    vi: (p: { errors: readonly Finding[]; where?: "pane" | "cli" }) =>
      p.where === "cli"
        ? `Bảng điểm còn ${p.errors.length} lỗi chưa sửa, phụ lục mang các số liệu sai này: ${errorList(p.errors, "trống")}. Hãy sửa các ô đó rồi chạy lại lệnh trước khi trình ký.`
        : `Bảng điểm còn ${p.errors.length} lỗi chưa sửa, phụ lục sẽ mang các số liệu sai này: ${errorList(p.errors, "trống")}. Hãy sửa trước khi trình ký, hoặc xác nhận để vẫn tạo phụ lục.`,
    en: (p) =>
      p.where === "cli"
        ? `The score table still has ${p.errors.length} error${p.errors.length === 1 ? "" : "s"} not yet fixed, and the annex carries these wrong figures: ${errorList(p.errors, "empty")}. Correct those cells and run the command again before signing.`
        : `The score table still has ${p.errors.length} error${p.errors.length === 1 ? "" : "s"} not yet fixed, and the annex would carry these wrong figures: ${errorList(p.errors, "empty")}. Fix them before signing, or confirm to create the annex anyway.`,
    example: { errors: [ERROR_EXAMPLE, { ...ERROR_EXAMPLE, cell: "E9", value: "" }], where: "cli" },
  }),
});

export function annexNotice(code: AnnexNoticeCode, p: AnnexNoticeParams): AnnexNotice {
  return { code, ...both(ANNEX_MESSAGES, code, p) };
}

export type AnnexRefusal = { reason: "errors"; errors: Finding[] } & Both;

/** Whether the annex may be made: with error findings it needs the caller's explicit confirmation. */
export function annexGate(findings: readonly Finding[], confirmedErrors: boolean, where: "pane" | "cli" = "pane"): AnnexRefusal | null {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length === 0 || confirmedErrors) return null;
  return { reason: "errors", errors, ...both(ANNEX_MESSAGES, "errorsNotFixed", { errors, where }) };
}

function lines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_UNIT));
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

export { indexText };

/** "- Tổng điểm đánh giá chung: 498 điểm (Do không đánh giá …)." for a general maximum. */
function generalNote(rules: Rules, generalMax: Dec, prefix = "Tổng điểm đánh giá chung: ", detail = ""): string {
  const items = rules.groups.filter((g) => g.counted).flatMap((g) => g.notEvaluated.map((it) => ({ group: g, ...it })));
  let general = `- ${prefix}${formatVi(generalMax)} điểm${detail}`;
  if (items.length === 1) {
    const [it] = items;
    general += ` (Do không đánh giá mục ${it.item} trên ${it.group.fullName}, điểm của mục này là ${formatVi(it.points)} điểm)`;
  } else if (items.length > 1) {
    general += ` (Do không đánh giá các mục: ${items.map((it) => `${it.item} trên ${it.group.fullName} (${formatVi(it.points)} điểm)`).join("; ")})`;
  }
  return general + ".";
}

/**
 * The annex's notes on last year's columns: the year compared with, each agency compared with its
 * predecessors (named), and the rules changed between the years (indices compared as published).
 */
export function comparisonNotes(comparison: Comparison, rows: readonly RowResult[]): string[] {
  const notes: string[] = [];
  const years = comparison.years;
  if (years?.previous != null)
    notes.push(`- Xếp hạng năm trước: kết quả năm ${years.previous}${years.current != null ? `, so sánh với năm ${years.current}` : ""}.`);
  for (const r of rows) {
    const c = comparison.byRow.get(r.row);
    const from = c?.from ?? [];
    if (!c || c.previousRank === null || from.length === 0) continue;
    if (from.length === 1 && matchKey(from[0]) === matchKey(r.name)) continue;
    const names = from.length > 1 ? `${from.slice(0, -1).join(", ")} và ${from[from.length - 1]}` : from[0];
    notes.push(
      from.length > 1
        ? `- ${r.name}: sáp nhập từ ${names}; xếp hạng năm trước tính theo trung bình chỉ số năm trước của các cơ quan này.`
        : `- ${r.name}: năm trước là ${names}.`,
    );
  }
  if ((comparison.rulesChanged ?? []).length > 0)
    notes.push(`- Bộ tiêu chí, điểm tối đa hoặc mức phân loại năm trước khác năm nay: chỉ số và xếp hạng năm trước được so sánh như đã công bố.`);
  return notes;
}

/** The "Ghi chú:" notes under the table, generated from the rules and the exempt agencies. */
export function annexNotes(rules: Rules, rows: readonly RowResult[]): string[] {
  const notes: string[] = [];
  // The general maximum; one per block when a block has maxima of its own.
  // A block's maxima less the criteria scored only in other blocks (appliesTo).
  const own = new Map(rules.blocks.map((b) => [b.id, rules.leaves.length > 0 ? criteriaMaxes(rules.groups, b.maxes, b.id, new Set()) : null]));
  const maxesIn = (b: Rules["blocks"][number]) => own.get(b.id)?.maxes ?? b.maxes;
  const differs = (b: Rules["blocks"][number]) => maxesIn(b).some((m, i) => cmp(m, rules.groups[i].max) !== 0);
  if (!rules.blocks.some(differs)) notes.push(generalNote(rules, rules.generalMax));
  else
    for (const b of rules.blocks) {
      const maxes = maxesIn(b);
      const changed = rules.groups.map((g, i) => ({ g, m: maxes[i], out: own.get(b.id)?.out[i] ?? [] })).filter(({ g, m }) => cmp(m, g.max) !== 0);
      const without = (out: readonly LeafOut[]) => (out.length ? ` (không chấm ${out.map((o) => `tiêu chí ${o.leaf.id} “${o.leaf.name}”`).join(", ")})` : "");
      const detail = changed.length
        ? `, trong đó điểm tối đa ${changed.map(({ g, m, out }) => `${g.fullName} là ${formatVi(m)} điểm${without(out)}`).join(", ")}`
        : "";
      const general = rules.groups.reduce((acc, g, i) => (g.counted ? add(acc, maxes[i]) : acc), ZERO);
      notes.push(generalNote(rules, general, `${b.name}: tổng điểm đánh giá chung `, detail));
    }
  const uncounted = rules.groups.filter((g) => !g.counted);
  if (uncounted.length > 0) {
    notes.push(
      `- ${uncounted.map((g) => g.fullName).join(", ")}: được đánh giá và thể hiện trong bảng nhưng không tính vào tổng điểm${rules.weighted ? "" : ", điểm tối đa"} và chỉ số.`,
    );
  }
  if (rules.weighted) {
    const parts = rules.groups.filter((g) => g.weight !== null).map((g) => `${g.fullName} ${formatVi(g.weight!)}`);
    notes.push(`- Chỉ số = Σ trọng số × (điểm ÷ điểm tối đa của nhóm); trọng số: ${parts.join("; ")}.`);
    if (rows.some((r) => r.exemptGroups.length > 0 && r.index !== null)) {
      notes.push("- Cơ quan được miễn chấm một nhóm: trọng số của các nhóm còn lại được chia lại theo tỷ lệ để tổng bằng 1.");
    }
  }
  for (const ex of rules.exemptions) {
    const names = rows.filter((r) => r.exemptKeyword !== null && ex.keywords.includes(r.exemptKeyword)).map((r) => r.name);
    if (names.length === 0) continue;
    const groups = ex.groupIndexes.map((g) => rules.groups[g]);
    const what =
      groups.length === 1
        ? `mục: ${groups[0].fullName} (điểm mục này là ${formatVi(groups[0].max)} điểm)`
        : `các mục: ${groups.map((g) => `${g.fullName} (${formatVi(g.max)} điểm)`).join(", ")}`;
    // Criteria exempted as well (exemptions[].criteria): named with their points, which leave the agency's maximum.
    const criteria = (ex.criteria ?? []).map((id) => criterionById(rules, id)).filter((c): c is CriterionModel => c !== null);
    const criteriaText = criteria.length
      ? `${criteria.length === 1 ? "tiêu chí" : "các tiêu chí"} ${criteria.map((c) => `${c.id} “${c.name}” (${formatVi(c.max)} điểm)`).join(", ")}`
      : "";
    const parts = [groups.length ? what : "", criteriaText].filter((t) => t !== "");
    notes.push(`- Cơ quan: ${names.join(", ")} ${ex.reason} nên không thực hiện chấm điểm ${parts.join(" và ")}.`);
  }
  return notes;
}

/**
 * Builds the annex from a scoring result and the stored decision metadata: title block, the table
 * in rank order (one section per block, with its heading row and ranks within it), the notes, and
 * the print setup (A4 landscape, header row on every page).
 */
export function buildAnnex(
  rules: Rules,
  rows: readonly RowResult[],
  meta: DecisionMetadata,
  /** Last year's comparison, when the user chose to show it in the annex: "Xếp hạng năm trước" and "Tăng/giảm" after the results. */
  comparison: Comparison | null = null,
): AnnexDescription {
  const ordered = rankedRows(rows, rules);
  const sections: { heading: string | null; rows: RowResult[] }[] = [];
  if (rules.blocks.length === 0) sections.push({ heading: null, rows: ordered });
  else {
    for (const b of rules.blocks) {
      const inBlock = ordered.filter((r) => r.block === b.id);
      if (inBlock.length) sections.push({ heading: b.name, rows: inBlock });
    }
    const none = ordered.filter((r) => r.block === null);
    if (none.length) sections.push({ heading: "Chưa xác định khối", rows: none });
  }
  const hasTies = sections.some((s) => {
    const ranks = s.rows.map((r) => r.rank);
    return ranks.some((r, i) => r !== null && ranks.indexOf(r) !== i);
  });
  // The result columns of the annex come from the table (columns.ts): Phân loại only with classes, Xếp hạng only with ties.
  const context: AnnexContext = { rules, decimals: rules.json.index.decimals, hasTies };
  const results = [...annexColumns(context), ...(comparison ? comparisonColumns(comparison) : [])].filter(
    (c): c is typeof c & { annex: NonNullable<typeof c.annex> } => c.annex !== undefined,
  );

  const columns = ["STT", "Tên cơ quan", ...rules.groups.map((g) => g.name), ...results.map((c) => c.annex.header), "Ghi chú"];
  const widths = [WIDTH.stt, WIDTH.name, ...rules.groups.map(() => WIDTH.group), ...results.map((c) => c.annex.width), WIDTH.notes];
  const colCount = columns.length;
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  const cells: AnnexCell[] = [];
  const merges: AnnexMerge[] = [];
  const heights: number[] = [];
  const put = (row: number, col: number, text: string, style: StyleName) => cells.push({ row, col, text: text.normalize("NFC"), style });
  const banner = (row: number, text: string, style: StyleName, height: number) => {
    put(row, 0, text, style);
    merges.push({ row, col: 0, rows: 1, cols: colCount });
    heights[row] = height;
  };

  const subject = `${withProvince(meta.subject, meta.province ?? "")} năm ${meta.year}`;
  banner(0, "KẾT QUẢ", "title", 20);
  banner(1, subject, "subject", Math.max(20, lines(subject, totalWidth * 0.9) * 18));
  const reference = `(Kèm theo Quyết định số ${meta.number} ngày ${meta.date} của ${withProvince(meta.issuer, meta.province ?? "")})`;
  banner(2, reference, "reference", Math.max(20, lines(reference, totalWidth * 0.9) * 18));
  heights[3] = 10;

  const headerRow = 4;
  columns.forEach((c, i) => put(headerRow, i, c, "header"));
  heights[headerRow] = Math.max(...columns.map((c, i) => lines(c, widths[i]))) * LINE_PT + 6;

  const firstRow = headerRow + 1;
  const sectionRows: number[] = [];
  let row = firstRow;
  sections.forEach((section, s) => {
    if (section.heading !== null) {
      const heading = `${ROMAN[s] ?? s + 1}. ${section.heading.toLocaleUpperCase("vi")}`;
      banner(row, heading, "section", lines(heading, totalWidth) * LINE_PT + 6);
      sectionRows.push(row);
      row++;
    }
    section.rows.forEach((r, k) => {
      const values = [
        String(k + 1),
        r.name,
        ...r.scores.map((sc, g) => (sc !== null ? formatVi(sc) : r.exemptGroups.includes(g) ? "0" : "")),
        ...results.map((c) => c.annex.text(r, context)),
        r.notes,
      ];
      values.forEach((v, i) => put(row, i, v, i === 1 ? "cellLeft" : "cell"));
      heights[row] = Math.max(lines(r.name, widths[1]), lines(r.notes, widths[colCount - 1])) * LINE_PT + 4;
      row++;
    });
  });
  const lastRow = row - 1;

  row = lastRow + 2;
  heights[lastRow + 1] = 10;
  put(row, 0, "Ghi chú:", "notesTitle");
  merges.push({ row, col: 0, rows: 1, cols: 3 });
  heights[row] = 18;
  for (const note of [...annexNotes(rules, rows), ...(comparison ? comparisonNotes(comparison, rows) : [])]) {
    // Excel's rows stop at 409 points: a very long note (hundreds of exempt agencies) continues on the next rows.
    for (const part of splitForRows(note, Math.floor(totalWidth * 0.95 * CHARS_PER_UNIT) * MAX_LINES_PER_ROW)) {
      row++;
      banner(row, part, "note", lines(part, totalWidth * 0.95) * LINE_PT + 4);
    }
  }
  const rowCount = row + 1;
  // Excel's rows stop at 409 points (a very long note in the table is cut there; the notes below are split).
  for (let r = 0; r < rowCount; r++) heights[r] = Math.min(MAX_ROW_HEIGHT, heights[r] ?? LINE_PT);

  return {
    sheetName: meta.sheetName,
    font: "Times New Roman",
    styles: STYLES,
    columnWidths: widths,
    rowHeights: heights,
    cells,
    merges,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToPagesWide: 1,
      margins: { top: 2, bottom: 2, left: 3, right: 1.5, header: 0.8, footer: 0.8 },
      pageNumbers: { where: "centerHeader", code: "&P", firstPage: false },
      repeatRows: { first: headerRow, last: headerRow },
      centerHorizontally: true,
    },
    table: { headerRow, firstRow, lastRow, columns, sectionRows },
    rowCount,
    colCount,
  };
}

/**
 * The annex with the lock's verification code two rows under its last row ("Mã kiểm tra: 7F3K-92QD"),
 * where the command line's and the add-in's lock write it on an annex already made.
 */
export function withCodeLine(annex: AnnexDescription, code: string | undefined): AnnexDescription {
  if (!code) return annex;
  const row = annex.rowCount + 1;
  return {
    ...annex,
    cells: [...annex.cells, { row, col: 0, text: annexCodeLine(code), style: "note" }],
    rowHeights: [...annex.rowHeights, LINE_PT, 18],
    rowCount: row + 1,
  };
}

/** The annex as a grid of text (rowCount × colCount), for renderers that write values in one block. */
export function annexGrid(annex: AnnexDescription): string[][] {
  const grid = Array.from({ length: annex.rowCount }, () => new Array<string>(annex.colCount).fill(""));
  for (const c of annex.cells) grid[c.row][c.col] = c.text;
  return grid;
}

/**
 * Where the annex goes. The add-in replaces only an annex it made (recorded in the workbook's
 * store); a user's own sheet with the wanted name is never touched: the annex takes the next free
 * name ("Phụ lục (2)") and the caller tells the user.
 */
export function chooseAnnexSheet(
  wanted: string,
  existing: readonly string[],
  owned: string | undefined,
): { name: string; replaces: boolean; collidedWithUserSheet: boolean } {
  const lower = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi");
  const taken = new Set(existing.map(lower));
  const ownedExists = owned !== undefined && taken.has(lower(owned));
  if (ownedExists && lower(owned!) === lower(wanted))
    return { name: existing.find((n) => lower(n) === lower(wanted))!, replaces: true, collidedWithUserSheet: false };
  if (!taken.has(lower(wanted))) return { name: wanted, replaces: false, collidedWithUserSheet: false };
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (ownedExists && lower(owned!) === lower(name)) return { name: owned!, replaces: true, collidedWithUserSheet: true };
    if (!taken.has(lower(name))) return { name, replaces: false, collidedWithUserSheet: true };
  }
}

/** The annex as stored in the workbook (undo, ownership): the texts as a grid, the styles run-length encoded by row. */
export interface PackedAnnex extends Omit<AnnexDescription, "cells"> {
  packed: 1;
  grid: string[][];
  /** [row count, styles of the row's cells ("" where no cell), joined by ","] */
  styleRuns: [number, string][];
}

export function packAnnex(annex: AnnexDescription): PackedAnnex {
  const { cells, ...rest } = annex;
  const styles = Array.from({ length: annex.rowCount }, () => new Array<string>(annex.colCount).fill(""));
  for (const c of cells) styles[c.row][c.col] = c.style;
  const styleRuns: [number, string][] = [];
  for (const row of styles) {
    const key = row.join(",");
    const last = styleRuns[styleRuns.length - 1];
    if (last && last[1] === key) last[0]++;
    else styleRuns.push([1, key]);
  }
  return { ...rest, packed: 1, grid: annexGrid(annex), styleRuns };
}

export function unpackAnnex(packed: PackedAnnex): AnnexDescription {
  const { packed: _p, grid, styleRuns, ...rest } = packed;
  void _p;
  const cells: AnnexCell[] = [];
  let row = 0;
  for (const [count, key] of styleRuns) {
    const styles = key.split(",");
    for (let i = 0; i < count; i++, row++) {
      styles.forEach((style, col) => {
        if (style) cells.push({ row, col, text: grid[row][col], style: style as StyleName });
      });
    }
  }
  return { ...rest, cells };
}
