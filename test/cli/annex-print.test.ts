import { SHEET_HEADER_2020 } from "../core/helpers";
/**
 * The annex as Nghị định 30/2020/NĐ-CP wants it, seen in the PDF LibreOffice prints from the command
 * line's output and from the add-in's (the strict Office.js double at ExcelApi 1.9+, exported to .xlsx): a 60-agency annex over several A4 landscape pages, the left margin (3 cm) wider than
 * the right (1,5 cm), page numbers centred in the header from page 2 and none on page 1, the issuer
 * named with its province, the year taken from the grid's title. PNGs of the pages are left in
 * test-artifacts/annex-print/ to look at.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { buildCli, ROOT, runCli, tempDir } from "./helpers";
import { createOfficeDouble } from "../office-double/index";
import { toExcelJs } from "../office-double/export-xlsx";
import { generateAnnex } from "../../src/excel/annex";
import { saveDecision } from "../../src/excel/settings";

const ARTIFACTS = path.join(ROOT, "test-artifacts", "annex-print");
const AGENCIES = 60;
const PT_PER_CM = 72 / 2.54;

beforeAll(() => buildCli());

/** A grid of 60 agencies under a title naming the year 2023, as a user types it. */
function sixtyAgencyValues(): (string | number)[][] {
  const rows: (string | number)[][] = [
    ["BẢNG ĐIỂM ĐÁNH GIÁ ỨNG DỤNG CNTT NĂM 2023", "", "", "", "", "", "", "", ""],
    ["Các sở, ban, ngành và Ủy ban nhân dân các huyện", "", "", "", "", "", "", "", ""],
    ["", "", "", "", "", "", "", "", ""],
    [...SHEET_HEADER_2020],
  ];
  for (let i = 0; i < AGENCIES; i++) {
    const k = (i * 7) % 23;
    rows.push([
      i + 1,
      `Cơ quan số ${i + 1} (${k % 2 ? "sở" : "huyện"})`,
      30 + (k % 20),
      60 + k,
      55 + ((k * 3) % 40),
      50 + ((k * 5) % 45),
      40 + k * 2,
      20 + (k % 25),
      "",
    ]);
  }
  return rows;
}

async function sixtyAgencies(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  for (const row of sixtyAgencyValues()) ws.addRow(row.every((v) => v === "") ? [] : row);
  await wb.xlsx.writeFile(file);
}

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word of the PDF with its box (pdftotext -bbox), and each page's size. */
function words(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" }).stdout;
  const pages: { width: number; height: number }[] = [];
  const out: Word[] = [];
  for (const chunk of html.split("<page ").slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
    pages.push({ width: Number(size[1]), height: Number(size[2]) });
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page: pages.length, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] });
    }
  }
  return { pages, words: out };
}

/** Prints an annex-only workbook through LibreOffice and checks the PDF: A4 landscape pages, page numbers from page 2, NĐ 30 margins. */
function expectNd30Print(annexOnly: string, dir: string, name: string): void {
  const lo = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, annexOnly], {
    encoding: "utf8",
    timeout: 240000,
    env: { ...process.env, HOME: dir },
  });
  expect(lo.status).toBe(0);
  const pdf = path.join(dir, `${path.basename(annexOnly, ".xlsx")}.pdf`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.copyFileSync(pdf, path.join(ARTIFACTS, `${name}.pdf`));
  spawnSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(ARTIFACTS, name)]);

  const { pages, words: all } = words(pdf);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  for (const p of pages) {
    expect(Math.round(p.width)).toBe(842); // A4 landscape
    expect(Math.round(p.height)).toBe(595);
  }
  const onPage = (n: number) => all.filter((w) => w.page === n);

  // Page numbers: in the header band (above the table, which starts below the 2 cm top margin), centred; none on page 1.
  const headerBand = (n: number) => onPage(n).filter((w) => w.yMax < 2 * PT_PER_CM);
  expect(headerBand(1)).toEqual([]);
  const pageText = (n: number) => spawnSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  expect(pageText(1)).toContain("KẾT QUẢ");
  expect(pageText(1)).toContain("của Ủy ban nhân dân tỉnh Thái Bình)");
  for (let n = 2; n <= pages.length; n++) {
    const band = headerBand(n);
    expect(band.map((w) => w.text)).toEqual([String(n)]);
    const centre = (band[0].xMin + band[0].xMax) / 2;
    expect(Math.abs(centre - pages[n - 1].width / 2)).toBeLessThan(1.5 * PT_PER_CM);
    // The header row repeats under it.
    expect(pageText(n)).toMatch(/STT\s+Tên cơ quan/);
  }

  // Margins: on every page nothing prints within 3 cm of the left edge or 1,5 cm of the right one, and the left gap is the wider.
  for (let n = 1; n <= pages.length; n++) {
    const body = onPage(n).filter((w) => w.yMin >= 2 * PT_PER_CM);
    const left = Math.min(...body.map((w) => w.xMin));
    const right = pages[n - 1].width - Math.max(...body.map((w) => w.xMax));
    expect(left).toBeGreaterThanOrEqual(2.9 * PT_PER_CM);
    expect(right).toBeGreaterThanOrEqual(1.4 * PT_PER_CM);
    expect(left).toBeGreaterThan(right);
  }
}

it("prints 60 agencies on A4 landscape pages: left margin wider than the right, page numbers centred in the header from page 2", async () => {
  expect(spawnSync("soffice", ["--version"]).error).toBeUndefined(); // .ci/run installs libreoffice-calc
  const dir = tempDir();
  const input = path.join(dir, "sixty.xlsx");
  const output = path.join(dir, "sixty-ket-qua.xlsx");
  await sixtyAgencies(input);
  const r = runCli(["score", input, "-o", output, "--annex", "--decision-number", "12/QĐ-UBND", "--decision-date", "10/01/2024", "--province", "Thái Bình"]);
  expect(r.stderr).not.toMatch(/Lỗi:/);
  expect(r.code).toBe(0);

  // The annex sheet alone, as the office prints it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const annex = wb.getWorksheet("Phụ lục")!;
  expect(annex.headerFooter).toMatchObject({ differentFirst: true, oddHeader: '&C&"Times New Roman,Regular"&12&P' });
  expect(annex.headerFooter.firstHeader ?? "").toBe(""); // a different, empty first-page header
  expect(annex.getCell("A2").value).toBe(
    "Đánh giá, xếp hạng ứng dụng công nghệ thông tin trong hoạt động của các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh Thái Bình năm 2023",
  );
  expect(annex.getCell("A3").value).toBe("(Kèm theo Quyết định số 12/QĐ-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh Thái Bình)");
  for (const ws of wb.worksheets.filter((w) => w.name !== "Phụ lục")) wb.removeWorksheet(ws.id);
  const annexOnly = path.join(dir, "phu-luc.xlsx");
  await wb.xlsx.writeFile(annexOnly);

  expectNd30Print(annexOnly, dir, "phu-luc-60-cli");
  fs.rmSync(dir, { recursive: true, force: true });
}, 300000);

it("--subject sets the subject line; without --province the annex is made and a notice says how to name the province", async () => {
  const dir = tempDir();
  const input = path.join(dir, "sixty.xlsx");
  const output = path.join(dir, "ket-qua.xlsx");
  await sixtyAgencies(input);
  const subject = "Đánh giá mức độ chuyển đổi số của các cơ quan thuộc Ủy ban nhân dân tỉnh";
  const r = runCli(["score", input, "-o", output, "--annex", "--decision-number", "12/QĐ-UBND", "--decision-date", "10/01/2024", "--subject", subject]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(
    "Lưu ý: Chưa có tên tỉnh: dòng “Kèm theo” và trích yếu ghi “Ủy ban nhân dân tỉnh”. Hãy nhập tỉnh (ví dụ Thái Bình) bằng --province",
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const annex = wb.getWorksheet("Phụ lục")!;
  expect(annex.getCell("A2").value).toBe(`${subject} năm 2023`);
  const again = path.join(dir, "ket-qua-2.xlsx");
  const r2 = runCli(["score", output, "-o", again, "--annex", "--province", "Thái Bình"]);
  expect(r2.stderr).not.toContain("Chưa có tên tỉnh");
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.readFile(again);
  // The subject and decision stored in the workbook are used again, now with the province.
  expect(wb2.getWorksheet("Phụ lục")!.getCell("A2").value).toBe(`${subject} Thái Bình năm 2023`);
  fs.rmSync(dir, { recursive: true, force: true });
}, 120000);

it("the add-in's annex (Office.js renderer, ExcelApi 1.9+) prints the same way", async () => {
  const double = createOfficeDouble({ apiLevel: 20, sheets: ["Bảng điểm"] });
  double.workbook.sheet("Bảng điểm").setValues("A1", sixtyAgencyValues());
  const restore = double.install(globalThis);
  try {
    expect(
      await saveDecision({
        number: "12/QĐ-UBND",
        date: "10/01/2024",
        issuer: "Ủy ban nhân dân tỉnh",
        province: "Thái Bình",
        year: 2023,
        subject: "Đánh giá, xếp hạng ứng dụng công nghệ thông tin trong hoạt động của các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh",
        sheetName: "Phụ lục",
      }),
    ).toEqual({ ok: true });
    expect(await generateAnnex({ confirmErrors: false })).toMatchObject({ kind: "done", manualPrintSteps: [] });
  } finally {
    restore();
  }
  const wb = await toExcelJs(double.workbook);
  for (const ws of wb.worksheets.filter((w) => w.name !== "Phụ lục")) wb.removeWorksheet(ws.id);
  const dir = tempDir();
  const annexOnly = path.join(dir, "phu-luc-addin.xlsx");
  await wb.xlsx.writeFile(annexOnly);
  expectNd30Print(annexOnly, dir, "phu-luc-60-addin");
  fs.rmSync(dir, { recursive: true, force: true });
}, 300000);
