import * as path from "path";
import * as ExcelJS from "exceljs";
import { buildCli, ROOT, runCli, tempDir } from "./helpers";
import { readSheet, readStore, writeStore } from "../../src/cli/workbook";
import type { RulesJson } from "../../src/core/rules/rules";
import { EXPECTED, GRID_2024, GRID_2025, LINEAGE_ROWS, RULES_2024, RULES_2025 } from "../fixtures/lineage-years";

beforeAll(() => buildCli());

const Y2024 = path.join(ROOT, "examples/so-sanh-2024.xlsx");
const Y2025 = path.join(ROOT, "examples/so-sanh-2025.xlsx");

interface Row {
  name: string;
  rank: number;
  previousRank: number | null;
  rankChange: number | null;
  rankChangeText: string;
  previous: { index: number | null; rank: number | null; from: string[] } | null;
}
interface Output {
  rows: Row[];
  findings: { code: string; cell: string; severity: string }[];
  comparison: {
    years: { current: number; previous: number };
    gone: string[];
    added: string[];
    recomputed: boolean;
    rulesChanged: { kind: string; detail: string }[];
  };
}

describe("score --previous across the 2025 mergers (examples/so-sanh-2024.xlsx → so-sanh-2025.xlsx)", () => {
  const dir = tempDir();
  const out = path.join(dir, "2025-ket-qua.xlsx");
  let offered: ReturnType<typeof runCli>;
  let accepted: ReturnType<typeof runCli>;
  let json: Output;

  beforeAll(() => {
    offered = runCli(["score", Y2025, "--previous", Y2024, "--json"]);
    accepted = runCli(["score", Y2025, "--previous", Y2024, "--lineage-2025", "-o", out, "--json"]);
    json = JSON.parse(accepted.stdout);
  });

  it("offers the 2025 list without applying it: merged departments are “mới”, their predecessors “không còn”", () => {
    expect(offered.code).toBe(0);
    expect(offered.stderr).toContain("Danh sách sáp nhập sở năm 2025 có 6 mục khớp với bảng năm nay và năm trước nhưng chưa được khai báo");
    expect(offered.stderr).toContain("Chưa áp dụng: thêm --lineage-2025");
    const rows: Row[] = JSON.parse(offered.stdout).rows;
    expect(rows.find((r) => r.name === "Sở Nông nghiệp và Môi trường")!.rankChangeText).toBe("mới");
    // Name match only: Sở Tài chính compared with last year's Sở Tài chính alone, as published.
    expect(rows.find((r) => r.name === "Sở Tài chính")!.previous).toEqual({ index: 0.892, rank: 2, from: ["Sở Tài chính"] });
  });

  it("with --lineage-2025: merged departments compared with their predecessors' mean, last year's ranking recomputed", () => {
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toContain("Đã dùng 6 mục của danh sách sáp nhập sở năm 2025");
    const of = (n: string) => json.rows.find((r) => r.name === n)!;
    // 444/498 = 0,892 and 415/498 = 0,833; (0,892 + 0,833) / 2 = 0,8625 → 0,863 (half-up): Sở Tài chính, fourth in 2024 once the predecessors are merged.
    expect(of("Sở Tài chính")).toMatchObject({ rankChangeText: "sáp nhập", previousRank: 4, rankChange: 2 });
    expect(of("Sở Tài chính").previous).toEqual({ index: 0.863, rank: 4, from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] });
    expect(of("Sở Nông nghiệp và Môi trường").previous!.from).toEqual(["Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"]);
    // A rename (Ban Dân tộc) keeps an arrow; a new agency is “mới”.
    expect(of("Sở Dân tộc và Tôn giáo").previous!.from).toEqual(["Ban Dân tộc"]);
    expect(of("Sở Dân tộc và Tôn giáo").rankChangeText).toMatch(/^[▲▼=]/);
    expect(of("Ban Quản lý các khu công nghiệp")).toMatchObject({ rankChangeText: "mới", previous: null });
    expect(json.comparison).toMatchObject({
      years: { current: 2025, previous: 2024 },
      gone: ["Sở Ngoại vụ"],
      added: ["Ban Quản lý các khu công nghiệp"],
      recomputed: true,
    });
    expect(accepted.stderr).toContain(
      "Không còn: 1 cơ quan có trong kết quả năm trước nhưng không có trong bảng năm nay, kể cả qua danh sách sáp nhập: Sở Ngoại vụ.",
    );
    expect(accepted.stderr).toContain("So sánh năm 2025 với năm 2024.");
  });

  it("last year's stored rules differ: rulesChangedSinceLastYear names the change", () => {
    expect(json.comparison.rulesChanged).toEqual([{ kind: "maxima", detail: "Cơ chế, chính sách: 100 → 80" }]);
    expect(json.findings).toContainEqual(expect.objectContaining({ code: "rulesChangedSinceLastYear", cell: "B3", severity: "warning" }));
  });

  it("writes the accepted list to the “Sáp nhập” sheet and the stored rules; the next run reads it back, offering nothing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const values = readSheet(wb.getWorksheet("Sáp nhập")!).values;
    expect(values[0]).toEqual(["Cơ quan hiện nay", "Tiền thân"]);
    expect(values).toContainEqual(["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]);
    expect(values).toHaveLength(1 + 11);
    const stored = readStore(wb);
    expect(stored.ok && stored.state.rules?.lineage?.map((e) => e.name)).toContain("Sở Nông nghiệp và Môi trường");
    const again = runCli(["score", out, "--previous", Y2024, "--json"]);
    expect(again.stderr).not.toContain("Danh sách sáp nhập sở năm 2025");
    expect((JSON.parse(again.stdout) as Output).rows.find((r) => r.name === "Sở Tài chính")!.rankChangeText).toBe("sáp nhập");
  });

  it("--lineage-2025 needs --previous; a “Sáp nhập” sheet that cannot be read refuses with its cell", async () => {
    const alone = runCli(["score", Y2025, "--lineage-2025"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--lineage-2025 dùng danh sách sáp nhập sở năm 2025 khi so sánh với năm trước nên cần --previous");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(Y2025);
    const ws = wb.addWorksheet("Sáp nhập");
    ws.addRow(["Cơ quan hiện nay", "Tiền thân"]);
    ws.addRow(["", "Sở Ngoại vụ"]);
    const bad = path.join(dir, "sap-nhap-hong.xlsx");
    await wb.xlsx.writeFile(bad);
    const refused = runCli(["score", bad, "--previous", Y2024]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Ô A2 của trang “Sáp nhập”: tiền thân “Sở Ngoại vụ” chưa có cơ quan hiện nay");
  });
});

describe("score --previous on two small years: two mergers, a rename, a split, new, gone, ties in the recomputed ranking, rules changed (test/fixtures/lineage-years.ts)", () => {
  const dir = tempDir();
  const y2024 = path.join(dir, "2024.xlsx");
  const y2025 = path.join(dir, "2025.xlsx");
  const out = path.join(dir, "2025-ket-qua.xlsx");
  let run: ReturnType<typeof runCli>;
  let json: Output;

  beforeAll(async () => {
    const write = async (file: string, values: (string | number)[][], rules: RulesJson, lineage: string[][] | null) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Chấm điểm").addRows(values);
      if (lineage) wb.addWorksheet("Sáp nhập").addRows(lineage);
      writeStore(wb, { rules });
      await wb.xlsx.writeFile(file);
    };
    await write(y2024, GRID_2024, RULES_2024, null);
    await write(y2025, GRID_2025, RULES_2025, LINEAGE_ROWS);
    const decision = ["--annex", "--annex-previous", "--decision-number", "06/QĐ-UBND", "--decision-date", "15/01/2026", "--year", "2025"];
    run = runCli(["score", y2025, "--previous", y2024, "-o", out, "--json", ...decision]);
    json = JSON.parse(run.stdout);
  });

  it("compares through the “Sáp nhập” sheet: “sáp nhập”, ▲/▼ for the rename and both parts of the split, “mới”; ties share a rank", () => {
    expect(run.code).toBe(0);
    const got = Object.fromEntries(json.rows.map((r) => [r.name, [r.previousRank ?? "", r.rankChangeText]]));
    expect(got).toEqual(EXPECTED);
    const of = (n: string) => json.rows.find((r) => r.name === n)!;
    // (0,904 + 0,880) / 2 = 0,892: level with Sở Y tế.
    expect(of("Sở Tài chính").previous).toEqual({ index: 0.892, rank: 1, from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] });
    expect(of("Sở Y tế").previous).toEqual({ index: 0.892, rank: 1, from: ["Sở Y tế"] });
    expect(of("Sở Dân tộc và Tôn giáo").previous!.from).toEqual(["Ban Dân tộc"]);
    expect(of("Sở Công Thương").previous).toEqual({ index: 0.833, rank: 3, from: ["Sở Công Thương"] });
    expect(of("Trung tâm Xúc tiến Thương mại").previous).toEqual({ index: 0.833, rank: 3, from: ["Sở Công Thương"] });
    expect(json.comparison).toMatchObject({
      years: { current: 2025, previous: 2024 },
      gone: ["Sở Ngoại vụ"],
      added: ["Ban Quản lý các khu công nghiệp"],
      recomputed: true,
    });
    expect(json.comparison.rulesChanged).toEqual([{ kind: "maxima", detail: "Cơ chế, chính sách: 100 → 80" }]);
    expect(run.stderr).toContain("So sánh năm 2025 với năm 2024.");
    expect(run.stderr).toContain(
      "Không còn: 1 cơ quan có trong kết quả năm trước nhưng không có trong bảng năm nay, kể cả qua danh sách sáp nhập: Sở Ngoại vụ.",
    );
  });

  it("the annex states both years, names the predecessors and says the indices are compared as published; the store keeps the same record as the add-in", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts = readSheet(wb.getWorksheet("Phụ lục")!)
      .values.flat()
      .filter((v): v is string => typeof v === "string");
    expect(texts).toContain("- Xếp hạng năm trước: kết quả năm 2024, so sánh với năm 2025.");
    expect(texts).toContain(
      "- Sở Tài chính: sáp nhập từ Sở Tài chính và Sở Kế hoạch và Đầu tư; xếp hạng năm trước tính theo trung bình chỉ số năm trước của các cơ quan này.",
    );
    expect(texts).toContain("- Trung tâm Xúc tiến Thương mại: năm trước là Sở Công Thương.");
    expect(texts).toContain("- Sở Dân tộc và Tôn giáo: năm trước là Ban Dân tộc.");
    expect(texts).toContain("- Bộ tiêu chí, điểm tối đa hoặc mức phân loại năm trước khác năm nay: chỉ số và xếp hạng năm trước được so sánh như đã công bố.");
    const stored = readStore(wb);
    expect(stored.ok && stored.state.lastYear).toEqual({
      lineage2025: false,
      compared: {
        sheet: "Chấm điểm",
        years: { current: 2025, previous: 2024 },
        rulesChanged: [{ kind: "maxima", detail: "Cơ chế, chính sách: 100 → 80" }],
        lineage2025: [],
      },
    });
  });
});
