/**
 * The annex as it prints: `npm run annex:preview` renders the example's annex through LibreOffice to
 * PDF (installed by .ci/run: libreoffice-calc, poppler-utils). One A4 landscape page, with the
 * published numbers in Vietnamese form.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildCli, ROOT } from "./helpers";

beforeAll(() => buildCli());

it("renders the annex to one A4 landscape page with the published figures", () => {
  expect(spawnSync("soffice", ["--version"]).error).toBeUndefined(); // .ci/run installs libreoffice-calc
  const pdf = path.join(ROOT, "out/phu-luc.pdf");
  fs.rmSync(pdf, { force: true });
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/annex-preview.js")], { cwd: ROOT, encoding: "utf8", timeout: 240000 });
  expect(r.status).toBe(0);
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  expect(info).toMatch(/Pages:\s+1\n/);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  expect(Number(size[1])).toBeGreaterThan(Number(size[2])); // landscape
  expect(Math.round(Number(size[1]))).toBe(842); // A4 long side
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  for (const s of ["KẾT QUẢ", "06/QĐ-UBND ngày 05/01/2021", "Sở Thông tin và Truyền thông", "497,1", "0,998", "Trung bình", "Ghi chú:", "498 điểm"]) expect(text).toContain(s);
}, 300000);
