/**
 * The command line never loses or corrupts a file: a far stray cell, values that cannot be scores,
 * the output naming the input by another spelling, an existing output, a folder or a path under a
 * file as the output, no output at all.
 */
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { readPublishedAnnex } from "../fixtures/reference";
import { buildCli, EXAMPLE, ROOT, runCli, tempDir } from "./helpers";

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const published = readPublishedAnnex();
const num = (text: string) => Number(text.replace(",", "."));
const BIN = path.join(ROOT, "bin/xep-hang-cntt.js");

beforeAll(() => buildCli());

/** The example workbook with a change made by `edit`, saved as `file`. */
async function exampleWith(file: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  edit(wb.worksheets[0]);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Every number in every cell of every sheet of a workbook (values and cached formula results). */
async function numbersIn(file: string): Promise<number[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: number[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (typeof v === "number") out.push(v);
        if (v && typeof v === "object" && "result" in v && typeof (v as { result: unknown }).result === "number") out.push((v as { result: number }).result);
      }),
    );
  }
  return out;
}

describe("a stray value at XFD1048576", () => {
  const dir = tempDir();
  const input = path.join(dir, "xa.xlsx");
  const out = path.join(dir, "xa-ket-qua.xlsx");
  let run: { status: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    await exampleWith(input, (ws) => (ws.getCell("XFD1048576").value = "ghi chú lạc"));
    // A 96 MB heap: the sheet's declared extent (17 billion cells) would need thousands of times more.
    run = spawnSync(process.execPath, ["--max-old-space-size=96", BIN, "score", input, "-o", out, "--json"], { encoding: "utf8", timeout: 120000 });
  });

  it("is scored in bounded memory: the grid is still found and every published number comes out", () => {
    expect(run.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(run.status).toBe(1); // the published 55 above 50, as on the plain example
    const json = JSON.parse(run.stdout);
    expect(json.rows.map((r: { name: string; total: number; index: number }) => [r.name, r.total, r.index])).toEqual(
      published.rows.map((p) => [p.name, num(p.total), num(p.index)]),
    );
  });

  it("keeps the stray value where it was, and writes the results beside the grid", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.getCell("XFD1048576").value).toBe("ghi chú lạc");
    expect(ws.getCell("J4").value).toBe("Tổng điểm");
    expect(ws.getCell("J5").value).toBe(num(published.rows.find((p) => p.name === ws.getCell("B5").value)!.total));
  });
});

describe("values that cannot be scores (±1e308)", () => {
  const dir = tempDir();
  const input = path.join(dir, "vo-cuc.xlsx");
  const out = path.join(dir, "vo-cuc-ket-qua.xlsx");
  let json: {
    rows: { name: string; total: number | null; index: number | null; rank: number | null }[];
    findings: { cell: string; severity: string; message: string }[];
  };
  let run: ReturnType<typeof runCli>;
  let names: { c5: string; c6: string };

  beforeAll(async () => {
    await exampleWith(input, (ws) => {
      ws.getCell("D5").value = 1e308;
      ws.getCell("E6").value = -1e308;
      names = { c5: String(ws.getCell("B5").value), c6: String(ws.getCell("B6").value) };
    });
    run = runCli(["score", input, "-o", out, "--json", "--annex", "--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--year", "2020"]);
    json = JSON.parse(run.stdout);
  });

  it("are findings that name the cell, and leave those two agencies unscored", () => {
    expect(run.code).toBe(1);
    const notScores = json.findings.filter((f) => /không thể là điểm/.test(f.message));
    expect(notScores.map((f) => f.cell)).toEqual(["D5", "E6"]);
    for (const name of [names.c5, names.c6]) expect(json.rows.find((r) => r.name === name)).toMatchObject({ total: null, index: null, rank: null });
    expect(json.rows.filter((r) => r.rank !== null)).toHaveLength(17);
  });

  it("no output holds a non-finite number: not the JSON, not any cell of OUT.xlsx", async () => {
    expect(run.stdout).not.toMatch(/Infinity|NaN/);
    const numbers = await numbersIn(out);
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
    // The two cells keep what the user typed; no total, index or rank anywhere is beyond 1e15.
    expect(numbers.filter((n) => Math.abs(n) > 1e15).sort()).toEqual([-1e308, 1e308]);
  });
});

describe("the output is never the input, by any spelling", () => {
  const dir = tempDir();
  const input = path.join(dir, "dau-vao.xlsx");
  beforeAll(() => fs.copyFileSync(EXAMPLE, input));

  const refused = (output: string, cwd = dir) => {
    const before = sha(input);
    const r = runCli(["score", input, "-o", output, "--force"], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Tệp kết quả .* chính là tệp đầu vào .*cùng một tệp/m);
    const en = runCli(["score", input, "-o", output, "--force", "--lang", "en"], cwd);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^Error: The output file .* is the input file .*the same file under another name/m);
    expect(sha(input)).toBe(before);
    expect(fs.readdirSync(dir).filter((n) => n.includes(".tmp"))).toEqual([]);
  };

  it("through a symlink (even with --force): refused, exit 2, input untouched", () => {
    const link = path.join(dir, "lien-ket.xlsx");
    fs.symlinkSync(input, link);
    refused(link);
  });

  it("through a symlinked folder", () => {
    const folder = path.join(dir, "thu-muc-lien-ket");
    fs.symlinkSync(dir, folder);
    refused(path.join(folder, "dau-vao.xlsx"));
  });

  it("through a hard link (another name, the same file)", () => {
    const hard = path.join(dir, "ten-khac.xlsx");
    fs.linkSync(input, hard);
    refused(hard);
  });

  it("under its own name: says it is the input, not “under another name”", () => {
    const r = runCli(["score", "dau-vao.xlsx", "-o", "dau-vao.xlsx", "--force"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Lỗi: Tệp kết quả “dau-vao.xlsx” chính là tệp đầu vào. Tệp đầu vào không bao giờ bị ghi đè: hãy chọn tên khác cho -o.");
    const en = runCli(["score", "dau-vao.xlsx", "-o", "dau-vao.xlsx", "--force", "--lang", "en"], dir);
    expect(en.stderr).toContain("Error: The output file “dau-vao.xlsx” is the input file. The input is never overwritten: choose another name for -o.");
    for (const x of [r, en]) expect(x.stderr).not.toMatch(/tên khác\)|another name\)/);
  });

  it("through a relative spelling with ./ and ..", () => {
    fs.mkdirSync(path.join(dir, "sub"));
    refused("./sub/../dau-vao.xlsx");
  });
});

/**
 * A compound-file (OLE) container, as Excel writes a workbook encrypted with a password to open (streams
 * EncryptionInfo and EncryptedPackage) or an Excel 97–2003 .xls (stream Workbook): the 512-byte header with its
 * signature, then one directory sector of 128-byte entries named in UTF-16LE.
 */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entries = ["Root Entry", ...streams].map((name) => {
    const e = Buffer.alloc(128);
    e.write(name, 0, "utf16le");
    e.writeUInt16LE((name.length + 1) * 2, 64);
    e[66] = name === "Root Entry" ? 5 : 2;
    return e;
  });
  return Buffer.concat([header, ...entries, Buffer.alloc(512 - ((entries.length * 128) % 512))]);
}

describe("a workbook that is not an .xlsx package says what it is and what to do", () => {
  const dir = tempDir();

  it("encrypted with a password to open: remove the password (saving as .xlsx again would not help)", () => {
    const file = path.join(dir, "co-mat-khau.xlsx");
    fs.writeFileSync(file, compoundFile(["EncryptionInfo", "EncryptedPackage"]));
    const vi = runCli(["score", file]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain("được đặt mật khẩu mở (mã hóa)");
    expect(vi.stderr).toContain("bỏ mật khẩu");
    expect(vi.stderr).not.toContain("lưu lại dạng .xlsx");
    const en = runCli(["score", file, "--lang", "en"]);
    expect(en.stderr).toContain("is encrypted with a password to open");
  });

  it("an Excel 97–2003 .xls: save it as .xlsx", () => {
    const file = path.join(dir, "cu.xls");
    fs.writeFileSync(file, compoundFile(["Workbook", "SummaryInformation"]));
    const vi = runCli(["score", file]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain("là sổ tính Excel 97–2003 (.xls)");
    const en = runCli(["score", file, "--lang", "en"]);
    expect(en.stderr).toContain("is an Excel 97–2003 workbook (.xls)");
  });
});

describe("an existing output file is replaced only with --force", () => {
  const dir = tempDir();
  const out = path.join(dir, "ket-qua.xlsx");

  it("without --force: refused, exit 2, the file unchanged, and it says how", () => {
    fs.writeFileSync(out, "tệp của người dùng");
    const r = runCli(["score", EXAMPLE, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Tệp kết quả .* đã có\. Không ghi đè: .*--force/m);
    expect(r.stderr).not.toMatch(/Error:/);
    const en = runCli(["score", EXAMPLE, "-o", out], undefined, { LANG: "en_US.UTF-8" });
    expect(en.stderr).toMatch(/^Error: The output file .* already exists\. Nothing was overwritten: .*--force/m);
    expect(fs.readFileSync(out, "utf8")).toBe("tệp của người dùng");
  });

  it("with --force: replaced by the scored workbook", async () => {
    const r = runCli(["score", EXAMPLE, "-o", out, "--force"]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].getCell("J4").value).toBe("Tổng điểm");
    expect(fs.readdirSync(dir)).toEqual(["ket-qua.xlsx"]);
  });
});

describe("-o naming a folder or a path under a file: a plain message, exit 2, nothing left behind", () => {
  const dir = tempDir();

  const refused = (output: string, message: RegExp, english: RegExp) => {
    const before = fs.readdirSync(dir).sort();
    const r = runCli(["score", EXAMPLE, "-o", output]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    const en = runCli(["score", EXAMPLE, "-o", output], undefined, { LANG: "en_US.UTF-8" });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(english);
    expect(r.stderr).not.toMatch(/EISDIR|EEXIST|ENOTDIR|at .*\.js:\d+/);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  };

  it("an existing folder", () => {
    fs.mkdirSync(path.join(dir, "out"));
    refused(path.join(dir, "out"), /^Lỗi: “.*out” là một thư mục\./m, /^Error: “.*out” is a folder\./m);
  });

  it("a name ending in a slash", () => refused(path.join(dir, "moi") + "/", /^Lỗi: “.*moi\/” là một thư mục\./m, /is a folder/));

  it("a path under a file", () => {
    fs.writeFileSync(path.join(dir, "tep.xlsx"), "x");
    refused(
      path.join(dir, "tep.xlsx", "ket-qua.xlsx"),
      /^Lỗi: Không tạo được “.*ket-qua\.xlsx”: “.*tep\.xlsx” là một tệp, không phải thư mục\./m,
      /^Error: Cannot create .* is a file, not a folder\./m,
    );
  });

  it("a path two levels under a file", () => {
    fs.writeFileSync(path.join(dir, "tep2.xlsx"), "x");
    refused(path.join(dir, "tep2.xlsx", "a", "b.xlsx"), /là một tệp, không phải thư mục/, /is a file, not a folder/);
  });
});

describe("-o is optional: without it the workbook is scored and nothing is written", () => {
  const dir = tempDir();

  it("prints the ranking, says no file was written, and the folder stays empty", () => {
    const r = runCli(["score", EXAMPLE], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Hạng\s+Cơ quan/);
    expect(r.stdout).toContain("Sở Thông tin và Truyền thông");
    expect(r.stdout).toContain("Không ghi tệp nào (không có -o).");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("with --json, prints the JSON only", () => {
    const r = runCli(["score", EXAMPLE, "--json"], dir);
    expect(JSON.parse(r.stdout).rows).toHaveLength(19);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
