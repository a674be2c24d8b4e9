/**
 * The command line's own words: no add-in words (no “xác nhận”, no “bấm”), English numbers and agreement in English
 * output, `--version`, `--explain` without `-o` refused with the reason.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { findingMessage, makeFinding } from "../../src/core/findings/findings";
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
