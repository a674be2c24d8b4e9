import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { PRESET_THAI_BINH_2020 } from "../../src/core/rules/rules";
import { STORE_SHEET } from "../../src/core/store/store";
import { decodeStore } from "../../src/core/store/store";
import { readPublishedAnnex } from "../fixtures/reference";
import { buildCli, EXAMPLE, runCli, tempDir } from "./helpers";
import { readSheet } from "../../src/cli/workbook";

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const published = readPublishedAnnex();
const num = (text: string) => Number(text.replace(",", "."));

beforeAll(() => buildCli());

describe("xep-hang-cntt score on the reference workbook", () => {
  const dir = tempDir();
  const out = path.join(dir, "ket-qua.xlsx");
  let run: ReturnType<typeof runCli>;
  let before: string;

  beforeAll(() => {
    before = sha(EXAMPLE);
    run = runCli(["score", EXAMPLE, "-o", out, "--json", "--annex", "--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--year", "2020"]);
  });

  it("prints JSON equal to the published annex, numbers as exact JSON numbers", () => {
    const json = JSON.parse(run.stdout);
    expect(json.rows).toEqual(
      published.rows.map((r) => ({
        name: r.name,
        block: null,
        total: num(r.total),
        maxPoints: r.notes === "Không TTHC" ? 398 : 498,
        index: num(r.index),
        class: r.className,
        rank: Number(r.stt),
        toNextClass: r.className === "Tốt" ? null : { class: r.className === "Khá" ? "Tốt" : "Khá", points: expect.any(Number), reachable: true },
        // rows[].groups: each group's points as published (the group an agency is exempt from: null).
        groups: Object.fromEntries(PRESET_THAI_BINH_2020.groups.map((g, i) => [g.id, r.notes === "Không TTHC" && g.id === "dvctt" ? null : num(r.groups[i])])),
      })),
    );
    expect(run.stdout).toContain('"total": 474.95');
  });

  it("exits 1 because of the 55 above 50, and names that cell", () => {
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.findings).toEqual([
      {
        code: "overMax",
        cell: "H10",
        severity: "error",
        message: expect.stringContaining("vượt điểm tối đa 50"),
        ifCorrected: { value: 50, total: 337.7, index: 0.848, class: "Khá", rank: 8 },
      },
    ]);
    expect(run.stderr).toContain("H10");
  });

  it("leaves the input file's bytes unchanged", () => {
    expect(sha(EXAMPLE)).toBe(before);
  });

  it("writes OUT.xlsx with the result columns, marks, the annex and the store", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Chấm điểm 2020")!;
    const { values } = readSheet(ws);
    expect(values[3].slice(9, 13)).toEqual(["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"]);
    const byName = new Map(values.slice(4, 23).map((r) => [r[1], r]));
    for (const p of published.rows) {
      const row = byName.get(p.name)!;
      expect(row.slice(9, 13)).toEqual([num(p.total), num(p.index), p.className, Number(p.stt)]);
    }
    expect(ws.getCell("K5").numFmt).toBe("0.000");
    expect(ws.getCell("H10").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("H9").fill?.type === "pattern" && (ws.getCell("H9").fill as ExcelJS.FillPattern).pattern === "solid").toBe(false);

    const annex = wb.getWorksheet("Phụ lục")!;
    const grid = readSheet(annex).values.map((r) => r.map(String));
    expect(grid[0][0]).toBe("KẾT QUẢ");
    expect(grid[2][0]).toBe("(Kèm theo Quyết định số 06/QĐ-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh)");
    expect(grid[4]).toEqual(published.header);
    // readSheet's rows end at their last non-empty cell (memory follows the cells that exist).
    const padded = (r: string[]) => [...r, ...new Array<string>(Math.max(0, 12 - r.length)).fill("")];
    published.rows.forEach((p, i) => expect(padded(grid[5 + i])).toEqual([p.stt, p.name, ...p.groups, p.total, p.index, p.className, p.notes]));
    expect(annex.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "5:5" });

    const store = wb.getWorksheet(STORE_SHEET)!;
    expect(store.state).toBe("veryHidden");
    const decoded = decodeStore(readSheet(store).values);
    expect(decoded.ok && decoded.state.decision).toMatchObject({ number: "06/QĐ-UBND", date: "05/01/2021", year: 2020 });
    expect(decoded.ok && decoded.state.annex?.sheetName).toBe("Phụ lục");
  });

  it("reads the decision back from the workbook it wrote, and replaces only its own annex", () => {
    const again = path.join(dir, "lan-2.xlsx");
    const r = runCli(["score", out, "-o", again, "--annex"]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("Phụ lục (2)");
  });

  it("prints the ranking as a table when not asked for JSON", () => {
    const r = runCli(["score", EXAMPLE, "-o", path.join(dir, "t.xlsx")]);
    expect(r.stdout).toMatch(/1\s+Sở Thông tin và Truyền thông\s+497,1\s+0,998\s+Tốt/);
    expect(r.stdout).toMatch(/19\s+Sở Khoa học và Công nghệ\s+307,3\s+0,617\s+Trung bình/);
  });
});

describe("unusable input: exit 2, one Vietnamese line, nothing written", () => {
  const dir = tempDir();
  const out = path.join(dir, "out.xlsx");

  const expectUnusable = (args: string[], message: RegExp, lines = 1) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(lines);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
  };

  it("missing file", () => expectUnusable(["score", path.join(dir, "khong-co.xlsx"), "-o", out], /Không tìm thấy tệp/));

  it("not a workbook", () => {
    const fake = path.join(dir, "gia.xlsx");
    fs.writeFileSync(fake, "đây không phải sổ tính");
    expectUnusable(["score", fake, "-o", out], /không phải là sổ tính Excel/);
  });

  it("no grid", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["Họ tên", "Điểm"]);
    const file = path.join(dir, "khong-bang.xlsx");
    await wb.xlsx.writeFile(file);
    expectUnusable(["score", file, "-o", out], /Không tìm thấy dòng tiêu đề.*Hạ tầng kỹ thuật/);
  });

  it("invalid rules: every problem listed, one a line (not “và 2 lỗi khác”)", () => {
    const rules = path.join(dir, "rules.json");
    const bad = JSON.parse(JSON.stringify({ ...PRESET_THAI_BINH_2020, classes: [{ name: "Tốt", minIndex: 2 }] }));
    bad.groups[0].alias = bad.groups[0].aliases;
    delete bad.groups[0].aliases;
    bad.rankBy = "điểm";
    fs.writeFileSync(rules, JSON.stringify(bad));
    expectUnusable(["score", EXAMPLE, "-o", out, "--rules", rules], /Quy tắc không hợp lệ \(tệp rules.json\), 3 lỗi:/, 4);
    const r = runCli(["score", EXAMPLE, "-o", out, "--rules", rules]);
    expect(r.stderr.trim().split("\n").slice(1)).toEqual([
      "  - groups[0].alias: trường không có trong định dạng — có phải “aliases”?",
      "  - classes[0].minIndex: Ngưỡng chỉ số phải là số từ 0 đến 1.",
      "  - rankBy: Căn cứ xếp hạng (rankBy) phải là một trong: “index”, “total”.",
    ]);
    expect(r.stderr).not.toMatch(/lỗi khác/);
  });

  it("rules that are not JSON", () => {
    const rules = path.join(dir, "hong.json");
    fs.writeFileSync(rules, "{ groups: ");
    expectUnusable(["score", EXAMPLE, "-o", out, "--rules", rules], /không phải JSON hợp lệ: ký tự “g” không đúng chỗ ở dòng 1, cột 3 \(/);
  });

  it("unknown sheet", () => expectUnusable(["score", EXAMPLE, "-o", out, "--sheet", "Không có"], /Không có trang tính “Không có”/));

  it("output the same as input", () => {
    const copy = path.join(dir, "ban-sao.xlsx");
    fs.copyFileSync(EXAMPLE, copy);
    const r = runCli(["score", copy, "-o", copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Tệp kết quả .* chính là tệp đầu vào/m);
    const en = runCli(["score", copy, "-o", copy], undefined, { LANG: "en_US.UTF-8" });
    expect(en.stderr).toMatch(/^Error: The output file .* is the input file/m);
  });

  it("an annex without a decision number", () => expectUnusable(["score", EXAMPLE, "-o", out, "--annex"], /Chưa nhập số quyết định/));

  it("bad arguments", () => {
    expectUnusable(["score"], /Thiếu tệp đầu vào/);
    expectUnusable(["score", EXAMPLE, "-o"], /Thiếu giá trị sau -o/);
  });
});

describe("rules from --rules change the result", () => {
  it("a 0,80 cut-off for Tốt moves agencies from Khá to Tốt", () => {
    const dir = tempDir();
    const rules = path.join(dir, "rules.json");
    fs.writeFileSync(
      rules,
      JSON.stringify({
        ...PRESET_THAI_BINH_2020,
        classes: [
          { name: "Tốt", minIndex: 0.8 },
          { name: "Khá", minIndex: 0.7 },
          { name: "Trung bình", minIndex: 0 },
        ],
      }),
    );
    const r = runCli(["score", EXAMPLE, "-o", path.join(dir, "o.xlsx"), "--rules", rules, "--json"]);
    const json = JSON.parse(r.stdout);
    expect(json.rows.filter((x: { class: string }) => x.class === "Tốt")).toHaveLength(10);
  });
});

describe("npx xep-hang-cntt", () => {
  it("is the package's bin, runnable with npx from the clone", () => {
    const r = spawnSync("npx", ["--no-install", "xep-hang-cntt", "--help"], { cwd: path.resolve(__dirname, "../.."), encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("xep-hang-cntt score IN.xlsx [-o OUT.xlsx [--force]]");
  });
});

describe("the command line follows the user's language (LC_ALL, LC_MESSAGES, LANG; --lang wins)", () => {
  const dir = tempDir();
  const EN = { LANG: "en_US.UTF-8" };

  it("LANG=en_US.UTF-8: the summary, the table, the findings and the notes in English; the annex stays Vietnamese", async () => {
    const out = path.join(dir, "english.xlsx");
    const r = runCli(
      ["score", EXAMPLE, "-o", out, "--annex", "--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--year", "2020"],
      undefined,
      EN,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Sheet “.*”: 19 agencies\.$/m);
    expect(r.stdout).toMatch(/^\s*Rank\s+Agency\s+Total\s+Index\s+Class$/m);
    expect(r.stdout).toMatch(/1\s+Sở Thông tin và Truyền thông\s+497\.1\s+0\.998\s+Tốt/);
    expect(r.stdout).toMatch(/^Written: .*english\.xlsx \(the annex on sheet “Phụ lục”\)\.$/m);
    expect(r.stderr).toMatch(/^ERROR Cell H10 \(.*\) holds 55, above the group's maximum of 50\. Check and correct it before signing\.$/m);
    expect(r.stderr).toMatch(/^ {2}→ Correcting 55 → 50: Total 337\.7; Index 0\.848; Khá \(instead of Tốt\); rank 8 \(instead of 6\)\.$/m);
    expect(r.stderr).toMatch(/^Note: No province yet: .* with --province/m);
    expect(r.stderr).toMatch(/^Note: The score table still has 1 error not yet fixed/m);
    expect(r.stdout + r.stderr).not.toMatch(/Trang tính|cơ quan\.|LỖI|Lưu ý|Đã ghi|Hạng/);
    // The annex is the official document: Vietnamese whatever the language of the messages.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const annex = readSheet(wb.getWorksheet("Phụ lục")!)
      .values.flat()
      .filter((v) => typeof v === "string")
      .join("\n");
    expect(annex).toContain("Kèm theo Quyết định số 06/QĐ-UBND");
    expect(annex).not.toMatch(/\b(Rank|Agency|Total|Index)\b/);
  });

  it("Vietnamese by default, and when LANG is not English", () => {
    for (const env of [{ LANG: "vi_VN.UTF-8" }, { LANG: "C.UTF-8" }, { LANG: "fr_FR.UTF-8" }]) {
      const r = runCli(["score", EXAMPLE], undefined, env);
      expect(r.stdout).toMatch(/^Trang tính “.*”: 19 cơ quan\.$/m);
      expect(r.stdout).toContain("Không ghi tệp nào (không có -o).");
      expect(r.stderr).toMatch(/^LỖI Ô H10 /m);
    }
  });

  it("LC_ALL, then LC_MESSAGES, then LANG; --lang over all of them", () => {
    const summary = (args: string[], env: Record<string, string>) => runCli(["score", EXAMPLE, ...args], undefined, env).stdout.split("\n")[0];
    expect(summary([], { LANG: "vi_VN.UTF-8", LC_ALL: "en_GB.UTF-8" })).toMatch(/19 agencies/);
    expect(summary([], { LANG: "en_US.UTF-8", LC_MESSAGES: "vi_VN.UTF-8" })).toMatch(/19 cơ quan/);
    expect(summary(["--lang", "en"], { LANG: "vi_VN.UTF-8" })).toMatch(/19 agencies/);
    expect(summary(["--lang=vi"], EN)).toMatch(/19 cơ quan/);
  });

  it("refusals and the help in the user's language, each its own text", () => {
    const en = runCli(["score", path.join(dir, "missing.xlsx")], undefined, EN);
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe(`Error: File “${path.join(dir, "missing.xlsx")}” was not found. Check the path.`);
    const badOption = runCli(["score", EXAMPLE, "--nope"], undefined, EN);
    expect(badOption.stderr.trim()).toBe("Error: Unknown option “--nope”. See: xep-hang-cntt --help");
    const noValue = runCli(["score", EXAMPLE, "--sheet"], undefined, EN);
    expect(noValue.stderr.trim()).toBe("Error: --sheet needs a value. See: xep-hang-cntt --help");
    const badLang = runCli(["score", EXAMPLE, "--lang", "fr"]);
    expect(badLang.code).toBe(2);
    expect(badLang.stderr.trim()).toBe("Lỗi: --lang phải là vi hoặc en (đang là “fr”). Xem: xep-hang-cntt --help");
    const help = runCli(["--help"], undefined, EN);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage:/);
    expect(help.stdout).toContain("xep-hang-cntt merge MASTER.xlsx FORM.xlsx...");
    expect(help.stdout).not.toContain("Cách dùng");
    expect(runCli(["--help"]).stdout).toMatch(/^Cách dùng:/);
  });

  it("forms and merge follow it too", () => {
    const refused = runCli(["forms", EXAMPLE, "-o", path.join(dir, "forms"), "--year", "2020"], undefined, EN);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Error: Workbook “.*” has no form key yet .* --master-out MASTER-WITH-KEY\.xlsx; .* No form was made\.$/m);
    const r = runCli(["forms", EXAMPLE, "-o", path.join(dir, "forms"), "--year", "2020", "--master-out", path.join(dir, "with-key.xlsx")], undefined, EN);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Written the copy of the workbook with the form key:");
    expect(r.stdout).toMatch(/^Created 19 self-assessment forms in folder “.*forms”:$/m);
    const merge = runCli(["merge", EXAMPLE], undefined, EN);
    expect(merge.code).toBe(2);
    expect(merge.stderr.trim()).toBe("Error: The forms to merge are missing: merge MASTER.xlsx FORM.xlsx... -o OUT.xlsx. See: xep-hang-cntt --help");
  });
});
