import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildCli, EXAMPLE, runCli, tempDir } from "./helpers";
import { readSheet, readStore, writeStore } from "../../src/cli/workbook";
import { encodeLegacy } from "../../src/core/text/legacy-encoding";

beforeAll(() => buildCli());

interface Row {
  name: string;
  rank: number;
  toNextClass: { class: string; points: number; reachable: boolean } | null;
  previousRank?: number | null;
  rankChange?: number | null;
  rankChangeText?: string;
}

describe("--explain, --chart and the JSON explanations on the reference workbook", () => {
  const dir = tempDir();
  const out = path.join(dir, "ket-qua.xlsx");
  const svg = path.join(dir, "bieu-do", "chi-so.svg");
  let run: ReturnType<typeof runCli>;
  let json: { rows: Row[]; findings: { code: string }[] };

  beforeAll(() => {
    run = runCli(["score", EXAMPLE, "-o", out, "--json", "--explain", "--chart", svg, "--year", "2020"]);
    json = JSON.parse(run.stdout);
  });

  it("rows[].toNextClass: Sở Y tế lacks 0,201 for Tốt; null in the top class", () => {
    const yte = json.rows.find((r) => r.name === "Sở Y tế")!;
    expect(yte.toNextClass).toEqual({ class: "Tốt", points: 0.201, reachable: true });
    expect(json.rows[0].toNextClass).toBeNull();
    expect(json.rows.find((r) => r.name === "Sở Khoa học và Công nghệ")!.toNextClass!.class).toBe("Khá");
    // Without --previous there is no comparison to claim.
    expect(yte).not.toHaveProperty("previousRank");
  });

  it("the text output says what correcting the 55 would change", () => {
    const text = runCli(["score", EXAMPLE, "-o", path.join(dir, "text.xlsx")]);
    expect(text.stderr).toContain("→ Nếu sửa 55 → 50: Tổng 337,7; Chỉ số 0,848; Khá (thay vì Tốt); hạng 8 (thay vì 6).");
  });

  it("writes a Giải trình sheet: one page per agency, in rank order, with points lost, the maximum and the distance to the next class", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Giải trình")!;
    expect(ws).toBeDefined();
    const { values } = readSheet(ws);
    const titles = values.map((r, i) => [i, String(r[0])] as const).filter(([, t]) => t.startsWith("GIẢI TRÌNH KẾT QUẢ"));
    expect(titles).toHaveLength(19);
    expect(values[titles[0][0] + 1][0]).toBe("Sở Thông tin và Truyền thông");
    // Page breaks before each agency but the first.
    // ExcelJS does not read page breaks back: they are read from the sheet's XML.
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.startsWith("xl/worksheets/sheet"))
        .map((f) => zip.file(f)!.async("string")),
    );
    const withBreaks = sheets.filter((x) => x.includes("<rowBreaks"));
    expect(withBreaks).toHaveLength(1);
    const breaks = [...withBreaks[0].matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    // A break after the last row of each page (1-based id = the 0-based first row of the next page).
    expect(breaks).toEqual(titles.slice(1).map(([i]) => i));
    const page = (name: string) => {
      const at = titles.findIndex(([i]) => values[i + 1][0] === name);
      const end = at + 1 < titles.length ? titles[at + 1][0] : values.length;
      return values.slice(titles[at][0], end).map((r) => r.filter((c) => c !== "").join(" | "));
    };
    const yte = page("Sở Y tế");
    expect(yte).toContain("Còn thiếu 0,201 điểm để đạt Tốt.");
    expect(yte).toContain("Cơ chế, chính sách | 100 | 60 | 40");
    expect(yte).toContain("Tổng cộng | 498 | 422,85 | 75,15");
    const ngoaiVu = page("Sở Ngoại vụ");
    expect(ngoaiVu.join("\n")).toContain(
      "Điểm tối đa: 398 điểm = 498 điểm (tổng điểm tối đa chung) − 100 điểm nhóm “Cung cấp DVCTT” (Không TTHC: không có thủ tục hành chính).",
    );
    expect(ngoaiVu.join("\n")).toContain("Xếp hạng: 15 trên 19 cơ quan. Liền trên: 14. Sở Văn hoá, Thể thao và Du lịch (chỉ số 0,726).");
  });

  it("writes the chart as SVG: every agency labelled, sorted as ranked, bands from the rules", () => {
    const text = fs.readFileSync(svg, "utf8");
    expect(text.startsWith("<svg")).toBe(true);
    const labels = [...text.matchAll(/<title>(\d+)\. ([^<]+)<\/title>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(labels).toHaveLength(19);
    expect(labels.map(([r]) => r)).toEqual([...labels.map(([r]) => r)].sort((a, b) => Number(a) - Number(b)));
    expect(labels[7]).toEqual([8, "Sở Y tế"]);
    expect(text).toContain("Tốt (≥ 0,85)");
    expect(text).toContain("Khá (≥ 0,70)");
  });
});

/** Last year's workbook: the example with other scores, one agency renamed and one name in capitals. */
async function lastYear(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const ws = wb.worksheets[0];
  ws.eachRow((row, r) => {
    // Last year's title says 2019 (a workbook of the same year is refused without --force-previous).
    if (r < 4) row.eachCell((cell) => typeof cell.value === "string" && (cell.value = cell.value.replace(/2020/g, "2019")));
    const name = String(row.getCell(2).value ?? "");
    if (name === "Sở Y tế") row.getCell(7).value = 100; // Cơ chế 60 → 100: 462,85 → 0,929, rank 3 last year
    if (name === "Sở Khoa học và Công nghệ") row.getCell(2).value = "Sở Khoa học, Công nghệ và Môi trường";
    if (name === "Sở Nội vụ") row.getCell(2).value = "SỞ NỘI VỤ";
    if (name === "Sở Tư pháp") row.getCell(2).value = encodeLegacy("Sở Tư pháp", "tcvn3"); // an old workbook in TCVN3
  });
  await wb.xlsx.writeFile(file);
}

describe("--previous LAST.xlsx", () => {
  const dir = tempDir();
  const last = path.join(dir, "nam-truoc.xlsx");
  let run: ReturnType<typeof runCli>;
  let rows: Row[];

  beforeAll(async () => {
    await lastYear(last);
    run = runCli(["score", EXAMPLE, "-o", path.join(dir, "out.xlsx"), "--json", "--previous", last]);
    rows = JSON.parse(run.stdout).rows;
  });

  it("gives last year's rank and the change, matching names whatever their case", () => {
    const yte = rows.find((r) => r.name === "Sở Y tế")!;
    expect([yte.rank, yte.previousRank, yte.rankChange, yte.rankChangeText]).toEqual([8, 3, -5, "▼5"]);
    // Last year Y tế was 3rd, so the agencies now 3rd to 7th were one place lower; Nội vụ (in
    // capitals last year) was 9th then as now.
    const noiVu = rows.find((r) => r.name === "Sở Nội vụ")!;
    expect([noiVu.rank, noiVu.previousRank, noiVu.rankChange, noiVu.rankChangeText]).toEqual([9, 9, 0, "="]);
    const gtvt = rows.find((r) => r.name === "Sở Giao thông Vận tải")!;
    expect([gtvt.rank, gtvt.previousRank, gtvt.rankChange, gtvt.rankChangeText]).toEqual([7, 8, 1, "▲1"]);
    const vp = rows.find((r) => r.name === "Văn phòng UBND tỉnh")!;
    expect([vp.previousRank, vp.rankChangeText]).toEqual([7, "▲1"]);
    // Typed in TCVN3 last year, matched once converted: 11th both years.
    const tuPhap = rows.find((r) => r.name === "Sở Tư pháp")!;
    expect([tuPhap.previousRank, tuPhap.rankChangeText]).toEqual([11, "="]);
  });

  it("a renamed agency is “mới” and last year's name is named on stderr", () => {
    const khcn = rows.find((r) => r.name === "Sở Khoa học và Công nghệ")!;
    expect([khcn.previousRank, khcn.rankChange, khcn.rankChangeText]).toEqual([null, null, "mới"]);
    expect(run.stderr).toContain("Sở Khoa học, Công nghệ và Môi trường");
  });

  it("adds “Xếp hạng năm trước” and “Tăng/giảm” next to the results; a second run reuses them", async () => {
    const read = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return readSheet(wb.getWorksheet("Chấm điểm 2020")!).values;
    };
    const values = await read(path.join(dir, "out.xlsx"));
    const header = values[3];
    const prev = header.indexOf("Xếp hạng năm trước");
    const change = header.indexOf("Tăng/giảm");
    expect([prev, change]).toEqual([13, 14]); // right after J–M
    const row = (name: string) => values.find((r) => r[1] === name)!;
    expect([row("Sở Y tế")[prev], row("Sở Y tế")[change]]).toEqual([3, "▼5"]);
    expect([row("Sở Khoa học và Công nghệ")[prev], row("Sở Khoa học và Công nghệ")[change]]).toEqual(["", "mới"]);
    runCli(["score", path.join(dir, "out.xlsx"), "-o", path.join(dir, "out2.xlsx"), "--previous", last]);
    const again = await read(path.join(dir, "out2.xlsx"));
    expect(again[3].filter((h) => h === "Xếp hạng năm trước")).toHaveLength(1);
    expect(again.find((r) => r[1] === "Sở Y tế")![change]).toBe("▼5");
  });

  it("--annex-previous: the annex shows “Xếp hạng năm trước” and “Tăng/giảm”; without it, it does not", async () => {
    const annexOf = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets.find((w) => w.name !== "Chấm điểm 2020" && w.state !== "veryHidden" && w.state !== "hidden")!;
      return readSheet(ws).values;
    };
    const decision = ["--annex", "--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--year", "2020"];
    const withCols = path.join(dir, "phu-luc-co.xlsx");
    const r = runCli(["score", EXAMPLE, "-o", withCols, "--previous", last, "--annex-previous", ...decision]);
    expect(r.code).not.toBe(2);
    const values = await annexOf(withCols);
    const header = values.find((row) => row.includes("Tên cơ quan"))!;
    const prev = header.indexOf("Xếp hạng năm trước");
    const change = header.indexOf("Tăng/giảm");
    expect([prev > 0, change]).toEqual([true, prev + 1]);
    expect(header[change + 1]).toBe("Ghi chú");
    const row = (name: string) => values.find((v) => v[1] === name)!;
    expect([row("Sở Y tế")[prev], row("Sở Y tế")[change]]).toEqual(["3", "▼5"]);
    expect([row("Sở Khoa học và Công nghệ")[prev], row("Sở Khoa học và Công nghệ")[change]]).toEqual(["", "mới"]);

    const without = path.join(dir, "phu-luc-khong.xlsx");
    runCli(["score", EXAMPLE, "-o", without, "--previous", last, ...decision]);
    const plain = (await annexOf(without)).find((row) => row.includes("Tên cơ quan"))!;
    expect(plain).not.toContain("Xếp hạng năm trước");
    expect(plain).not.toContain("Tăng/giảm");
  });

  it("the choice stored with the decision (the add-in's checkbox) works as --annex-previous; without --previous the annex has no such column and stderr says why", async () => {
    const annexHeader = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets.find((w) => w.name === "Phụ lục")!;
      return readSheet(ws).values.find((row) => row.includes("Tên cơ quan"))!;
    };
    const first = path.join(dir, "co-quyet-dinh.xlsx");
    runCli(["score", EXAMPLE, "-o", first, "--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--year", "2020"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const stored = readStore(wb);
    if (!stored.ok) throw new Error(stored.message);
    writeStore(wb, { ...stored.state, decision: { ...stored.state.decision, annexPrevious: true } });
    const chosen = path.join(dir, "da-chon.xlsx");
    await wb.xlsx.writeFile(chosen);

    const withCols = path.join(dir, "da-chon-phu-luc.xlsx");
    expect(runCli(["score", chosen, "-o", withCols, "--previous", last, "--annex"]).code).not.toBe(2);
    expect((await annexHeader(withCols)).slice(-3)).toEqual(["Xếp hạng năm trước", "Tăng/giảm", "Ghi chú"]);

    const without = path.join(dir, "da-chon-khong-nam-truoc.xlsx");
    const r = runCli(["score", chosen, "-o", without, "--annex"]);
    expect(r.code).not.toBe(2);
    expect(await annexHeader(without)).not.toContain("Xếp hạng năm trước");
    expect(r.stderr).toContain("lưu lựa chọn đưa xếp hạng năm trước vào phụ lục, nhưng lệnh không có --previous");
  });

  it("--annex-previous needs --previous and --annex, and says which is missing", () => {
    const r = runCli(["score", EXAMPLE, "-o", path.join(dir, "thieu.xlsx"), "--annex-previous", "--annex"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("thiếu --previous");
    expect(fs.existsSync(path.join(dir, "thieu.xlsx"))).toBe(false);
  });

  it("refuses a last-year file that does not exist, writing nothing", () => {
    const r = runCli(["score", EXAMPLE, "-o", path.join(dir, "none.xlsx"), "--previous", path.join(dir, "khong-co.xlsx")]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(dir, "none.xlsx"))).toBe(false);
  });
});

describe("staleResults: result columns on the input that the scores no longer give", () => {
  const dir = tempDir();
  const first = path.join(dir, "lan-1.xlsx");

  beforeAll(() => {
    runCli(["score", EXAMPLE, "-o", first]);
  });

  it("results just computed are not stale", () => {
    const r = runCli(["score", first, "-o", path.join(dir, "lan-2.xlsx"), "--json"]);
    expect(JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code)).toEqual(["overMax"]);
  });

  it("a score edited after scoring is reported, naming the agency and its cells; the output has fresh results", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const ws = wb.getWorksheet("Chấm điểm 2020")!;
    let row = 0;
    ws.eachRow((r, i) => {
      if (r.getCell(2).value === "Sở Y tế") row = i;
    });
    ws.getCell(row, 7).value = 100; // Cơ chế 60 → 100
    const edited = path.join(dir, "da-sua.xlsx");
    await wb.xlsx.writeFile(edited);
    const out = path.join(dir, "lan-3.xlsx");
    const r = runCli(["score", edited, "-o", out, "--json"]);
    const stale = JSON.parse(r.stdout).findings.find((f: { code: string }) => f.code === "staleResults");
    // Y tế's four results are stale, and the ranks of the five agencies it now passes.
    expect(stale).toMatchObject({ severity: "warning", code: "staleResults" });
    expect(stale.message).toContain("Sở Y tế");
    expect(stale.message).toContain(`J${row}, K${row}, L${row}, M${row}`);
    expect(stale.message).toContain("Sở Tài chính");
    expect(r.stderr).toContain("không khớp với điểm hiện tại");
    const again = runCli(["score", out, "-o", path.join(dir, "lan-4.xlsx"), "--json"]);
    expect(JSON.parse(again.stdout).findings.map((f: { code: string }) => f.code)).toEqual(["overMax"]);
  });
});

describe("--previous of a year not earlier than this one", () => {
  it("is refused, naming both years and --force-previous, unless --force-previous", () => {
    const dir = tempDir();
    const same = path.join(dir, "cung-nam.xlsx");
    fs.copyFileSync(EXAMPLE, same);
    const out = path.join(dir, "out.xlsx");
    const refused = runCli(["score", EXAMPLE, "-o", out, "--previous", same]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("là của năm 2020, không trước năm 2020 của bảng điểm này");
    expect(refused.stderr).toContain("--force-previous");
    expect(fs.existsSync(out)).toBe(false);
    const later = runCli(["score", EXAMPLE, "-o", out, "--previous", same, "--year", "2019"]);
    expect(later.code).toBe(2);
    expect(later.stderr).toContain("năm 2020, không trước năm 2019");
    const forced = runCli(["score", EXAMPLE, "-o", out, "--previous", same, "--force-previous"]);
    expect(forced.code).not.toBe(2);
    expect(fs.existsSync(out)).toBe(true);
  });
});
