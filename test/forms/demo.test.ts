/** `npm run demo`: part 1 scores the example, part 2 sends the forms out and merges them back. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCli, ROOT } from "../cli/helpers";

beforeAll(() => buildCli());

it("runs both parts on the example", () => {
  // Into a folder of its own (--out): a test never writes into the user's out/.
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-demo-"));
  const userOut = path.join(ROOT, "out");
  const before = fs.existsSync(userOut) ? fs.readdirSync(userOut).map((f) => [f, fs.statSync(path.join(userOut, f)).mtimeMs]) : null;
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/demo.js"), "--out", outDir], { cwd: ROOT, encoding: "utf8", timeout: 240000 });
  expect(fs.existsSync(userOut) ? fs.readdirSync(userOut).map((f) => [f, fs.statSync(path.join(userOut, f)).mtimeMs]) : null).toEqual(before);
  expect(fs.existsSync(path.join(outDir, "danh-gia-2020-ket-qua.xlsx"))).toBe(true);
  // The province is given: the annex is not flagged for it (the add-in's warning would say so).
  expect(r.stdout).not.toContain("Chưa có tên tỉnh");
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  for (const s of [
    "497,1",
    "PHẦN 2. PHIẾU TỰ ĐÁNH GIÁ",
    "Đã tạo 19 phiếu",
    "Gộp 19 phiếu: 110 ô",
    "tự chấm 70, thẩm định 60",
    "Gộp lại lần nữa cùng các phiếu: không có gì thay đổi.",
    "PHẦN 3. CHỐT KẾT QUẢ VÀ KIỂM TRA",
    "Khớp: kết quả trong sổ tính đúng như lúc chốt",
    "(mã thoát 0)",
    "C12: lúc chốt “48”, nay “53”",
    "(mã thoát 1)",
    "PHẦN 5. SO SÁNH VỚI NĂM TRƯỚC QUA SÁP NHẬP SỞ NĂM 2025",
    "Đề xuất (chưa áp dụng): Danh sách sáp nhập sở năm 2025 có 6 mục",
    "Sở Tài chính: so với trung bình chỉ số 2024 của Sở Tài chính và Sở Kế hoạch và Đầu tư = 0,863, hạng 4 năm 2024 (tính lại)",
    "Không còn: 1 cơ quan",
    "Cơ chế, chính sách: 100 → 80",
  ]) {
    expect(r.stdout).toContain(s);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
}, 300000);
