/**
 * The annex as it prints: `npm run annex:preview` renders the example's annex through LibreOffice to
 * PDF (installed by .ci/run: libreoffice-calc, poppler-utils). One A4 landscape page, with the
 * published numbers in Vietnamese form.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCli, ROOT } from "./helpers";

beforeAll(() => buildCli());

const DECISION_FLAGS = ["--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--province", "Thái Bình"];

it("renders the annex to one A4 landscape page with the published figures", () => {
  expect(spawnSync("soffice", ["--version"]).error).toBeUndefined(); // .ci/run installs libreoffice-calc
  // Never into the user's out/: a folder of its own (--out); the decision as the add-in stores it, given here.
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-preview-"));
  const pdf = path.join(outDir, "phu-luc.pdf");
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/annex-preview.js"), "examples/danh-gia-2020.xlsx", "--out", outDir, ...DECISION_FLAGS], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 240000,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).not.toMatch(/Cảnh báo: máy này không có phông/); // fonts-liberation: Liberation Serif stands for Times New Roman
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  expect(info).toMatch(/Pages:\s+1\n/);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  expect(Number(size[1])).toBeGreaterThan(Number(size[2])); // landscape
  expect(Math.round(Number(size[1]))).toBe(842); // A4 long side
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  for (const s of ["KẾT QUẢ", "06/QĐ-UBND ngày 05/01/2021", "Sở Thông tin và Truyền thông", "497,1", "0,998", "Trung bình", "Ghi chú:", "498 điểm"])
    expect(text).toContain(s);
  expect(text.replace(/\s+/g, "")).toContain("ỦybannhândântỉnhTháiBình"); // the province given, not fixed text
  fs.rmSync(outDir, { recursive: true, force: true });
}, 300000);

it("takes the decision stored in the workbook (as npm run demo leaves it), and refuses a workbook without one", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-preview-"));
  const scored = path.join(dir, "ket-qua.xlsx");
  const bin = path.join(ROOT, "bin/xep-hang-cntt.js");
  const example = path.join(ROOT, "examples/danh-gia-2020.xlsx");
  spawnSync(
    process.execPath,
    [bin, "score", example, "-o", scored, "--decision-number", "17/QĐ-UBND", "--decision-date", "20/01/2021", "--province", "Hà Nam"],
    {
      encoding: "utf8",
    },
  );
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/annex-preview.js"), scored, "--out", dir], { cwd: ROOT, encoding: "utf8", timeout: 240000 });
  expect(r.status).toBe(0);
  const text = spawnSync("pdftotext", ["-layout", path.join(dir, "phu-luc.pdf"), "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, "");
  expect(text).toContain("17/QĐ-UBNDngày20/01/2021");
  expect(text).toContain("HàNam");
  const none = spawnSync(process.execPath, [path.join(ROOT, "scripts/annex-preview.js"), example, "--out", dir], { cwd: ROOT, encoding: "utf8" });
  expect(none.status).toBe(2);
  expect(none.stderr).toMatch(/số quyết định/);
  fs.rmSync(dir, { recursive: true, force: true });
}, 300000);

it("renders an annex with two blocks to one A4 landscape page: block headings, ranks restarting", () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-preview-"));
  const pdf = path.join(outDir, "phu-luc.pdf");
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "scripts/annex-preview.js"),
      "examples/khoi-so-va-huyen.xlsx",
      "docs/examples/khoi-so-va-huyen.json",
      "--out",
      outDir,
      ...DECISION_FLAGS,
      "--decision-date",
      "05/01/2024",
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 240000,
    },
  );
  expect(r.status).toBe(0);
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  expect(info).toMatch(/Pages:\s+1\n/);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  expect(Math.round(Number(size[1]))).toBe(842);
  expect(Math.round(Number(size[2]))).toBe(595);
  // pdftotext sometimes splits a letter from its accent ("S ở"): lines are compared without spaces.
  const lines = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .stdout.split("\n")
    .map((l) => l.replace(/\s+/g, ""));
  const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
  const first = at("I.KHỐISỞ,BAN,NGÀNH");
  const second = at("II.KHỐIUBNDHUYỆN,THÀNHPHỐ");
  expect(first).toBeGreaterThan(0);
  expect(second).toBeGreaterThan(first);
  // Numbers restart under each heading: 1 Sở Y tế … and 1 UBND thành phố Thái Bình.
  expect(lines.slice(first + 1).find((l) => /^\d/.test(l))).toMatch(/^1SởYtế48/);
  expect(lines.slice(second + 1).find((l) => /^\d/.test(l))).toMatch(/^1UBNDthànhphốTháiBình46.*0,916Tốt$/);
  expect(lines.join("")).toContain("KhốiUBNDhuyện,thànhphố:tổngđiểmđánhgiáchung380điểm");
}, 300000);

it("prints the lock's verification code under the annex, still one A4 landscape page", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-lock-"));
  const bin = path.join(ROOT, "bin/xep-hang-cntt.js");
  const scored = path.join(dir, "cham.xlsx");
  const locked = path.join(dir, "chot.xlsx");
  const example = path.join(ROOT, "examples/danh-gia-2020.xlsx");
  spawnSync(process.execPath, [bin, "score", example, "-o", scored, "--annex", "--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021"], {
    encoding: "utf8",
  });
  const l = spawnSync(process.execPath, [bin, "lock", scored, "--confirm-errors", "-o", locked], { encoding: "utf8" });
  expect(l.status).toBe(0);
  const code = /mã kiểm tra ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(l.stdout)![1];
  // The locked workbook as it is printed (not re-saved: its annex keeps the print area the score wrote, A1 to
  // the last note, which the code line two rows under it must reach); the grid prints pages of its own first.
  expect(spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, locked], { timeout: 240000 }).status).toBe(0);
  const pdf = path.join(dir, "chot.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)![1]);
  const pageText = (n: number) =>
    spawnSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" })
      .stdout.split("\n")
      .map((l) => l.replace(/\s+/g, ""));
  const annexPages = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => pageText(n).some((l) => l === "KẾTQUẢ"));
  expect(annexPages).toHaveLength(1); // one page
  const lines = pageText(annexPages[0]);
  const at = lines.findIndex((s) => s === `Mãkiểmtra:${code}`);
  expect(at).toBeGreaterThan(lines.findIndex((s) => s.startsWith("Ghichú:")));
  expect(lines.findIndex((s) => s.startsWith("Ghichú:"))).toBeGreaterThan(0);
  fs.rmSync(dir, { recursive: true, force: true });
}, 300000);
