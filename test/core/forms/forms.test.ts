import { createHmac } from "crypto";
import { cellAddress } from "../../../src/core/base/address";
import { canonicalJson, fingerprint } from "../../../src/core/base/hash";
import { buildForm, FORM_COLS, formFileNames, formSlug, formsYear, masterWorkbookId } from "../../../src/core/forms/forms";
import { rulesFingerprint } from "../../../src/core/forms/form-parts";
import { presetRules, PRESET_THAI_BINH_2020 } from "../../../src/core/rules/rules";
import { clonePreset } from "../helpers";
import { formFor, KEY } from "../../forms/helpers";

const rules = presetRules();

describe("rules fingerprint", () => {
  it("does not depend on the order of keys, and is 16 hex digits", () => {
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    const reordered = reverse(PRESET_THAI_BINH_2020) as typeof PRESET_THAI_BINH_2020;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(PRESET_THAI_BINH_2020)[0]);
    expect(rulesFingerprint(reordered)).toBe(rulesFingerprint(PRESET_THAI_BINH_2020));
    expect(rulesFingerprint(PRESET_THAI_BINH_2020)).toMatch(/^[0-9a-f]{16}$/);
    expect(canonicalJson({ b: 1, a: [2, "x"] })).toBe('{"a":[2,"x"],"b":1}');
  });

  it("changes when a maximum changes", () => {
    const other = clonePreset();
    other.groups[0].maxPoints = 60;
    expect(rulesFingerprint(other)).not.toBe(rulesFingerprint(PRESET_THAI_BINH_2020));
  });

  it("treats NFD and NFC texts alike", () => {
    expect(fingerprint({ a: "Sở Tài chính".normalize("NFD") })).toBe(fingerprint({ a: "Sở Tài chính" }));
  });
});

describe("master workbook id", () => {
  it("is the stored id when there is one", () => {
    expect(masterWorkbookId("abc", ["Sở Y tế"])).toBe("abc");
  });
  it("is worked out from the agencies otherwise, whatever their order, case or accents", () => {
    expect(masterWorkbookId(undefined, ["Sở Y tế", "Sở Tài chính"])).toBe(masterWorkbookId(undefined, ["so tai chinh", "SỞ Y TẾ"]));
    expect(masterWorkbookId(undefined, ["Sở Y tế"])).not.toBe(masterWorkbookId(undefined, ["Sở Tài chính"]));
  });
});

describe("the forms' year", () => {
  const grid = [["BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ ỨNG DỤNG CNTT NĂM 2020"], [], ["STT", "Tên cơ quan"], ["Năm 2019", "x"]];
  it("is the decision's year stored in the workbook", () => {
    expect(formsYear(2021, grid, 2, 2025)).toBe(2021);
  });
  it("else the year the grid's title names, above the header", () => {
    expect(formsYear(undefined, grid, 2, 2025)).toBe(2020);
    expect(formsYear(undefined, [["Kết quả nam 2018".normalize("NFD")], ["STT"]], 1, 2025)).toBe(2018);
  });
  it("else the default", () => {
    expect(formsYear(undefined, grid, 0, 2025)).toBe(2025);
    expect(formsYear(undefined, [["Quyết định số 1234 năm 12345"], ["STT"]], 1, 2025)).toBe(2025);
  });
});

describe("form file names", () => {
  it("come from the agency without diacritics", () => {
    expect(formFileNames(["Sở Tài chính", "Sở Văn hoá, Thể thao và Du lịch", "Sở Lao động TBXH"])).toEqual([
      "so-tai-chinh.xlsx",
      "so-van-hoa-the-thao-va-du-lich.xlsx",
      "so-lao-dong-tbxh.xlsx",
    ]);
    expect(formSlug("Ban Quản lý/Khu công nghiệp")).toBe("ban-quan-ly-khu-cong-nghiep");
  });
  it("stay unique when two agencies collide", () => {
    expect(formFileNames(["Sở Tài chính", "SỞ TÀI CHÍNH", "So Tai Chinh"])).toEqual(["so-tai-chinh.xlsx", "so-tai-chinh-2.xlsx", "so-tai-chinh-3.xlsx"]);
  });
  it("never empty", () => {
    expect(formFileNames(["…", "!!"])).toEqual(["co-quan.xlsx", "co-quan-2.xlsx"]);
  });
});

describe("the form description", () => {
  const form = formFor(rules, "Sở Tài chính");
  const at = (row: number, col: number) => form.cells.find((c) => c.row === row && c.col === col);

  it("has a title with the year and the agency's name", () => {
    expect(at(0, 0)!.value).toBe("PHIẾU TỰ ĐÁNH GIÁ, XẾP HẠNG ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM 2020");
    expect(at(1, 0)!.value).toBe("Cơ quan:");
    expect(at(1, 2)!.value).toBe("Sở Tài chính");
    expect(form.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Hướng dẫn:"))).toBe(true);
  });

  it("has one row per group: name, score cell (unlocked, right of the name), maximum, evidence cell (unlocked)", () => {
    rules.groups.forEach((g, i) => {
      const row = form.layout.groupRows[i];
      expect(at(row, FORM_COLS.group)!.value).toBe(g.name);
      expect(at(row, FORM_COLS.group + 1)).toMatchObject({ col: FORM_COLS.score, unlocked: true, value: null });
      expect(at(row, FORM_COLS.max)!.value).toBe([50, 100, 98, 100, 100, 50][i]);
      expect(at(row, FORM_COLS.evidence)!.unlocked).toBe(true);
    });
    expect(cellAddress(form.layout.groupRows[0], FORM_COLS.score)).toBe("C7"); // the first group's score
  });

  it("unlocks only the input cells: scores, evidence and notes", () => {
    const unlocked = form.cells.filter((c) => c.unlocked).map((c) => `${c.row}:${c.col}`);
    const expected = [
      ...form.layout.groupRows.flatMap((r) => [`${r}:${FORM_COLS.score}`, `${r}:${FORM_COLS.evidence}`]),
      `${form.layout.notesCell.row}:${form.layout.notesCell.col}`,
    ];
    expect(unlocked.sort()).toEqual(expected.sort());
    expect(form.protect).toBe(true);
  });

  it("validates each score from 0 to the group's applicable maximum, with a Vietnamese input message", () => {
    expect(form.validations.map((v) => [v.row, v.col, v.min, v.max])).toEqual(
      form.layout.groupRows.map((r, i) => [r, FORM_COLS.score, 0, [50, 100, 98, 100, 100, 50][i]]),
    );
    expect(form.validations[2].prompt).toBe("Nhập điểm từ 0 đến 98 (số thập phân được, ví dụ 81,05).");
    expect(form.validations[2].promptTitle.length).toBeLessThanOrEqual(32);
    expect(form.validations.every((v) => v.prompt.length <= 255 && v.error.length <= 255)).toBe(true);
  });

  it("totals the scores with a formula, next to the applicable maximum", () => {
    const total = at(form.layout.totalCell.row, form.layout.totalCell.col)!;
    expect(total.formula).toBe("SUM(C7:C12)");
    expect(at(form.layout.totalCell.row, FORM_COLS.max)!.value).toBe(498);
  });

  it("has a notes cell and a signature block: người lập, thủ trưởng cơ quan, date", () => {
    expect(at(form.layout.notesCell.row, 0)!.value).toBe("Ghi chú");
    const texts = form.cells.map((c) => c.value);
    expect(texts).toEqual(
      expect.arrayContaining(["NGƯỜI LẬP", "THỦ TRƯỞNG CƠ QUAN", "…………, ngày …… tháng …… năm ……", "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)"]),
    );
  });

  it("prints on one A4 portrait page", () => {
    expect(form.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToPagesWide: 1, fitToPagesTall: 1 });
  });

  it("carries its identity: master, agency, year, rules fingerprint and the token only the master's key gives", () => {
    const token = createHmac("sha256", Buffer.from(KEY, "hex")).update("master-1|so tai chinh|2020", "utf8").digest("hex");
    expect(form.identity).toEqual({
      kind: "phieu-tu-danh-gia",
      version: 2,
      token,
      masterId: "master-1",
      agency: "Sở Tài chính",
      year: 2020,
      rulesFingerprint: rulesFingerprint(rules.json),
    });
  });

  it("marks exempt groups for exempt agencies: no input, no validation, applicable maximum 398", () => {
    const exempt = buildForm({ rules, agency: "Thanh tra tỉnh", notes: "Không TTHC", year: 2020, masterId: "m", formKey: KEY });
    const row = exempt.layout.groupRows[3];
    const cell = exempt.cells.find((c) => c.row === row && c.col === FORM_COLS.score)!;
    expect(cell).toMatchObject({ value: "Miễn chấm" });
    expect(cell.unlocked).toBeUndefined();
    expect(exempt.validations.map((v) => v.row)).not.toContain(row);
    expect(exempt.cells.find((c) => c.row === exempt.layout.totalCell.row && c.col === FORM_COLS.max)!.value).toBe(398);
    expect(exempt.cells.find((c) => c.row === exempt.layout.notesCell.row && c.col === exempt.layout.notesCell.col)!.value).toBe("Không TTHC");
  });

  it("keeps an agency name that looks like a formula as text", () => {
    const odd = formFor(rules, "=1+1 Sở");
    expect(odd.cells.find((c) => c.row === 1 && c.col === 2)).toMatchObject({ value: "=1+1 Sở" });
    expect(odd.cells.find((c) => c.row === 1 && c.col === 2)!.formula).toBeUndefined();
  });
});

describe("form file names on Windows", () => {
  it("avoid the reserved device names and trailing dots or spaces", () => {
    expect(formFileNames(["CON", "prn", "Aux", "NUL", "COM1", "LPT9", "Sở Y tế.", "Con Cuông"])).toEqual([
      "co-quan-con.xlsx",
      "co-quan-prn.xlsx",
      "co-quan-aux.xlsx",
      "co-quan-nul.xlsx",
      "co-quan-com1.xlsx",
      "co-quan-lpt9.xlsx",
      "so-y-te.xlsx",
      "con-cuong.xlsx",
    ]);
  });
});
