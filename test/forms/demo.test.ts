/** `npm run demo`: part 1 scores the example, part 2 sends the forms out and merges them back. */
import { spawnSync } from "child_process";
import * as path from "path";
import { buildCli, ROOT } from "../cli/helpers";

beforeAll(() => buildCli());

it("runs both parts on the example", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/demo.js")], { cwd: ROOT, encoding: "utf8", timeout: 240000 });
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
  ]) {
    expect(r.stdout).toContain(s);
  }
}, 300000);
