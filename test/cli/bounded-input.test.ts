/**
 * score's own input (and --previous, and the input of lock and ledger) read within bounds: a zip bomb in the grid sheet, the shared
 * strings or a part the tool never reads gives a clear Vietnamese message naming the file, exit code
 * 2, nothing written, under a 4 GB address-space limit and in bounded time.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { bombed } from "../forms/bombs";
import { clonePreset, docCriteria } from "../core/helpers";
import { BIN, buildCli, EXAMPLE, tempDir } from "./helpers";

const dir = tempDir();
const source = new Uint8Array(fs.readFileSync(EXAMPLE));
const bombs: Record<string, string> = {};

function runLimited(args: string[]) {
  const r = spawnSync("bash", ["-c", 'ulimit -v 4194304 && exec "$0" "$@"', process.execPath, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, LANG: "vi_VN.UTF-8", LC_ALL: "", LC_MESSAGES: "", FORCE_COLOR: "0" },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  buildCli();
  for (const [name, part] of [
    ["bom-trang-tinh.xlsx", "xl/worksheets/sheet1.xml"],
    ["bom-chuoi.xlsx", "xl/sharedStrings.xml"],
    ["bom-custom.xlsx", "customXml/item1.xml"],
  ]) {
    bombs[name] = path.join(dir, name);
    fs.writeFileSync(bombs[name], bombed(source, part));
  }
});

it.each(["bom-trang-tinh.xlsx", "bom-chuoi.xlsx"])("refuses %s as score's input with a clear message, exit code 2, nothing written", (name) => {
  const out = path.join(dir, `ket-qua-${name}`);
  const run = runLimited(["score", bombs[name], "-o", out, "--annex"]);
  expect(run.signal).toBeNull();
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`Tệp “${bombs[name]}” giải nén ra quá lớn để đọc an toàn: phần “`);
  expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  expect(fs.existsSync(out)).toBe(false);
});

it("scores a workbook whose bomb is in a part it never reads, and copies that part as stored", () => {
  const out = path.join(dir, "ket-qua-custom.xlsx");
  const run = runLimited(["score", bombs["bom-custom.xlsx"], "-o", out]);
  expect(run.signal).toBeNull();
  expect([0, 1]).toContain(run.code);
  expect(fs.statSync(out).size).toBeLessThan(8 * 2 ** 20);
});

it("refuses a bombed --previous workbook the same way", () => {
  const run = runLimited(["score", EXAMPLE, "--previous", bombs["bom-trang-tinh.xlsx"], "--force-previous"]);
  expect(run.signal).toBeNull();
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`Tệp “${bombs["bom-trang-tinh.xlsx"]}” giải nén ra quá lớn để đọc an toàn: phần “`);
});

it.each([
  ["lock", "bom-trang-tinh.xlsx"],
  ["lock", "bom-chuoi.xlsx"],
  ["ledger", "bom-trang-tinh.xlsx"],
])("%s refuses %s the same way (exit code 2, nothing written)", (command, name) => {
  const rules = clonePreset();
  rules.groups[0].criteria = docCriteria();
  fs.writeFileSync(path.join(dir, "quy-tac.json"), JSON.stringify(rules), "utf8");
  const out = path.join(dir, `${command}-${name}`);
  const run = runLimited([command, bombs[name], "-o", out, ...(command === "ledger" ? ["--rules", path.join(dir, "quy-tac.json")] : [])]);
  expect(run.signal).toBeNull();
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`Tệp “${bombs[name]}” giải nén ra quá lớn để đọc an toàn: phần “`);
  expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  expect(fs.existsSync(out)).toBe(false);
});
