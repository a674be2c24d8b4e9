import { fromString, toString, Dec } from "../../../src/core/base/decimal";
import { agencyCard, ifCorrected, publicCode, Scored, toNextClass } from "../../../src/core/findings/explain";
import { ifCorrectedMessage, toNextClassMessage } from "../../../src/core/findings/explain-messages";
import { loadRules, presetRules, Rules, RulesJson } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { referenceSheet } from "../../fixtures/reference";
import { clonePreset, fullScores, oneGroupRules, oneGroupSheet, presetWith, simpleSheet } from "../helpers";

const s = (d: Dec | null) => (d === null ? null : toString(d));
const score = (values: unknown[][], rules: Rules = presetRules()): Scored => {
  const r = scoreSheet(values, rules);
  if (!r.ok) throw new Error(r.error.message);
  return r;
};

/** ifCorrected must say exactly what scoring the corrected sheet says. */
function rescored(values: unknown[][], rules: Rules, row: number, col: number, value: unknown) {
  const copy = values.map((r) => [...r]);
  copy[row][col] = value;
  const again = score(copy, rules);
  return again.rows.find((r) => r.row === row)!;
}

describe("ifCorrected on the reference 2020 sheet", () => {
  const values = referenceSheet();
  const result = score(values);
  const over = result.findings.find((f) => f.code === "aboveMax")!;

  it("55 above 50 at Văn phòng UBND tỉnh: 337,7; 0,848; Khá instead of Tốt; rank 8 instead of 6", () => {
    expect(over.agency).toBe("Văn phòng UBND tỉnh");
    const ic = ifCorrected(result, over, values)!;
    expect({ value: s(ic.value), total: s(ic.total), index: s(ic.index), className: ic.className, rank: ic.rank }).toEqual({
      value: "50",
      total: "337.7",
      index: "0.848",
      className: "Khá",
      rank: 8,
    });
    const row = result.rows.find((r) => r.row === over.row)!;
    const before = { value: over.value, total: row.total, index: row.index, className: row.className, rank: row.rank };
    expect(ifCorrectedMessage("vi", ic, before, 3)).toBe("Nếu sửa 55 → 50: Tổng 337,7; Chỉ số 0,848; Khá (thay vì Tốt); hạng 8 (thay vì 6).");
    expect(ifCorrectedMessage("en", ic, before, 3)).toBe("Correcting 55 → 50: Total 337.7; Index 0.848; Khá (instead of Tốt); rank 8 (instead of 6).");
    const again = rescored(values, result.rules, over.row, over.col, 50);
    expect([s(again.total), s(again.index), again.className, again.rank]).toEqual([s(ic.total), s(ic.index), ic.className, ic.rank]);
  });

  it("with overMax cap the 55 already counts as 50: the correction changes nothing", () => {
    const capped = score(values, presetWith({ overMax: "cap" }));
    const f = capped.findings.find((x) => x.code === "aboveMax")!;
    const ic = ifCorrected(capped, f, values)!;
    expect(ic.changes).toBe(false);
    expect(s(ic.total)).toBe("337.7");
  });

  it("public codes: aboveMax is overMax, notANumber is notNumber", () => {
    expect(publicCode(over.code)).toBe("overMax");
    expect(publicCode("notANumber")).toBe("notNumber");
    expect(publicCode("negative")).toBe("negative");
  });
});

describe("ifCorrected on each finding kind, checked against scoring the corrected sheet", () => {
  const rules = presetRules();
  const agencies = [
    { name: "A", scores: [50, 90, 90, 90, 90, 50] }, // 460 / 498 → 0,924
    { name: "B", scores: [40, 80, 80, 80, 80, 40] }, // 400 → 0,803
    { name: "C", scores: [40, 80, 80, 80, 80, -5] }, // negative: 355 → fixed to 0: 360
    { name: "D", scores: [40, 80, "tám mươi", 80, 80, 40] }, // not a number → unscored; as 0: 320
    { name: "E", scores: [40, 80, 80, 7, 80, 40], notes: "Không TTHC" }, // exempt but scored
    { name: "F", scores: [40, 80, 80, 80, 80, 40] }, // ties with B
  ];
  const values = simpleSheet(agencies);
  const result = score(values, rules);
  const kinds = ["negative", "notANumber", "exemptNonZero"] as const;

  it.each(kinds)("%s", (code) => {
    const f = result.findings.find((x) => x.code === code)!;
    expect(f).toBeDefined();
    const ic = ifCorrected(result, f, values)!;
    // Each of these corrects to 0 (exempt: 0 is what the cell should hold; it is not counted).
    const again = rescored(values, rules, f.row, f.col, 0);
    expect([s(ic.total), s(ic.index), ic.className, ic.rank]).toEqual([s(again.total), s(again.index), again.className, again.rank]);
  });

  it("negative → 0 raises the total; exempt-but-scored changes nothing; not a number → taken as 0 gives a result", () => {
    const neg = ifCorrected(
      result,
      result.findings.find((x) => x.code === "negative")!,
      values,
    )!;
    expect([neg.correction, s(neg.value), s(neg.total)]).toEqual(["zero", "0", "360"]);
    const ex = ifCorrected(
      result,
      result.findings.find((x) => x.code === "exemptNonZero")!,
      values,
    )!;
    expect([ex.correction, ex.changes]).toEqual(["notCounted", false]);
    const nan = result.findings.find((x) => x.code === "notANumber")!;
    const ic = ifCorrected(result, nan, values)!;
    expect([ic.correction, s(ic.total), ic.changes]).toEqual(["assumedZero", "320", true]);
    expect(ifCorrectedMessage("vi", ic, { value: nan.value, total: null, index: null, className: null, rank: null }, 3)).toMatch(
      /^Nếu coi ô này là 0: Tổng 320 \(thay vì chưa tính được\); Chỉ số 0,643; Trung bình \(thay vì chưa tính được\); hạng \d \(thay vì chưa tính được\)\.$/,
    );
  });

  it("ties: a corrected total equal to others shares their rank", () => {
    // B and F: 400 / 498 → 0,803, tied at rank 3 (A 0,924 first, E 320 / 398 → 0,804 second).
    expect(result.rows.filter((r) => r.name === "B" || r.name === "F").map((r) => r.rank)).toEqual([3, 3]);
    // C corrected to 360 → 0,723 comes after the tie: rank 5, not 4.
    expect(
      ifCorrected(
        result,
        result.findings.find((x) => x.code === "negative")!,
        values,
      )!.rank,
    ).toBe(5);
    const tieValues = simpleSheet([
      { name: "A", scores: [40, 80, 80, 80, 80, 50] },
      { name: "B", scores: [40, 80, 80, 80, 80, 60] },
      { name: "C", scores: [40, 80, 80, 80, 80, 30] },
    ]);
    const tie = score(tieValues, rules);
    const f = tie.findings.find((x) => x.code === "aboveMax")!;
    const ic = ifCorrected(tie, f, tieValues)!;
    // B (420, rank 1) corrected to 50 on the 50-point group: 410, the same as A → both rank 1.
    expect(tie.rows.find((r) => r.name === "B")!.rank).toBe(1);
    expect([s(ic.total), ic.rank]).toEqual(["410", 1]);
    expect(tie.rows.find((r) => r.name === "A")!.rank).toBe(2);
  });

  it("an agency with two unusable cells stays without a result when one is corrected", () => {
    const twoValues = simpleSheet([
      { name: "A", scores: [40, "x", "y", 80, 80, 40] },
      { name: "B", scores: fullScores() },
    ]);
    const two = score(twoValues, rules);
    const ic = ifCorrected(
      two,
      two.findings.find((x) => x.code === "notANumber")!,
      twoValues,
    )!;
    expect([ic.total, ic.rank]).toEqual([null, null]);
    // Said as why ("another score is unusable"), not as "the result stays the same".
    const before = { value: "x", total: null, index: null, className: null, rank: null };
    expect(ifCorrectedMessage("vi", ic, before, 3)).toBe("Nếu coi ô này là 0: vẫn chưa tính được điểm (còn ô điểm khác chưa hợp lệ).");
    expect(ifCorrectedMessage("en", ic, before, 3)).toBe("Taking this cell as 0: still no result (another score of the row is unusable).");
  });

  it("findings that are not about a score have no correction", () => {
    const dupValues = simpleSheet([
      { name: "A", scores: fullScores() },
      { name: "A", scores: fullScores() },
    ]);
    const dup = score(dupValues, rules);
    expect(
      ifCorrected(
        dup,
        dup.findings.find((x) => x.code === "duplicateName")!,
        dupValues,
      ),
    ).toBeNull();
  });
});

describe("toNextClass at the band edges", () => {
  it("Sở Y tế 2020: 422,85 of 498 → 0,849 Khá; 0,201 more → 0,850 Tốt", () => {
    const result = score(referenceSheet());
    const yte = result.rows.find((r) => r.name === "Sở Y tế")!;
    const t = toNextClass(result.rules, yte)!;
    expect([t.className, s(t.points), t.reachable]).toEqual(["Tốt", "0.201", true]);
    expect(toNextClassMessage("vi", t)).toBe("Còn thiếu 0,201 điểm để đạt Tốt");
    // And 0,200 would not do: 423,05 / 498 = 0,84949… → 0,849.
    const near = score(referenceSheet().map((r) => (r[1] === "Sở Y tế" ? [...r.slice(0, 7), 50.201, ...r.slice(8)] : r)));
    expect(near.rows.find((r) => r.name === "Sở Y tế")!.className).toBe("Tốt");
    const short = score(referenceSheet().map((r) => (r[1] === "Sở Y tế" ? [...r.slice(0, 7), 50.2, ...r.slice(8)] : r)));
    expect(short.rows.find((r) => r.name === "Sở Y tế")!.className).toBe("Khá");
  });

  it("null in the top class", () => {
    const result = score(referenceSheet());
    expect(
      toNextClass(
        result.rules,
        result.rows.find((r) => r.name === "Sở Tài chính")!,
      ),
    ).toBeNull();
  });

  const cases: [string, string, "roundedIndex" | "exactIndex", "halfUp" | "halfEven" | "down", string, string][] = [
    // [score, class now, classifyOn, rounding, class next, points]
    ["84.94", "Khá", "roundedIndex", "halfUp", "Tốt", "0.01"],
    ["84.94", "Khá", "exactIndex", "halfUp", "Tốt", "0.06"],
    ["84.94", "Khá", "roundedIndex", "down", "Tốt", "0.06"],
    ["84.94", "Khá", "roundedIndex", "halfEven", "Tốt", "0.01"], // 0,8495 → 0,850 (0 is even)
    ["69.9", "Trung bình", "roundedIndex", "halfUp", "Khá", "0.05"],
    ["69.9", "Trung bình", "exactIndex", "halfUp", "Khá", "0.1"],
  ];
  it.each(cases)("%s on 100 (%s, %s, %s) → %s with %s more; one step less does not reach it", (scoreText, now, classifyOn, rounding, next, points) => {
    const rules = oneGroupRules({ classifyOn, index: { decimals: 3, rounding } });
    const result = score(oneGroupSheet([["A", Number(scoreText)]]), rules);
    const row = result.rows[0];
    expect(row.className).toBe(now);
    const t = toNextClass(rules, row)!;
    expect([t.className, s(t.points)]).toEqual([next, points]);
    const reach = (delta: string) => score(oneGroupSheet([["A", Number(toString(addDec(scoreText, delta)))]]), rules).rows[0].className;
    expect(reach(points)).toBe(next);
    expect(reach(toString(subDec(points, "0.0001")))).toBe(now);
  });

  it("half-even at an odd target needs a step past the midpoint, at the threshold's precision", () => {
    // Band at 0,851: 0,8505 rounds half-even to 0,850 (0 is even) → more than 85,05 is needed: 85,06.
    const rules = oneGroupRules({
      index: { decimals: 3, rounding: "halfEven" },
      classes: [
        { name: "Tốt", minIndex: "0.851" },
        { name: "Khá", minIndex: 0 },
      ],
    });
    const row = score(oneGroupSheet([["A", 85]]), rules).rows[0];
    const t = toNextClass(rules, row)!;
    expect(s(t.points)).toBe("0.06");
    expect(score(oneGroupSheet([["A", 85.05]]), rules).rows[0].className).toBe("Khá");
    expect(score(oneGroupSheet([["A", 85.06]]), rules).rows[0].className).toBe("Tốt");
  });

  it("at the very top: a band at 1 needs exactly the maximum, which is reachable", () => {
    const rules = oneGroupRules({
      index: { decimals: 0, rounding: "down" },
      classes: [
        { name: "Tốt", minIndex: 1 },
        { name: "Khá", minIndex: 0 },
      ],
    });
    const row = score(oneGroupSheet([["A", 99]]), rules).rows[0];
    const t = toNextClass(rules, row)!;
    expect([s(t.points), t.reachable]).toEqual(["1", true]);
  });
});

describe("agency card", () => {
  const result = score(referenceSheet());
  it("Sở Ngoại vụ: maximum 398 because Không TTHC, the portal's 2 points not evaluated, points lost per group, neighbours", () => {
    const row = result.rows.find((r) => r.name === "Sở Ngoại vụ")!;
    const card = agencyCard(result, row);
    expect([s(card.total), s(card.maxPoints), s(card.generalMax), card.className, card.rank]).toEqual(["288.35", "398", "498", "Khá", 15]);
    expect(card.maxReasons.map((m) => [m.kind, m.group, s(m.points)])).toEqual([
      ["notEvaluated", "Trang/Cổng thông tin điện tử", "2"],
      ["exempt", "Cung cấp DVCTT", "100"],
    ]);
    expect(card.groups.map((g) => (g.lost === null ? null : s(g.lost)))).toEqual(["1", "25.5", "13.15", null, "55", "15"]);
    expect(card.above!.name).toBe("Sở Văn hoá, Thể thao và Du lịch");
    expect(card.below!.name).toBe("Ban Quản lý khu kinh tế và các khu công nghiệp");
    // 288,35 / 398 = 0,7245… → 0,724; Tốt needs 0,8495 × 398 = 338,101 → 49,751 more.
    expect([card.toNextClass!.className, s(card.toNextClass!.points), card.toNextClass!.reachable]).toEqual(["Tốt", "49.751", true]);
  });

  it("a score over the group's maximum lost nothing: “Điểm chưa đạt” is 0, not negative, and the group says it is over", () => {
    const values = referenceSheet().map((r) => [...r]);
    const row = values.findIndex((r) => r[1] === "Sở Tài chính");
    values[row][2] = 55; // Hạ tầng kỹ thuật: maximum 50
    const scored = score(values);
    const card = agencyCard(
      scored,
      scored.rows.find((r) => r.name === "Sở Tài chính")!,
    );
    const infra = card.groups[0];
    expect([s(infra.score), s(infra.lost), infra.aboveMax]).toEqual(["55", "0", true]);
    expect(card.groups.slice(1).every((g) => !g.aboveMax && (g.lost === null || Number(s(g.lost)) >= 0))).toBe(true);
  });
});

function addDec(a: string, b: string): Dec {
  const x = fromString(a)!;
  const y = fromString(b)!;
  return fromString((Number(toString(x)) + Number(toString(y))).toFixed(6))!;
}
function subDec(a: string, b: string): Dec {
  return fromString((Number(a) - Number(b)).toFixed(6))!;
}

describe("with blocks and weights (rules format 2)", () => {
  const twoGroups = (patch: Partial<RulesJson> = {}, groupPatch: [Record<string, unknown>, Record<string, unknown>] = [{}, {}]) =>
    loadRules({
      ...clonePreset(),
      groups: [
        { id: "a", name: "Nhóm A", aliases: [], maxPoints: 100, notEvaluated: [], ...groupPatch[0] },
        { id: "b", name: "Nhóm B", aliases: [], maxPoints: 50, notEvaluated: [], ...groupPatch[1] },
      ],
      exemptions: [{ keywords: ["Không TTHC"], groups: ["b"], reason: "không có thủ tục hành chính" }],
      ...patch,
    });
  const blocks: RulesJson["blocks"] = [
    { id: "so-nganh", name: "Khối sở, ban, ngành", match: ["sở, ban, ngành"] },
    {
      id: "huyen",
      name: "Khối UBND huyện, thành phố",
      match: ["UBND huyện", "huyện"],
      maxPoints: { a: 80 },
      classes: [
        { name: "Đạt", minIndex: "0.8" },
        { name: "Chưa đạt", minIndex: 0 },
      ],
    },
  ];
  const sheet = (): unknown[][] => [
    ["STT", "Tên cơ quan", "Nhóm A", "Nhóm B", "Ghi chú"],
    ["I", "KHỐI SỞ, BAN, NGÀNH", "", "", ""],
    [1, "Sở Tư pháp", 90, 40, ""],
    [2, "Sở Xây dựng", 80, 30, ""],
    [3, "Sở Y tế", 95, 45, ""],
    ["II", "KHỐI UBND HUYỆN, THÀNH PHỐ", "", "", ""],
    [1, "UBND huyện Vũ Thư", 70, 30, ""],
    [2, "UBND thành phố Thái Bình", 85, 45, ""], // 85 above the block's maximum of 80
    [3, "UBND huyện Hưng Hà", 80, 40, ""],
  ];

  it("ranks restart per block: correcting 85 → 80 (the block's maximum) ranks among the block only; equals the rescored sheet", () => {
    const rules = twoGroups({ blocks });
    const values = sheet();
    const result = score(values, rules);
    const f = result.findings.find((x) => x.code === "aboveMax")!;
    expect(f.detail).toBe("80");
    const ic = ifCorrected(result, f, values)!;
    // 80 + 45 = 125 of 130 → 0,962 Đạt, still first of its block (Hưng Hà 120 → 0,923); the other block's ranks do not count.
    expect([s(ic.value), s(ic.total), s(ic.index), ic.className, ic.rank]).toEqual(["80", "125", "0.962", "Đạt", 1]);
    const again = rescored(values, rules, f.row, f.col, 80);
    expect([s(again.total), s(again.index), again.className, again.rank]).toEqual([s(ic.total), s(ic.index), ic.className, ic.rank]);
  });

  it("toNextClass uses the block's bands and maximum", () => {
    const rules = twoGroups({ blocks });
    const result = score(sheet(), rules);
    const vuThu = result.rows.find((r) => r.name === "UBND huyện Vũ Thư")!;
    // 100 of 130 → 0,769 Chưa đạt; Đạt needs 0,7995 × 130 = 103,935 → 3,935 more.
    expect(vuThu.className).toBe("Chưa đạt");
    const t = toNextClass(rules, vuThu)!;
    expect([t.className, s(t.points)]).toEqual(["Đạt", "3.935"]);
    const card = agencyCard(result, vuThu);
    expect(card.groups.map((g) => s(g.max))).toEqual(["80", "50"]);
    expect([s(card.generalMax), card.above!.name, card.below]).toEqual(["130", "UBND huyện Hưng Hà", null]);
  });

  it("weighted rules: ifCorrected follows the weighted index; no distance in points is claimed", () => {
    const rules = twoGroups({}, [{ weight: "0.4" }, { weight: "0.6" }]);
    const values = [
      ["STT", "Tên cơ quan", "Nhóm A", "Nhóm B", "Ghi chú"],
      [1, "Sở A", 90, 55, ""],
      [2, "Sở B", 95, 45, ""],
    ];
    const result = score(values, rules);
    const f = result.findings.find((x) => x.code === "aboveMax")!;
    const ic = ifCorrected(result, f, values)!;
    const again = rescored(values, rules, f.row, f.col, 50);
    expect([s(ic.index), ic.className, ic.rank]).toEqual([s(again.index), again.className, again.rank]);
    expect(toNextClass(rules, result.rows[1])).toBeNull();
  });
});
