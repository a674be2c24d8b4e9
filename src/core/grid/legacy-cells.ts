import { catalogue, CELL_LIST, entry } from "../base/catalogue";
import { cellAddress, Origin } from "../base/address";
import { GridLayout } from "./grid";
import { decodeLegacy, detectLegacy, LegacyEncoding } from "../text/legacy-encoding";

/** Where a legacy text sits: a header of the grid, an agency's name, its note, its block (the Khối/Nhóm column). */
export type LegacyCellKind = "header" | "name" | "notes" | "block";

/** A cell whose text is TCVN3 or VNI, with its Unicode form. */
export interface LegacyCell {
  /** 0-based in the values array. */
  row: number;
  col: number;
  /** Sheet address (with the origin). */
  cell: string;
  kind: LegacyCellKind;
  encoding: LegacyEncoding;
  text: string;
  converted: string;
}

interface Candidate {
  row: number;
  col: number;
  kind: LegacyCellKind;
  text: string;
}

/**
 * Which of the candidate texts are legacy: each on its own first; then, with the encoding most of
 * them showed, the others again (one word of that encoding is then enough).
 */
function detectAll(candidates: readonly Candidate[], origin: Origin, isHeader: (text: string) => boolean): LegacyCell[] {
  // Notes repeat (“Không TTHC” on many rows): each text is looked at once.
  const seen = new Map<string, LegacyEncoding | null>();
  const detect = (text: string) => {
    let e = seen.get(text);
    if (e === undefined) seen.set(text, (e = detectLegacy(text)));
    return e;
  };
  const found: (LegacyEncoding | null)[] = candidates.map((c) => detect(c.text));
  const count = { tcvn3: 0, vni: 0 };
  for (const e of found) if (e) count[e]++;
  const sheetEncoding: LegacyEncoding | null = count.tcvn3 + count.vni === 0 ? null : count.tcvn3 >= count.vni ? "tcvn3" : "vni";
  // A header whose words read as Vietnamese both ways (TCVN3 “Ghi chó”) is the sheet's encoding when
  // only its converted text is a header the add-in knows (“Ghi chú”).
  const knownOnlyConverted = (c: Candidate, e: LegacyEncoding) => c.kind === "header" && !isHeader(c.text) && isHeader(decodeLegacy(c.text, e));
  // A header alone in a legacy encoding, in an otherwise Unicode sheet (“Ghi chó”, “Tªn c¬ quan”,
  // “Cung caáp DVCTT”): legacy when, and only when, its converted text is a header the add-in knows.
  const knownHeaderEncoding = (c: Candidate): LegacyEncoding | null =>
    (["tcvn3", "vni"] as const).find((e) => knownOnlyConverted(c, e) && decodeLegacy(c.text, e) !== c.text) ?? null;
  const cells: LegacyCell[] = [];
  candidates.forEach((c, i) => {
    const encoding =
      found[i] ??
      (sheetEncoding && (detectLegacy(c.text, sheetEncoding) || knownOnlyConverted(c, sheetEncoding)) ? sheetEncoding : null) ??
      knownHeaderEncoding(c);
    if (encoding) cells.push({ ...c, cell: cellAddress(c.row, c.col, origin), encoding, converted: decodeLegacy(c.text, encoding) });
  });
  return cells;
}

const textAt = (values: readonly (readonly unknown[])[], row: number, col: number): string | null => {
  const v = values[row]?.[col];
  return typeof v === "string" && v.trim() !== "" ? v : null;
};

/**
 * The legacy cells of a located grid: its header rows, and the names, notes and blocks of its agencies.
 * `isHeader` tells the headers the add-in knows (groups and columns).
 */
export function legacyCellsOfGrid(
  values: readonly (readonly unknown[])[],
  layout: GridLayout,
  origin: Origin,
  isHeader: (text: string) => boolean,
): LegacyCell[] {
  const candidates: Candidate[] = [];
  for (let r = layout.headerTop; r <= layout.headerRow; r++) {
    for (let c = 0; c <= layout.lastCol; c++) {
      const text = textAt(values, r, c);
      if (text !== null) candidates.push({ row: r, col: c, kind: "header", text });
    }
  }
  for (const r of layout.dataRows) {
    const name = textAt(values, r, layout.nameCol);
    if (name !== null) candidates.push({ row: r, col: layout.nameCol, kind: "name", text: name });
    if (layout.notesCol !== null) {
      const notes = textAt(values, r, layout.notesCol);
      if (notes !== null) candidates.push({ row: r, col: layout.notesCol, kind: "notes", text: notes });
    }
    if (layout.blockCol !== null) {
      const block = textAt(values, r, layout.blockCol);
      if (block !== null) candidates.push({ row: r, col: layout.blockCol, kind: "block", text: block });
    }
  }
  return detectAll(candidates, origin, isHeader);
}

/** Before any grid is found: the legacy texts of the first `rows` rows (where headers are looked for). */
export function legacyCellsOfTop(values: readonly (readonly unknown[])[], rows: number, origin: Origin, isHeader: (text: string) => boolean): LegacyCell[] {
  const candidates: Candidate[] = [];
  for (let r = 0; r < Math.min(rows, values.length); r++) {
    for (let c = 0; c < values[r].length; c++) {
      const text = textAt(values, r, c);
      if (text !== null) candidates.push({ row: r, col: c, kind: "header", text });
    }
  }
  return detectAll(candidates, origin, isHeader);
}

/** A copy of the values with the legacy cells replaced by their Unicode text. */
export function withConverted(values: readonly (readonly unknown[])[], cells: readonly LegacyCell[]): unknown[][] {
  const copy = values.map((row) => [...row]);
  for (const c of cells) copy[c.row][c.col] = c.converted;
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Messages about legacy text, as codes with parameters rendered in Vietnamese and English (each
// entry with an example of its parameters, in the shape of the message catalogues).

const cellsVi = CELL_LIST.vi;
const cellsEn = CELL_LIST.en;

interface Example {
  encoding: string;
  text: string;
  converted: string;
  cells: string[];
}
const EXAMPLE: Example = { encoding: "TCVN3 (ABC)", text: "Tªn c¬ quan", converted: "Tên cơ quan", cells: ["B4", "C4"] };

export const LEGACY_MESSAGES = catalogue("legacy text", {
  /** Appended to “no header row found” when the headers are legacy text. */
  headersLegacy: entry({
    vi: (p: Example & { where?: "pane" | "cli" }) =>
      ` Các tiêu đề có vẻ được gõ bằng bảng mã ${p.encoding} của phông chữ cũ (“${p.text}” là “${p.converted}”) nên ` +
      (p.where === "cli"
        ? `không đọc được. Hãy chạy lại với --fix-encoding để chuyển ${cellsVi(p.cells)} sang Unicode.`
        : `add-in không đọc được. Hãy bấm “Chuyển mã” để chuyển ${cellsVi(p.cells)} sang Unicode (dòng lệnh: --fix-encoding), rồi bấm lại “Tính điểm”.`),
    en: (p) =>
      ` The headers seem to be typed in the ${p.encoding} encoding of old fonts (“${p.text}” is “${p.converted}”), ` +
      (p.where === "cli"
        ? `which cannot be read. Run again with --fix-encoding to convert ${cellsEn(p.cells)} to Unicode.`
        : `which the add-in cannot read. Click “Convert encoding” to convert ${cellsEn(p.cells)} to Unicode (command line: --fix-encoding), then click “Score” again.`),
    example: EXAMPLE,
  }),
  /** The command line converted cells (--fix-encoding). */
  converted: entry({
    vi: (p: Example) => `Đã chuyển ${p.cells.length} ô từ bảng mã ${p.encoding} sang Unicode (${cellsVi(p.cells)}), ví dụ “${p.text}” thành “${p.converted}”.`,
    en: (p) =>
      `Converted ${p.cells.length} cell${p.cells.length === 1 ? "" : "s"} from the ${p.encoding} encoding to Unicode (${cellsEn(p.cells)}), e.g. “${p.text}” to “${p.converted}”.`,
    example: EXAMPLE,
  }),
});

/** The parameters of a legacy message for cells of one encoding (the first cell as the example). */
export function legacyExample(cells: readonly LegacyCell[], names: Record<LegacyEncoding, string>): Example {
  return { encoding: names[cells[0].encoding], text: cells[0].text, converted: cells[0].converted, cells: cells.map((c) => c.cell) };
}

/** The cells grouped by encoding, in sheet order. */
export function byEncoding(cells: readonly LegacyCell[]): LegacyCell[][] {
  const groups = new Map<LegacyEncoding, LegacyCell[]>();
  for (const c of cells) groups.set(c.encoding, [...(groups.get(c.encoding) ?? []), c]);
  return [...groups.values()];
}

/** Messages of the add-in's “Chuyển mã” (convert encoding) action. */
export const CONVERT_MESSAGES = catalogue("convert encoding", {
  done: entry({
    vi: (p: Example) =>
      `Đã chuyển ${p.cells.length} ô từ bảng mã ${p.encoding} sang Unicode (${cellsVi(p.cells)}), ví dụ “${p.text}” thành “${p.converted}”. ` +
      `Hãy bấm “Tính điểm” để tính lại với chữ đã chuyển; “Hoàn tác” trả lại chữ cũ.`,
    en: (p) =>
      `Converted ${p.cells.length} cell${p.cells.length === 1 ? "" : "s"} from the ${p.encoding} encoding to Unicode (${cellsEn(p.cells)}), e.g. “${p.text}” to “${p.converted}”. ` +
      `Click “Score” to score again with the converted text; “Undo” gives the old text back.`,
    example: EXAMPLE,
  }),
  nothing: entry({
    vi: (p: { cells: string[] }) => `${cellsVi(p.cells)}: không còn chữ nào ở bảng mã cũ (đã chuyển, đã sửa hoặc là công thức). Không có ô nào bị thay đổi.`,
    en: (p) => `${cellsEn(p.cells)}: no text in a legacy encoding is left there (converted, edited, or a formula). No cell has been changed.`,
    example: { cells: ["B5"] },
  }),
  protectedSheet: entry({
    vi: (p: { sheet: string }) =>
      `Trang tính “${p.sheet}” đang được bảo vệ nên không chuyển mã được. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi làm lại. Chưa có ô nào bị thay đổi.`,
    en: (p) =>
      `Sheet “${p.sheet}” is protected, so the text cannot be converted. Unprotect it (Review → Unprotect Sheet) and try again. No cell has been changed.`,
    example: { sheet: "Chấm điểm 2020" },
  }),
});
