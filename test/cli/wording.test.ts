/**
 * The command line's own words: no add-in words (no “xác nhận”, no “bấm”), English numbers and agreement in English
 * output, `--version`, `--explain` without `-o` refused with the reason.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { CLI_MESSAGES } from "../../src/cli/messages";
import { main } from "../../src/cli/main";
import { findingMessage, makeFinding } from "../../src/core/findings/findings";
import { FORM_MESSAGES } from "../../src/core/forms/form-messages";
import { NOTICE_MESSAGES } from "../../src/core/forms/notices";
import { EXAMPLE, ROOT, tempDir } from "./helpers";

async function run(args: string[], LANG = "vi_VN.UTF-8") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false, env: { LANG } });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const DECISION = ["--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--province", "Thái Bình"];

describe("the command line's words", () => {
  const dir = tempDir();

  test("--annex on a table with errors: the annex is made and the message says to correct and run again, not to confirm", async () => {
    for (const [LANG, confirm, again] of [
      ["vi_VN.UTF-8", /xác nhận|bấm/, "rồi chạy lại lệnh trước khi trình ký"],
      ["en_US.UTF-8", /confirm|click/i, "run the command again before signing"],
    ] as const) {
      const out = path.join(dir, `annex-${LANG}.xlsx`);
      const r = await run(["score", EXAMPLE, "-o", out, "--annex", ...DECISION], LANG);
      expect(r.code).toBe(1);
      expect(fs.existsSync(out)).toBe(true);
      const annexLine = r.stderr.split("\n").find((l) => l.includes("H10") && /phụ lục|annex/.test(l))!;
      expect(annexLine).toContain(again);
      expect(annexLine).not.toMatch(confirm);
    }
  });

  test("English output: numbers written the English way in the ranking (497.1, 0.998), agreement in the summary", async () => {
    const r = await run(["score", EXAMPLE], "en_US.UTF-8");
    expect(r.stdout).toMatch(/Sở Thông tin và Truyền thông\s+497\.1\s+0\.998\s+Tốt/);
    expect(r.stdout).not.toMatch(/\d,\d/);
    expect(r.stdout).toContain("19 agencies.");
    const vi = await run(["score", EXAMPLE]);
    expect(vi.stdout).toMatch(/497,1\s+0,998/);
  });

  test("--version prints the package's version", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `xep-hang-cntt ${version}`, stderr: "" });
  });

  test("--explain without -o says it needs one (both languages), and writes nothing", async () => {
    const vi = await run(["score", EXAMPLE, "--explain"]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain("--explain thêm trang “Giải trình” vào tệp kết quả, nên cần -o RA.xlsx.");
    const en = await run(["score", EXAMPLE, "--explain"], "en_US.UTF-8");
    expect(en.stderr).toContain("--explain adds the “Giải trình” sheet to the output file, so it needs -o OUT.xlsx.");
  });
});

test("legacy-encoded text: the command line says --fix-encoding, never the add-in's button", () => {
  const f = makeFinding(
    "legacyText",
    4,
    1,
    { row: 0, col: 0 },
    { agency: "Sở Y tế", group: "", value: "Tªn", detail: "Tên", cells: ["B5"], encoding: "tcvn3" },
  );
  expect(findingMessage(f, "vi", "cli")).toContain("Hãy chạy lại với --fix-encoding");
  expect(findingMessage(f, "en", "cli")).toContain("Run again with --fix-encoding");
  for (const lang of ["vi", "en"] as const) expect(findingMessage(f, lang, "cli")).not.toMatch(/bấm|Chuyển mã|click|Convert encoding|add-in/i);
  expect(findingMessage(f, "vi")).toContain("bấm “Chuyển mã”"); // the pane's words stay
});

/** The example workbook changed by `change` (on its score sheet), written to `file`. */
async function changedExample(file: string, change: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  change(wb, wb.getWorksheet("Chấm điểm 2020")!);
  await wb.xlsx.writeFile(file);
  return file;
}

const ADDIN_WORDS = /bấm|Tính điểm|click|“Score”/i;

describe("refusals say what to do on the command line, not in the add-in", () => {
  const dir = tempDir();

  test("an empty sheet: name the grid's sheet with --sheet and run again (the pane keeps “bấm lại Tính điểm”)", async () => {
    const file = await changedExample(path.join(dir, "trong.xlsx"), (wb) => void wb.addWorksheet("Trống"));
    const vi = await run(["score", file, "--sheet", "Trống"]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain("Trang tính đang trống. Hãy chỉ ra trang tính có bảng điểm");
    expect(vi.stderr).toContain("bằng --sheet “TÊN TRANG”, rồi chạy lại lệnh.");
    const en = await run(["score", file, "--sheet", "Trống"], "en_US.UTF-8");
    expect(en.stderr).toContain("with --sheet “SHEET NAME”, then run the command again.");
    for (const r of [vi, en]) expect(r.stderr).not.toMatch(ADDIN_WORDS);
  });

  test("the result columns hold the user's text: move it and run the command again; nothing written", async () => {
    let cell = "";
    const file = await changedExample(path.join(dir, "ghi-de.xlsx"), (_wb, ws) => {
      let header = 0;
      ws.eachRow((row, n) => row.eachCell((c) => (header ||= c.value === "Tên cơ quan" ? n : 0)));
      const target = ws.getCell(header + 1, ws.getRow(header).cellCount + 1);
      target.value = "ghi chú riêng";
      cell = target.address;
    });
    const out = path.join(dir, "ghi-de-ra.xlsx");
    const vi = await run(["score", file, "-o", out]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain(`cột kết quả có nội dung không do add-in ghi (công thức hoặc chữ) ở ${cell}`);
    expect(vi.stderr).toContain("rồi chạy lại lệnh. Chưa có ô nào bị thay đổi.");
    const en = await run(["score", file, "-o", out], "en_US.UTF-8");
    expect(en.stderr).toContain("then run the command again. No cell has been changed.");
    for (const r of [vi, en]) expect(r.stderr).not.toMatch(ADDIN_WORDS);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a header typed in TCVN3: the finding says to run again with --fix-encoding (the JSON output: test/cli/legacy.test.ts)", async () => {
    const f = makeFinding(
      "legacyHeader",
      3,
      8,
      { row: 0, col: 0 },
      { agency: "", group: "notes", value: "Ghi chó", detail: "Ghi chú", cells: ["I4"], encoding: "tcvn3" },
    );
    expect(findingMessage(f, "vi", "cli")).toContain("cột này chưa được nhận ra nên chưa đọc ghi chú của các cơ quan");
    expect(findingMessage(f, "vi", "cli")).toMatch(/Hãy chạy lại với --fix-encoding\.$/);
    expect(findingMessage(f, "en", "cli")).toMatch(/the column is not recognised, so .* Run again with --fix-encoding\.$/);
    for (const lang of ["vi", "en"] as const) expect(findingMessage(f, lang, "cli")).not.toMatch(/bấm|Chuyển mã|click|Convert encoding|add-in/i);
    expect(findingMessage(f, "vi")).toContain("Hãy bấm “Chuyển mã”"); // the pane's words stay
  });
});

test("English agreement in the forms' and merge's counts (1 agency, 2 agencies)", () => {
  const missing = (agencies: string[]) => CLI_MESSAGES.mergeMissing.en({ agencies, deadline: "" });
  expect(missing(["Sở Y tế"])).toBe("No form yet from 1 agency: Sở Y tế.");
  expect(missing(["Sở Y tế", "Sở Nội vụ"])).toBe("No form yet from 2 agencies: Sở Y tế, Sở Nội vụ.");
  expect(FORM_MESSAGES.merged.en({ merged: 1, forms: 1, writes: 1, differences: 1 })).toBe(
    "Merged 1 of 1 form: 1 score/note cell filled, 1 difference between self-assessed and appraised scores.",
  );
  expect(FORM_MESSAGES.merged.en({ merged: 2, forms: 3, writes: 8, differences: 0 })).toBe(
    "Merged 2 of 3 forms: 8 score/note cells filled, 0 differences between self-assessed and appraised scores.",
  );
  expect(FORM_MESSAGES.formsWritten.en({ count: 1, dir: "phieu" })).toBe("Created 1 self-assessment form in folder “phieu”:");
  expect(FORM_MESSAGES.returnedForms.en({ returned: 0, total: 1 })).toBe("Forms received from 0 of 1 agency. Not yet returned:");
  expect(NOTICE_MESSAGES.noticesWritten.en({ count: 1, dir: "tb" })).toBe("Created 1 notice of appraisal results in folder “tb”:");
  expect(FORM_MESSAGES.nothingMerged.en({ forms: 1 })).toMatch(/^The file could not be merged/);
  expect(FORM_MESSAGES.nothingMerged.en({ forms: 2 })).toMatch(/^None of the 2 files could be merged/);
});

test("an unknown command lists every command --help shows, in both languages, and each of them runs", async () => {
  const help = (await run(["--help"])).stdout;
  const commands = [...new Set([...help.matchAll(/^\s*xep-hang-cntt ([a-z]+)\b/gm)].map((m) => m[1]))];
  expect(commands).toEqual(expect.arrayContaining(["score", "notices", "log", "ledger", "criteria"]));
  for (const LANG of ["vi_VN.UTF-8", "en_US.UTF-8"]) {
    const r = await run(["tinh"], LANG);
    expect(r.code).toBe(2);
    for (const c of commands) expect(r.stderr).toContain(`“${c}”`);
  }
  // Each listed command is one the tool knows: without its file it asks for the file, never "unknown command".
  for (const c of commands) expect((await run([c])).stderr).not.toContain("Lệnh không hợp lệ");
});

test("--help on “without -o” does not say nothing is written while --chart writes its file (both languages)", async () => {
  for (const [LANG, line] of [
    ["vi_VN.UTF-8", /^Không có -o:.*$/m],
    ["en_US.UTF-8", /^Without -o:.*$/m],
  ] as const) {
    const said = line.exec((await run(["--help"], LANG)).stdout)?.[0] ?? "";
    expect(said).toContain("--chart");
  }
});

describe("a decision number or date given on the command line that differs from the one stored in the workbook", () => {
  const dir = tempDir();
  const stored = path.join(dir, "da-luu.xlsx");
  beforeAll(async () => {
    expect((await run(["score", EXAMPLE, "-o", stored, "--annex", ...DECISION])).code).toBe(1);
  });

  test("is said before signing, both values named (the published annex's 05/04/2021 against the decision's 05/01/2021)", async () => {
    const vi = await run(["score", stored, "-o", path.join(dir, "ngay-khac.xlsx"), "--annex", "--decision-date", "05/04/2021"]);
    expect(vi.stderr).toContain(
      "Lưu ý: Ngày ký quyết định 05/04/2021 (--decision-date) khác ngày đã lưu trong sổ tính (05/01/2021). Phụ lục và sổ tính kết quả dùng 05/04/2021: hãy đối chiếu với quyết định trước khi trình ký.",
    );
    const en = await run(["score", stored, "--decision-number", "07/QĐ-UBND"], "en_US.UTF-8");
    expect(en.stderr).toContain(
      "Note: The decision number 07/QĐ-UBND (--decision-number) differs from the one stored in the workbook (06/QĐ-UBND). The annex and the output workbook use 07/QĐ-UBND: check it against the decision before it is signed.",
    );
  });

  test("the same date written another way (5/1/2021), or the same number: nothing said", async () => {
    const r = await run(["score", stored, "--decision-date", "5/1/2021", "--decision-number", " 06/QĐ-UBND "]);
    expect(r.stderr).not.toMatch(/khác (ngày|số) đã lưu/);
  });
});
