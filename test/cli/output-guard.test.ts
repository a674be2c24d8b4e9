/**
 * Every command that writes a copy of the user's workbook goes through the one output guard: `lock`,
 * `unlock`, `log -o`, `ledger`, `merge`, `forms --master-out`; and so does each notice `notices` writes. The output is never one of the
 * command's inputs under another name (the workbook, a form, the rules file; even with --force), never
 * an existing file without --force, never a folder or a path under a file; refused with exit code 2,
 * a plain message, and nothing written or left behind.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { presetRules } from "../../src/core/rules/rules";
import { clonePreset, docCriteria } from "../core/helpers";
import { fillWorkbook } from "../forms/helpers";
import { EXAMPLE, tempDir } from "./helpers";
import { run } from "./in-process";

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const dir = tempDir();
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  fs.copyFileSync(EXAMPLE, at("bang-diem.xlsx"));
  fs.copyFileSync(EXAMPLE, at("phieu.xlsx"));
  const decision = ["--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--province", "Thái Bình"];
  expect((await run(["score", at("bang-diem.xlsx"), "-o", at("cham.xlsx"), "--annex", ...decision])).code).toBe(1);
  expect((await run(["lock", at("cham.xlsx"), "--confirm-errors", "-o", at("chot.xlsx")])).code).toBe(0);
  const rules = clonePreset();
  rules.groups[0].criteria = docCriteria();
  fs.writeFileSync(at("quy-tac.json"), JSON.stringify(rules), "utf8");
  fs.writeFileSync(at("co-san.xlsx"), "tệp của người dùng");
  fs.mkdirSync(at("thu-muc"));
});

/** Each command with the output it is given, and the inputs it reads (the first is linked to). */
const COMMANDS: [string, (out: string) => string[], string[]][] = [
  ["lock", (out) => ["lock", at("cham.xlsx"), "--confirm-errors", "-o", out], ["cham.xlsx"]],
  ["unlock", (out) => ["unlock", at("chot.xlsx"), "-o", out, "--reason", "Sửa điểm"], ["chot.xlsx"]],
  ["log -o", (out) => ["log", at("cham.xlsx"), "-o", out], ["cham.xlsx"]],
  ["ledger", (out) => ["ledger", at("bang-diem.xlsx"), "-o", out, "--rules", at("quy-tac.json")], ["bang-diem.xlsx", "quy-tac.json"]],
  ["merge", (out) => ["merge", at("bang-diem.xlsx"), at("phieu.xlsx"), "-o", out], ["bang-diem.xlsx", "phieu.xlsx"]],
  ["forms --master-out", (out) => ["forms", at("bang-diem.xlsx"), "-o", at("phieu-moi"), "--master-out", out], ["bang-diem.xlsx"]],
];

describe.each(COMMANDS)("%s", (_name, args, inputs) => {
  const refused = async (output: string, message: RegExp, extra: string[] = []) => {
    const files = fs.readdirSync(dir).sort();
    const sums = inputs.map((f) => sha(at(f)));
    const r = await run([...args(output), ...extra]);
    expect([r.code, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/EISDIR|EEXIST|ENOTDIR|at .*\.js:\d+/);
    expect(fs.readdirSync(dir).sort()).toEqual(files);
    expect(inputs.map((f) => sha(at(f)))).toEqual(sums);
  };

  it.each(inputs)("refuses its input %s under another name (a symlink), even with --force", async (input) => {
    const link = at(`lien-ket-${Math.random().toString(36).slice(2)}.xlsx`);
    fs.symlinkSync(at(input), link);
    try {
      await refused(link, /^Lỗi: Tệp kết quả .* chính là tệp đầu vào .*cùng một tệp/m, ["--force"]);
    } finally {
      fs.rmSync(link);
    }
  });

  it("refuses an existing file without --force, the file unchanged", async () => {
    await refused(at("co-san.xlsx"), /^Lỗi: Tệp kết quả .*co-san\.xlsx” đã có\. Không ghi đè: .*--force/m);
    expect(fs.readFileSync(at("co-san.xlsx"), "utf8")).toBe("tệp của người dùng");
  });

  it("refuses a folder and a path under a file with a plain message", async () => {
    await refused(at("thu-muc"), /^Lỗi: “.*thu-muc” là một thư mục\./m);
    await refused(path.join(at("co-san.xlsx"), "ra.xlsx"), /^Lỗi: Không tạo được “.*ra\.xlsx”: “.*co-san\.xlsx” là một tệp, không phải thư mục\./m);
  });
});

describe("notices -o DIR", () => {
  let merged = "";
  let target = "";

  beforeAll(async () => {
    // A keyed master, one returned form with other scores than the grid's, merged: differences to notify.
    expect((await run(["forms", at("bang-diem.xlsx"), "-o", at("phieu-tb"), "--master-out", at("co-khoa.xlsx")])).code).toBe(0);
    const form = path.join(at("phieu-tb"), fs.readdirSync(at("phieu-tb"))[0]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const rules = presetRules();
    fillWorkbook(wb, rules, Object.fromEntries(rules.groups.map((g) => [g.name, 1])));
    await wb.xlsx.writeFile(form);
    merged = at("da-gop.xlsx");
    expect((await run(["merge", at("co-khoa.xlsx"), form, "-o", merged])).stdout).toContain("da-gop.xlsx");
    const made = await run(["notices", merged, "-o", at("thu-nghiem")]);
    expect(made.code).toBe(0);
    target = fs.readdirSync(at("thu-nghiem"))[0];
    expect(target).toMatch(/^thong-bao-.*\.xlsx$/);
  });

  it("refuses a notice's name that is the master under another name (a symlink), even with --force; writes none", async () => {
    const out = at("tb-lien-ket");
    fs.mkdirSync(out);
    fs.symlinkSync(merged, path.join(out, target));
    const before = sha(merged);
    const r = await run(["notices", merged, "-o", out, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Tệp kết quả .* chính là tệp đầu vào .*cùng một tệp/m);
    expect(sha(merged)).toBe(before);
    expect(fs.readdirSync(out)).toEqual([target]);
  });

  it("refuses a notice already there without --force, the file unchanged; replaces it with --force", async () => {
    const out = at("tb-co-san");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, target), "tệp của người dùng");
    const r = await run(["notices", merged, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/đã có\. Không ghi đè: .*--force/);
    expect(fs.readFileSync(path.join(out, target), "utf8")).toBe("tệp của người dùng");
    expect((await run(["notices", merged, "-o", out, "--force"])).code).toBe(0);
    expect(fs.readFileSync(path.join(out, target)).subarray(0, 2).toString()).toBe("PK");
  });
});
