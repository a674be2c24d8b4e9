/**
 * The task pane's weight (issue 11): the JavaScript and CSS taskpane.html loads itself stay within
 * 100 000 bytes gzipped, and what the first screen does not need comes in chunks of their own, loaded on
 * first use. Builds the task pane in production mode (webpack's Node API, the project's config) into a
 * temporary directory; bench/sections/pane-size.js prints the same figures next to Microsoft's template.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const paneSize = require("../bench/sections/pane-size.js") as {
  buildTaskpane(outDir: string): Promise<unknown>;
  measure(dir: string): { initial: { file: string; gz: number }[]; later: { file: string; gz: number }[] };
  TEMPLATE_BYTES: number;
};

jest.setTimeout(600_000);

let dir: string;
let sizes: ReturnType<typeof paneSize.measure>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pane-size-test-"));
  await paneSize.buildTaskpane(dir);
  sizes = paneSize.measure(dir);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("taskpane.html loads one script of its own, at most 100 000 bytes gzipped (the React template's hello-world: 168 047)", () => {
  expect(sizes.initial.map((f) => f.file)).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]+\.js$/)]);
  const total = sizes.initial.reduce((n, f) => n + f.gz, 0);
  expect(total).toBeLessThanOrEqual(100_000);
  expect(total / paneSize.TEMPLATE_BYTES).toBeLessThan(0.6);
});

test("the scoring engine, the settings' rules check, the Phụ lục, Quy tắc and Phiếu tabs and ExcelJS are chunks loaded later", () => {
  const later = sizes.later.map((f) => f.file);
  for (const name of ["engine", "settings", "annex-tab", "rules-tab", "forms-tab", "previous-year", "score-extras", "exceljs"]) {
    expect(later).toContainEqual(expect.stringMatching(new RegExp(`^${name}\\.[0-9a-f]+\\.js$`)));
  }
});

test("the first script holds none of the engine, the rules validator, the tabs' code or Fluent's TabList, MessageBar, Spinner and Button", () => {
  const initial = fs.readFileSync(path.join(dir, sizes.initial[0].file), "utf8");
  // Class names and texts only these parts carry (minifiers keep strings).
  const absent = ["fui-TabList", "fui-MessageBar", "fui-Spinner", "fui-Accordion", "fui-Checkbox", "fui-Button__icon", "Sổ tính chưa có quy tắc riêng"];
  expect(absent.filter((marker) => initial.includes(marker))).toEqual([]);
  // What the first screen shows is there.
  const present = ["Tính điểm", "Hoàn tác", "Chưa có lần tính nào"];
  expect(present.filter((marker) => !initial.includes(marker))).toEqual([]);
});
