import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { readSheet, readStore } from "../../src/cli/workbook";
import { writeStore } from "../../src/xlsx/exceljs-sheet";
import { ddmmyyyy, hhmm } from "../../src/core/base/catalogue";
import { groupOfHeader } from "../../src/core/grid/grid";
import { encodeLegacy } from "../../src/core/text/legacy-encoding";
import { presetRules } from "../../src/core/rules/rules";
import { STORE_SHEET } from "../../src/core/store/store";
import { readPublishedAnnex } from "../fixtures/reference";
import { buildCli, EXAMPLE, runCli, tempDir } from "../cli/helpers";
import { fillWorkbook } from "./helpers";

const rules = presetRules();
const published = readPublishedAnnex();
const num = (text: string) => Number(text.replace(",", "."));
const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const GROUP_COLS = [3, 4, 5, 6, 7, 8]; // C..H in the example (1-based)

beforeAll(() => buildCli());

/** The example grid with every group score removed (what the province has before the forms come back). */
async function emptyMaster(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const ws = wb.worksheets[0];
  for (let r = 5; r <= 23; r++) for (const c of GROUP_COLS) ws.getCell(r, c).value = null;
  const file = path.join(dir, "bang-diem.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function fillForm(file: string, scores: Record<string, number | string>, evidence: Record<string, string> = {}): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const n = fillWorkbook(wb, rules, scores, evidence);
  await wb.xlsx.writeFile(file);
  return n;
}

const publishedScores = (name: string): Record<string, number> => {
  const row = published.rows.find((r) => r.name === name)!;
  const out: Record<string, number> = {};
  rules.groups.forEach((g, i) => {
    if (!(row.notes === "Không TTHC" && g.id === "dvctt")) out[g.name] = num(row.groups[i]);
  });
  return out;
};

describe("forms out, filled with the published scores, merged back, scored: the published annex", () => {
  const dir = tempDir();
  const formsDir = path.join(dir, "phieu");
  let master: string;
  let formsRun: ReturnType<typeof runCli>;
  let mergeRun: ReturnType<typeof runCli>;
  let masterSha: string;
  const formShas = new Map<string, string>();
  const out = path.join(dir, "da-gop.xlsx");

  let keyed: string;
  beforeAll(async () => {
    master = await emptyMaster(dir);
    masterSha = sha(master);
    keyed = path.join(dir, "bang-diem-co-khoa.xlsx");
    formsRun = runCli(["forms", master, "-o", formsDir, "--year", "2020", "--master-out", keyed]);
    for (const f of fs.readdirSync(formsDir)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(formsDir, f));
      const agency = readStore(wb).ok ? (readStore(wb) as { ok: true; state: { form?: { agency: string } } }).state.form!.agency : "";
      await fillForm(path.join(formsDir, f), publishedScores(agency), { [rules.groups[0].name]: `Báo cáo số ${f.length}/BC` });
    }
    for (const f of fs.readdirSync(formsDir)) formShas.set(f, sha(path.join(formsDir, f)));
    mergeRun = runCli(["merge", keyed, ...fs.readdirSync(formsDir).map((f) => path.join(formsDir, f)), "-o", out, "--json", "--year", "2020"]);
  });

  it("writes one form per agency, named without diacritics, and lists them", () => {
    expect(formsRun.code).toBe(0);
    expect(fs.readdirSync(formsDir)).toHaveLength(19);
    expect(fs.existsSync(path.join(formsDir, "so-tai-chinh.xlsx"))).toBe(true);
    expect(formsRun.stdout).toContain("Đã tạo 19 phiếu tự đánh giá");
    expect(formsRun.stdout).toContain(`Đã ghi bản bảng điểm có khóa tạo phiếu: ${keyed}.`);
    expect(formsRun.stdout).toContain("so-van-hoa-the-thao-va-du-lich.xlsx\tSở Văn hoá, Thể thao và Du lịch");
  });

  it("merges every form; the one finding is the published 55 above 50, named by file and cell; exit 1", () => {
    const json = JSON.parse(mergeRun.stdout);
    expect(mergeRun.code).toBe(1);
    expect(json.merged).toHaveLength(19);
    expect(json.merged).toContainEqual({ file: path.join(formsDir, "so-tai-chinh.xlsx"), agency: "Sở Tài chính" });
    expect(json.findings).toEqual([
      {
        file: path.join(formsDir, "van-phong-ubnd-tinh.xlsx"),
        cell: "C12",
        severity: "error",
        code: "aboveMax",
        message: expect.stringContaining("vượt điểm tối đa 50"),
      },
    ]);
    expect(json.differences).toEqual([]);
  });

  it("scores the merged workbook to the published annex", () => {
    const scored = runCli(["score", out, "-o", path.join(dir, "ket-qua.xlsx"), "--json"]);
    const json = JSON.parse(scored.stdout);
    const pick = (r: Record<string, unknown>) => ({ name: r.name, total: r.total, maxPoints: r.maxPoints, index: r.index, class: r.class, rank: r.rank });
    expect(json.rows.map(pick)).toEqual(
      published.rows.map((r) => ({
        name: r.name,
        total: num(r.total),
        maxPoints: r.notes === "Không TTHC" ? 398 : 498,
        index: num(r.index),
        class: r.className,
        rank: Number(r.stt),
      })),
    );
  });

  it("never modifies the master or the forms", () => {
    expect(sha(master)).toBe(masterSha);
    expect(formShas.size).toBe(19);
    for (const [f, before] of formShas) expect(sha(path.join(formsDir, f))).toBe(before);
  });

  it("adds the Tự đánh giá sheet (with the evidence and source file) and an empty Chênh lệch sheet, and stores the master's id", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chấm điểm 2020", "Tự đánh giá", "Chênh lệch", "Theo dõi phiếu", STORE_SHEET]);
    const track = readSheet(wb.getWorksheet("Theo dõi phiếu")!).values;
    expect(track[2]).toEqual(["STT", "Cơ quan", "Thời điểm tạo phiếu", "Đã gửi lại phiếu", "Tệp phiếu", "Thời điểm gộp", "Xác thực phiếu", "Đã gộp"]);
    expect(track.slice(3).every((r) => r[3] === "Có" && r[6] === "Đã xác thực" && r[7] === "Có")).toBe(true);
    // When each form was made: recorded by forms --master-out in the keyed copy merged into.
    expect(track.slice(3).every((r) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(String(r[2])))).toBe(true);
    const keyedStore = readStore(await new ExcelJS.Workbook().xlsx.readFile(keyed));
    expect(keyedStore.ok && keyedStore.state.formsMade!.map((m) => m.file).sort()).toEqual(fs.readdirSync(formsDir).sort());
    const self = readSheet(wb.getWorksheet("Tự đánh giá")!).values;
    expect(self).toHaveLength(3 + 19);
    const tc = self.find((r) => r[1] === "Sở Tài chính")!;
    expect(tc.slice(2, 4)).toEqual([50, "Báo cáo số 17/BC"]);
    expect(tc).toContain(path.join(formsDir, "so-tai-chinh.xlsx"));
    expect(readSheet(wb.getWorksheet("Chênh lệch")!).values).toHaveLength(3);
    const stored = readStore(wb);
    expect(stored.ok && stored.state.workbookId).toMatch(/^bd-[0-9a-f]{16}$/);
    expect(stored.ok && stored.state.selfAssessments).toHaveLength(19);
  });

  it("changes nothing when the same forms are merged into the merged workbook again", async () => {
    const again = path.join(dir, "gop-lai.xlsx");
    const run = runCli(["merge", out, ...fs.readdirSync(formsDir).map((f) => path.join(formsDir, f)), "-o", again, "--year", "2020"]);
    expect(run.stdout).toContain("Các phiếu này đã được gộp trước đó: bảng điểm không thay đổi.");
    const read = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb.worksheets.filter((w) => w.name !== STORE_SHEET).map((w) => readSheet(w).values);
    };
    expect(await read(again)).toEqual(await read(out));
  });

  it("records differences against the appraised scores already in the grid, for the council", async () => {
    // The merged workbook holds the scores now; a second, verified form of Sở Tài chính replaces its record and says so.
    const form = path.join(dir, "so-tai-chinh-sua.xlsx");
    fs.copyFileSync(path.join(formsDir, "so-tai-chinh.xlsx"), form);
    await fillForm(form, { "Hạ tầng kỹ thuật": 45 }, { "Hạ tầng kỹ thuật": "Công văn 88/STC" });
    const diff = path.join(dir, "chenh-lech.xlsx");
    const run = runCli(["merge", out, form, "-o", diff, "--json", "--year", "2020"]);
    const json = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(json.findings.map((f: { code: string }) => f.code)).toEqual(["recordReplaced"]);
    expect(json.merged).toEqual([{ file: form, agency: "Sở Tài chính" }]);
    expect(json.differences).toEqual([{ agency: "Sở Tài chính", group: "Hạ tầng kỹ thuật", self: 45, appraised: 50, evidence: "Công văn 88/STC" }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(diff);
    expect(readSheet(wb.getWorksheet("Chênh lệch")!).values[3].slice(0, 6)).toEqual([1, "Sở Tài chính", "Hạ tầng kỹ thuật", 45, 50, "Công văn 88/STC"]);
    expect(readSheet(wb.getWorksheet("Chấm điểm 2020")!).values[6][2]).toBe(50);
  });

  it("the council's conclusion on “Chênh lệch” feeds score: unconcluded it is a finding, concluded the grid takes it, logged; a later merge keeps it", async () => {
    const diff = path.join(dir, "chenh-lech.xlsx");
    const unconcluded = JSON.parse(runCli(["score", diff, "--json"]).stdout);
    const open = unconcluded.findings.filter((f: { code: string }) => f.code === "differenceNotConcluded");
    expect(open.map((f: { cell: string }) => f.cell)).toEqual(["'Chênh lệch'!H4"]);
    // The council accepts Sở Tài chính's 45 (cell H4) with its reason (J4).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(diff);
    const sheet = wb.getWorksheet("Chênh lệch")!;
    sheet.getCell("H4").value = "Chấp nhận tự chấm";
    sheet.getCell("J4").value = "Công văn 88/STC đủ căn cứ";
    const concluded = path.join(dir, "ket-luan.xlsx");
    await wb.xlsx.writeFile(concluded);
    const scored = path.join(dir, "ket-luan-da-tinh.xlsx");
    const run = runCli(["score", concluded, "-o", scored, "--json", "--by", "Hội đồng"]);
    const json = JSON.parse(run.stdout);
    expect(json.findings.filter((f: { code: string }) => f.code.startsWith("conclusion") || f.code === "differenceNotConcluded")).toEqual([]);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(scored);
    expect(readSheet(after.getWorksheet("Chấm điểm 2020")!).values[6][2]).toBe(45);
    const stored = readStore(after);
    const last = stored.ok ? stored.state.log!.entries.at(-1)! : null;
    expect(last?.by).toBe("Hội đồng");
    expect(last?.cells).toContainEqual(["C7", "50", "45"]);
    // Merged again, the concluded row stays with its conclusion and reason (no longer a difference: the grid took 45).
    const form = path.join(dir, "so-tai-chinh-sua.xlsx");
    const again = path.join(dir, "gop-sau-ket-luan.xlsx");
    runCli(["merge", scored, form, "-o", again, "--year", "2020"]);
    const merged = new ExcelJS.Workbook();
    await merged.xlsx.readFile(again);
    expect(readSheet(merged.getWorksheet("Chênh lệch")!).values[3].slice(1, 10)).toEqual([
      "Sở Tài chính",
      "Hạ tầng kỹ thuật",
      45,
      50,
      "Công văn 88/STC",
      "",
      "Chấp nhận tự chấm",
      "",
      "Công văn 88/STC đủ căn cứ",
    ]);
  });

  it("notices out (one per agency with a difference, protected, reply cells unlocked) and replies back: merge puts each reply in “Kiến nghị”", async () => {
    const diff = path.join(dir, "chenh-lech.xlsx");
    const noticesDir = path.join(dir, "thong-bao");
    const out = runCli(["notices", diff, "-o", noticesDir, "--deadline", "15/01/2021"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("Đã tạo 1 thông báo kết quả thẩm định");
    expect(fs.readdirSync(noticesDir)).toEqual(["thong-bao-so-tai-chinh.xlsx"]);
    const file = path.join(noticesDir, "thong-bao-so-tai-chinh.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("Thông báo kết quả");
    expect((ws as unknown as { sheetProtection: { sheet?: boolean } | null }).sheetProtection?.sheet).toBe(true);
    expect(ws.getCell("G7").protection?.locked).toBe(false);
    expect(ws.getCell("D7").protection?.locked).not.toBe(false);
    expect([ws.getCell("B7").value, ws.getCell("C7").value, ws.getCell("D7").value, ws.getCell("A3").value]).toEqual([
      "Hạ tầng kỹ thuật",
      45,
      50,
      "Hạn gửi lại ý kiến: 15/01/2021",
    ]);
    // The agency fills its reply in the unlocked cell, in plain Excel, and sends the file back.
    ws.getCell("G7").value = "Đề nghị giữ 45: Công văn 88/STC đã gửi kèm";
    await wb.xlsx.writeFile(file);
    const back = path.join(dir, "co-kien-nghi.xlsx");
    const merged = runCli(["merge", diff, file, "-o", back, "--json", "--year", "2020"]);
    expect(merged.code).toBe(0);
    const json = JSON.parse(merged.stdout);
    expect(json.replies).toEqual([{ agency: "Sở Tài chính", group: "Hạ tầng kỹ thuật", reply: "Đề nghị giữ 45: Công văn 88/STC đã gửi kèm", file }]);
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(back);
    const row = readSheet(result.getWorksheet("Chênh lệch")!).values[3];
    expect(row.slice(1, 7)).toEqual(["Sở Tài chính", "Hạ tầng kỹ thuật", 45, 50, "Công văn 88/STC", "Đề nghị giữ 45: Công văn 88/STC đã gửi kèm"]);
  });

  it("keeps the key in the master copy only: never in a form, and forms refuse a keyless master without --master-out", async () => {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(keyed);
    const state = readStore(copy);
    const key = state.ok ? state.state.formKey! : "";
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const form = new ExcelJS.Workbook();
    await form.xlsx.readFile(path.join(formsDir, "so-y-te.xlsx"));
    expect(JSON.stringify(form.worksheets.map((w) => readSheet(w).values))).not.toContain(key);
    expect(JSON.stringify(readStore(form))).not.toContain("formKey");
    const refused = runCli(["forms", master, "-o", path.join(dir, "phieu-2"), "--year", "2020"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--master-out");
    expect(fs.existsSync(path.join(dir, "phieu-2"))).toBe(false);
    // The keyed copy makes forms without --master-out, under the same key: they verify.
    expect(runCli(["forms", keyed, "-o", path.join(dir, "phieu-3"), "--year", "2020"]).code).toBe(0);
    await fillForm(path.join(dir, "phieu-3", "so-y-te.xlsx"), publishedScores("Sở Y tế"));
    const merged = runCli(["merge", keyed, path.join(dir, "phieu-3", "so-y-te.xlsx"), "-o", path.join(dir, "k.xlsx"), "--json", "--year", "2020"]);
    expect(JSON.parse(merged.stdout).findings).toEqual([]);
  });

  it("forms without --master-out: each form keeps when it was made, the command says the master does not, and Theo dõi phiếu shows it once merged", async () => {
    // A keyed master that recorded no form made (made before the times were recorded, or its record lost).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(keyed);
    const stored = readStore(wb);
    if (!stored.ok) throw new Error("store");
    const { formsMade: _made, ...state } = stored.state;
    void _made;
    writeStore(wb, state);
    const unrecorded = path.join(dir, "bang-diem-khoa-cu.xlsx");
    await wb.xlsx.writeFile(unrecorded);
    const before = sha(unrecorded);
    const made = runCli(["forms", unrecorded, "-o", path.join(dir, "phieu-4"), "--year", "2020"]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`Thời điểm tạo phiếu không được ghi vào “${unrecorded}” (lệnh không sửa tệp đầu vào)`);
    expect(made.stdout).toContain("--master-out BẢN-SAO.xlsx");
    expect(sha(unrecorded)).toBe(before);
    const form = path.join(dir, "phieu-4", "so-y-te.xlsx");
    const identity = readStore(await new ExcelJS.Workbook().xlsx.readFile(form));
    const madeAt = identity.ok ? (identity.state.form as { madeAt?: string }).madeAt! : "";
    expect(Math.abs(Date.parse(madeAt) - Date.now())).toBeLessThan(10 * 60_000);
    await fillForm(form, publishedScores("Sở Y tế"));
    const out = path.join(dir, "theo-doi-khoa-cu.xlsx");
    expect(runCli(["merge", unrecorded, form, "-o", out, "--year", "2020"]).code).toBe(0);
    const track = readSheet((await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet("Theo dõi phiếu")!).values;
    expect(track.find((r) => r[1] === "Sở Y tế")!.slice(2, 4)).toEqual([`${ddmmyyyy(madeAt)} ${hhmm(madeAt)}`, "Có"]);
    expect(track.find((r) => r[1] === "Sở Tài chính")!.slice(2, 4)).toEqual(["Không có ghi nhận", "Chưa"]);
    // With --master-out the copy records it, and nothing is said about it.
    const recorded = runCli(["forms", unrecorded, "-o", path.join(dir, "phieu-5"), "--year", "2020", "--master-out", path.join(dir, "ghi-lai.xlsx")]);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).not.toContain("Thời điểm tạo phiếu không được ghi");
  });

  it("refuses a form whose hidden agency was changed, naming the file; merging it into the keyless master cannot verify it either", async () => {
    const forged = path.join(dir, "gia-mao.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(formsDir, "so-tai-chinh.xlsx"));
    const store = wb.getWorksheet(STORE_SHEET)!;
    store.eachRow((row) => row.eachCell((cell) => typeof cell.value === "string" && (cell.value = cell.value.replace("Sở Tài chính", "Sở Y tế"))));
    await wb.xlsx.writeFile(forged);
    const run = runCli(["merge", keyed, forged, "-o", path.join(dir, "g.xlsx"), "--json", "--year", "2020"]);
    const json = JSON.parse(run.stdout);
    expect(json.merged).toEqual([]);
    expect(json.findings.map((f: { file: string; code: string }) => [f.file, f.code])).toEqual([[forged, "identityNotVerified"]]);
    const keyless = runCli(["merge", master, path.join(formsDir, "so-y-te.xlsx"), "-o", path.join(dir, "h.xlsx"), "--json", "--year", "2020"]);
    expect(JSON.parse(keyless.stdout).findings.map((f: { code: string }) => f.code)).toEqual(["identityNotVerified"]);
  });
});

describe("the form file", () => {
  const dir = tempDir();
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    expect(runCli(["forms", EXAMPLE, "-o", dir, "--year", "2020", "--master-out", path.join(tempDir(), "khoa.xlsx")]).code).toBe(0);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "van-phong-ubnd-tinh.xlsx"));
  });

  it("is protected without a password; only the input cells are unlocked", () => {
    const ws = wb.getWorksheet("Phiếu tự đánh giá")!;
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.hashValue).toBeUndefined();
    const unlocked: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++)
      for (let c = 1; c <= 8; c++) if (ws.getCell(r, c).protection?.locked === false) unlocked.push(ws.getCell(r, c).address);
    // Row 10 (Cung cấp DVCTT) is exempt for this agency (Không TTHC); the notes cell C14 is merged across C14:E14.
    expect(unlocked).toEqual(["C7", "E7", "C8", "E8", "C9", "E9", "C11", "E11", "C12", "E12", "C14", "D14", "E14"]);
  });

  it("validates scores 0..max with a Vietnamese input message, totals with a formula, keeps its identity hidden", () => {
    const ws = wb.getWorksheet("Phiếu tự đánh giá")!;
    expect(ws.getCell("C12").dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 50],
      showInputMessage: true,
      prompt: "Nhập điểm từ 0 đến 50 (số thập phân được, ví dụ 81,05).",
    });
    expect(ws.getCell("C13").formula).toBe("SUM(C7:C12)");
    expect(ws.getCell("C10").value).toBe("Miễn chấm");
    expect(wb.getWorksheet(STORE_SHEET)!.state).toBe("veryHidden");
    const stored = readStore(wb);
    expect(stored.ok && stored.state.form).toMatchObject({ agency: "Văn phòng UBND tỉnh", year: 2020, kind: "phieu-tu-danh-gia" });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1, fitToHeight: 1 });
  });
});

describe("merge: findings, exit codes, inputs", () => {
  const dir = tempDir();
  let formsDir: string;
  /** The example with the form key (written by forms --master-out). */
  const MASTER = path.join(dir, "danh-gia-2020.xlsx");
  beforeAll(async () => {
    formsDir = path.join(dir, "phieu");
    expect(runCli(["forms", EXAMPLE, "-o", formsDir, "--year", "2020", "--master-out", MASTER]).code).toBe(0);
    // Sở Y tế's form filled as the example's grid holds its scores: merged without a finding.
    await fillForm(path.join(formsDir, "so-y-te.xlsx"), publishedScores("Sở Y tế"));
  });

  it("exits 2 on an unusable master and writes nothing", () => {
    const out = path.join(dir, "x.xlsx");
    const missing = runCli(["merge", path.join(dir, "khong-co.xlsx"), path.join(formsDir, "so-y-te.xlsx"), "-o", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Không tìm thấy tệp");
    const notGrid = runCli(["merge", path.join(formsDir, "so-y-te.xlsx"), path.join(formsDir, "so-noi-vu.xlsx"), "-o", out]);
    expect(notGrid.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("careless input from the command line: a renamed group label, a formula without its value, an empty form, a blank score are findings naming file and cell; the agency's note stays out of the grid's Ghi chú", async () => {
    const copy = async (agency: string, name: string, change: (ws: ExcelJS.Worksheet) => void, scores: Record<string, number> = {}) => {
      const file = path.join(dir, name);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(formsDir, `${agency}.xlsx`));
      fillWorkbook(wb, rules, scores);
      change(wb.worksheets.find((w) => w.state === "visible")!);
      await wb.xlsx.writeFile(file);
      return file;
    };
    const cellOf = (ws: ExcelJS.Worksheet, text: string) => {
      let found: ExcelJS.Cell | undefined;
      ws.eachRow((row) => row.eachCell((cell) => (found ??= cell.value === text ? cell : undefined)));
      return found!;
    };
    const all = Object.fromEntries(rules.groups.map((g) => [g.name, 30]));
    const renamed = await copy("so-xay-dung", "doi-ten.xlsx", (ws) => (cellOf(ws, rules.groups[1].name).value = "Ứng dụng công nghệ"), all);
    const formula = await copy(
      "so-cong-thuong",
      "cong-thuc.xlsx",
      (ws) => {
        const label = cellOf(ws, rules.groups[2].name);
        ws.getCell(Number(label.row), Number(label.col) + 1).value = { formula: "30+0" } as ExcelJS.CellFormulaValue;
      },
      all,
    );
    const empty = await copy("so-noi-vu", "trong.xlsx", () => undefined);
    const { [rules.groups[4].name]: _skipped, ...allButOne } = all;
    void _skipped;
    const blank = await copy(
      "so-tu-phap",
      "thieu-diem.xlsx",
      (ws) => (ws.getCell(Number(cellOf(ws, "Ghi chú").row), Number(cellOf(ws, "Ghi chú").col) + 2).value = "Đã bổ sung tài liệu ngày 20/12"),
      allButOne,
    );
    const out = path.join(dir, "cau-tha.xlsx");
    const run = runCli(["merge", MASTER, renamed, formula, empty, blank, "-o", out, "--json", "--year", "2020"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.findings.map((f: { file: string; code: string; cell: string }) => [f.file, f.code, f.cell])).toEqual([
      [empty, "formIncomplete", ""],
      [renamed, "groupNotFound", "B8"],
      [formula, "formulaNoValue", "C9"],
      [blank, "formIncomplete", "C11"],
    ]);
    expect(json.findings[1].message).toContain("ô B8: ghi “Ứng dụng công nghệ” thay vì tên nhóm");
    expect(json.merged.map((m: { agency: string }) => m.agency).sort()).toEqual(["Sở Công thương", "Sở Tư pháp", "Sở Xây dựng"]);
    // The note is the agency's claim: in Tự đánh giá, never in the grid's Ghi chú.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const grid = readSheet(wb.getWorksheet("Chấm điểm 2020")!).values;
    expect(JSON.stringify(grid)).not.toContain("Đã bổ sung tài liệu");
    const self = readSheet(wb.getWorksheet("Tự đánh giá")!).values;
    expect(self.find((r) => r[1] === "Sở Tư pháp")).toContain("Đã bổ sung tài liệu ngày 20/12");
  });

  it("exits 2 when -o is the master or a form", () => {
    const run = runCli(["merge", MASTER, path.join(formsDir, "so-y-te.xlsx"), "-o", path.join(formsDir, "so-y-te.xlsx")]);
    expect(run.code).toBe(2);
  });

  it("reports an unreadable file, a non-form and a form for another year; none merged, nothing written (exit 2)", () => {
    const junk = path.join(dir, "hong.xlsx");
    fs.writeFileSync(junk, "không phải xlsx");
    const out = path.join(dir, "ra.xlsx");
    const before = sha(path.join(formsDir, "so-y-te.xlsx"));
    const run = runCli(["merge", MASTER, junk, EXAMPLE, path.join(formsDir, "so-y-te.xlsx"), "-o", out, "--json", "--year", "2021"]);
    const json = JSON.parse(run.stdout);
    expect(run.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(json.findings.map((f: { file: string; code: string }) => [f.file, f.code])).toEqual([
      [junk, "unreadable"],
      [EXAMPLE, "notAForm"],
      [path.join(formsDir, "so-y-te.xlsx"), "otherYear"],
    ]);
    expect(Object.keys(json)).toEqual(["merged", "missing", "findings", "differences"]);
    expect(json.missing).toHaveLength(19); // nothing merged: every agency is still missing
    expect(sha(path.join(formsDir, "so-y-te.xlsx"))).toBe(before);
  });

  it("takes the year from the grid's title when the master stores none (no --year)", () => {
    const run = runCli(["merge", MASTER, path.join(formsDir, "so-y-te.xlsx"), "-o", path.join(dir, "nam.xlsx"), "--json"]);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("never replaces an existing output without --force, nor an input under another name even with it", () => {
    const form = path.join(formsDir, "so-y-te.xlsx");
    const out = path.join(dir, "da-co.xlsx");
    fs.writeFileSync(out, "tệp của người dùng");
    const refused = runCli(["merge", MASTER, form, "-o", out, "--year", "2020"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("đã có");
    expect(refused.stderr).not.toContain("already exists");
    // In English (LANG=en_US.UTF-8): the same refusal in English only.
    const english = runCli(["merge", MASTER, form, "-o", out, "--year", "2020"], undefined, { LANG: "en_US.UTF-8" });
    expect(english.code).toBe(2);
    expect(english.stderr).toMatch(/^Error: The output file .* already exists\. .*--force/m);
    expect(english.stderr).not.toContain("đã có");
    expect(fs.readFileSync(out, "utf8")).toBe("tệp của người dùng");
    const forced = runCli(["merge", MASTER, form, "-o", out, "--year", "2020", "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    // A link to a form is that form: refused even with --force, the form unchanged.
    const link = path.join(dir, "lien-ket.xlsx");
    fs.symlinkSync(form, link);
    const before = sha(form);
    const viaLink = runCli(["merge", MASTER, form, "-o", link, "--year", "2020", "--force"]);
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toContain("chính là tệp đầu vào");
    expect(sha(form)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("forms: a form already in the folder (a returned one, say) is kept unless --force", async () => {
    const form = path.join(formsDir, "so-y-te.xlsx");
    fs.appendFileSync(form, "");
    const before = sha(form);
    const again = runCli(["forms", MASTER, "-o", formsDir, "--year", "2020"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("đã có");
    expect(sha(form)).toBe(before);
    const forced = runCli(["forms", MASTER, "-o", formsDir, "--year", "2020", "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readdirSync(formsDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await fillForm(form, publishedScores("Sở Y tế")); // filled again, for the tests below
  });

  it("says a missing form was not found, names forms by the path given, and writes nothing when nothing merged (exit 2, a refusal)", () => {
    const out = path.join(dir, "khong-gop.xlsx");
    const missing = path.join(dir, "thieu", "so-y-te.xlsx");
    const run = runCli(["merge", MASTER, missing, "-o", out, "--year", "2020"]);
    expect(run.code).toBe(2);
    // The master given as its own returned form: nothing merged, nothing written, exit 2.
    const itself = runCli(["merge", MASTER, MASTER, "-o", out, "--year", "2020"]);
    expect(itself.code).toBe(2);
    expect(itself.stdout).toContain("Không gộp được phiếu nào trong 1 tệp");
    expect(fs.existsSync(out)).toBe(false);
    expect(run.stdout).toContain("Không gộp được phiếu nào trong 1 tệp");
    expect(run.stdout).not.toContain("đã được gộp trước đó");
    expect(run.stderr).toContain(`Không tìm thấy tệp “${missing}”`);
    expect(fs.existsSync(out)).toBe(false);
    // Two different so-y-te.xlsx from two folders: each named by its own path.
    const other = path.join(dir, "thu-muc-khac");
    fs.mkdirSync(other, { recursive: true });
    fs.writeFileSync(path.join(other, "so-y-te.xlsx"), "hỏng");
    const two = runCli(["merge", MASTER, path.join(formsDir, "so-y-te.xlsx"), path.join(other, "so-y-te.xlsx"), "-o", out, "--json", "--year", "2020"]);
    const json = JSON.parse(two.stdout);
    expect(json.merged).toEqual([{ file: path.join(formsDir, "so-y-te.xlsx"), agency: "Sở Y tế" }]);
    expect(json.findings.map((f: { file: string; code: string }) => [f.file, f.code])).toEqual([[path.join(other, "so-y-te.xlsx"), "unreadable"]]);
  });

  it("lists who has not returned a form, with the deadline given, in JSON, in text and on the Theo dõi phiếu sheet", async () => {
    const out = path.join(dir, "theo-doi.xlsx");
    const run = runCli(["merge", MASTER, path.join(formsDir, "so-y-te.xlsx"), "-o", out, "--json", "--year", "2020", "--deadline", "20/12/2020"]);
    const json = JSON.parse(run.stdout);
    expect(json.deadline).toBe("20/12/2020");
    expect(json.missing).toHaveLength(18);
    const text = runCli(["merge", MASTER, path.join(formsDir, "so-y-te.xlsx"), "-o", path.join(dir, "theo-doi-2.xlsx"), "--year", "2020"]);
    expect(text.stdout).toContain("Chưa có phiếu của 18 cơ quan: Sở Thông tin và Truyền thông, Sở Lao động TBXH,");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const track = readSheet(wb.getWorksheet("Theo dõi phiếu")!).values;
    expect(track[0][0]).toBe("THEO DÕI PHIẾU TỰ ĐÁNH GIÁ (HẠN GỬI 20/12/2020)");
    const yTe = track.find((r) => r[1] === "Sở Y tế")!;
    expect(yTe.slice(3, 5)).toEqual(["Có", path.join(formsDir, "so-y-te.xlsx")]);
    expect(yTe[2]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/); // its form made (forms --master-out)
    expect(track.find((r) => r[1] === "Sở Tài chính")!.slice(3, 4)).toEqual(["Chưa"]);
    const stored = readStore(wb);
    expect(stored.ok && stored.state.decision?.formsDeadline).toBe("20/12/2020");
  });

  it("refuses a --deadline that is not a real date (as the pane's field does), writing nothing", () => {
    const out = path.join(dir, "han-sai.xlsx");
    const run = runCli(["merge", MASTER, path.join(formsDir, "so-y-te.xlsx"), "-o", out, "--year", "2020", "--deadline", "31/02/2021"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--deadline phải là ngày dạng dd/mm/yyyy (đang là “31/02/2021”).");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("reads a form whose group labels were retyped in TCVN3, naming the cells; the file is not changed", async () => {
    const file = path.join(dir, "so-y-te-abc.xlsx");
    fs.copyFileSync(path.join(formsDir, "so-y-te.xlsx"), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets.find((w) => w.state === "visible")!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && groupOfHeader(rules, cell.value) >= 0) cell.value = encodeLegacy(cell.value, "tcvn3");
      }),
    );
    await wb.xlsx.writeFile(file);
    const before = sha(file);
    const run = runCli(["merge", MASTER, file, "-o", path.join(dir, "abc.xlsx"), "--json", "--year", "2020"]);
    const json = JSON.parse(run.stdout);
    expect(json.merged).toEqual([{ file, agency: "Sở Y tế" }]);
    expect(json.findings).toEqual([
      expect.objectContaining({
        file,
        code: "legacyInForm",
        severity: "warning",
        cell: "B7, B8, B9, B10, B11, B12",
        message: expect.stringContaining("bảng mã TCVN3 (ABC)"),
      }),
    ]);
    expect(run.code).toBe(1);
    expect(sha(file)).toBe(before);
  });

  it("exits 0 when every form merged without a finding", () => {
    const run = runCli(["merge", MASTER, path.join(formsDir, "so-y-te.xlsx"), "-o", path.join(dir, "ok.xlsx"), "--year", "2020"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đã gộp 1/1 phiếu");
  });
});
