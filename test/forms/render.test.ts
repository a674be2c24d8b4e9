/**
 * The form as it prints: rendered through LibreOffice to PDF (.ci/run installs libreoffice-calc and
 * poppler-utils). One A4 portrait page, with the agency, the groups, the total and the signature block.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { buildForm } from "../../src/core/forms/forms";
import { presetRules } from "../../src/core/rules/rules";
import { formWorkbook } from "../../src/xlsx/forms";
import { tempDir } from "../cli/helpers";
import { fillWorkbook, KEY } from "./helpers";

it("renders a filled form to one A4 portrait page a department head can sign", async () => {
  expect(spawnSync("soffice", ["--version"]).error).toBeUndefined();
  const rules = presetRules();
  const dir = tempDir();
  const xlsx = path.join(dir, "van-phong-ubnd-tinh.xlsx");
  const wb = formWorkbook(ExcelJS, buildForm({ rules, agency: "Văn phòng UBND tỉnh", notes: "Không TTHC", year: 2020, masterId: "m", formKey: KEY }));
  fillWorkbook(
    wb,
    rules,
    { "Hạ tầng kỹ thuật": 50, "Ứng dụng CNTT": 85.7, "Trang/Cổng thông tin điện tử": 82, "Cơ chế, chính sách": 70, "Nhân lực cho ứng dụng CNTT": 45 },
    { "Hạ tầng kỹ thuật": "Báo cáo số 12/BC-VP ngày 10/12/2020" },
  );
  await wb.xlsx.writeFile(xlsx);
  const r = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { encoding: "utf8", timeout: 240000 });
  expect(r.status).toBe(0);
  const pdf = path.join(dir, "van-phong-ubnd-tinh.pdf");
  expect(fs.existsSync(pdf)).toBe(true);
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  expect(info).toMatch(/Pages:\s+1\n/);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  expect(Number(size[1])).toBeLessThan(Number(size[2])); // portrait
  expect(Math.round(Number(size[2]))).toBe(842); // A4 long side
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  for (const s of [
    "PHIẾU TỰ ĐÁNH GIÁ",
    "NĂM 2020",
    "Văn phòng UBND tỉnh",
    "Miễn chấm",
    "Tổng cộng",
    "398",
    "NGƯỜI LẬP",
    "THỦ TRƯỞNG CƠ QUAN",
    "ngày …… tháng",
    "Báo cáo số 12/BC-VP",
  ]) {
    expect(text).toContain(s);
  }
  expect(text).toMatch(/332[.,]7/); // the total, computed by the SUM formula (decimal sign per LibreOffice's locale)
}, 300000);
