/**
 * `--chart FILE` is an output of its own, through the same guard as -o: never the input (by
 * identity: a symlink, another spelling) nor last year's workbook, never an existing file without
 * --force, a clear message for a folder, nothing half-written; without -o it writes the chart alone
 * and says so, and nothing else.
 */
import * as fs from "fs";
import * as path from "path";
import { EXAMPLE, tempDir } from "./helpers";
import { run } from "./in-process";

describe("--chart through the output guard", () => {
  const dir = tempDir();
  const input = path.join(dir, "vao.xlsx");
  fs.copyFileSync(EXAMPLE, input);
  const original = fs.readFileSync(input);

  it("without -o: writes the chart alone and names only it", async () => {
    const svg = path.join(dir, "bieu-do.svg");
    const r = await run(["score", input, "--chart", svg]);
    expect(r.code).toBe(1); // the reference grid's 55 is an error finding
    expect(fs.readFileSync(svg, "utf8")).toMatch(/^<svg/);
    expect(r.stdout).toContain(`Biểu đồ: ${svg}.`);
    expect(r.stdout).not.toMatch(/Không ghi tệp nào/);
    expect(fs.readdirSync(dir).sort()).toEqual(["bieu-do.svg", "vao.xlsx"]);
  });

  it("an existing chart without --force: refused, exit 2, the file unchanged; with --force: replaced", async () => {
    const svg = path.join(dir, "co-san.svg");
    fs.writeFileSync(svg, "cũ");
    const r = await run(["score", input, "--chart", svg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/đã có\. Không ghi đè/);
    expect(fs.readFileSync(svg, "utf8")).toBe("cũ");
    expect((await run(["score", input, "--chart", svg, "--force"])).code).toBe(1);
    expect(fs.readFileSync(svg, "utf8")).toMatch(/^<svg/);
  });

  it("the input, even with --force and through a symlink: refused, the input untouched", async () => {
    const link = path.join(dir, "lien-ket.svg");
    fs.symlinkSync(input, link);
    for (const target of [input, link, path.join(dir, ".", "..", path.basename(dir), "vao.xlsx")]) {
      const r = await run(["score", input, "--chart", target, "--force"]);
      expect([target, r.code]).toEqual([target, 2]);
      expect(r.stderr).toMatch(/chính là tệp đầu vào/);
    }
    expect(fs.readFileSync(input).equals(original)).toBe(true);
  });

  it("last year's workbook, and the -o file itself: refused", async () => {
    const last = path.join(dir, "nam-truoc.xlsx");
    fs.copyFileSync(EXAMPLE, last);
    const r = await run(["score", input, "--previous", last, "--chart", last, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/chính là tệp đầu vào/);
    const same = path.join(dir, "ra.xlsx");
    const s = await run(["score", input, "-o", same, "--chart", same]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/trùng với tệp kết quả -o/);
    expect(fs.existsSync(same)).toBe(false);
  });

  it("a folder, and a path under a file: a clear message, nothing written", async () => {
    const folder = path.join(dir, "thu-muc");
    fs.mkdirSync(folder);
    const r = await run(["score", input, "--chart", folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/là một thư mục/);
    const under = await run(["score", input, "--chart", path.join(input, "bieu-do.svg")]);
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(/là một tệp, không phải thư mục/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it("each refusal names --chart and a chart file, never -o and a workbook (both languages)", async () => {
    const folder = path.join(dir, "thu-muc-bieu-do");
    fs.mkdirSync(folder);
    const existing = path.join(dir, "da-co.svg");
    fs.writeFileSync(existing, "cũ");
    for (const [target, force] of [
      [input, true],
      [existing, false],
      [folder, false],
      [path.join(input, "bieu-do.svg"), false],
    ] as const) {
      const args = ["score", input, "--chart", target, ...(force ? ["--force"] : [])];
      const vi = await run(args);
      const en = await run([...args, "--lang", "en"]);
      for (const r of [vi, en]) {
        expect([target, r.code]).toEqual([target, 2]);
        expect(r.stderr).toContain("--chart");
        expect(r.stderr).not.toMatch(/-o\b|\.xlsx"/);
      }
    }
    const r = await run(["score", input, "--chart", folder]);
    expect(r.stderr).toContain(`Hãy ghi tên tệp biểu đồ sau --chart, ví dụ --chart "${folder}/bieu-do.svg".`);
  });
});
