import { readDifferences } from "../../../src/core/forms/conclusions";
import { differencesSheet, planMerge } from "../../../src/core/forms/merge";
import { buildNotice, noticeRowsByAgency, readNotice, NOTICE_KIND } from "../../../src/core/forms/notices";
import { presetRules } from "../../../src/core/rules/rules";
import { sheetValues } from "../../../src/core/sheets/sheet";
import { KEY, OTHER_KEY, mergeInput } from "../../forms/helpers";
import { simpleSheet } from "../helpers";

const rules = presetRules();
const [G0, G1] = rules.groups.map((g) => g.name);
const grid = () =>
  simpleSheet([
    { name: "Sở Y tế", scores: [35, 80, 80, 80, 80, 40] },
    { name: "Sở Tài chính", scores: [40, 70, 80, 80, 80, 40] },
  ]);

/** "Chênh lệch" with Sở Y tế's difference concluded (kept, with a reason) and Sở Tài chính's open. */
function diffRows() {
  const v: unknown[][] = sheetValues(
    differencesSheet([
      { agency: "Sở Y tế", group: G0, self: 40, appraised: 35, evidence: "", cell: "C2" },
      { agency: "Sở Tài chính", group: G1, self: 78, appraised: 70, evidence: "", cell: "D3" },
    ]),
  );
  v[3][7] = "Giữ điểm thẩm định";
  v[3][9] = "Thiếu quyết định ban hành";
  return readDifferences(v)!.rows;
}

const noticeOf = (agency: string, key = KEY, masterId = "master-1") => {
  const rows = noticeRowsByAgency(diffRows()).find((a) => a.agency === agency)!.rows;
  return buildNotice({ agency, rows, year: 2020, masterId, formKey: key, rulesFingerprint: "x", deadline: "15/01/2021" });
};

/** The notice as the agency returns it: its reply typed in the reply cell of each line given. */
function replied(notice: ReturnType<typeof noticeOf>, replies: Record<string, string>) {
  const values: unknown[][] = sheetValues(notice);
  for (const r of notice.layout.rows) if (replies[r.group]) values[r.row][notice.layout.replyCol] = replies[r.group];
  return values;
}

describe("Thông báo kết quả thẩm định (the right of reply)", () => {
  it("one notice per agency with a difference: its lines, the council's conclusion and reason, a deadline, reply cells the only unlocked ones", () => {
    expect(noticeRowsByAgency(diffRows()).map((a) => [a.agency, a.rows.length])).toEqual([
      ["Sở Y tế", 1],
      ["Sở Tài chính", 1],
    ]);
    const n = noticeOf("Sở Y tế");
    const v = sheetValues(n);
    expect(v[0][0]).toBe("THÔNG BÁO KẾT QUẢ THẨM ĐỊNH ĐIỂM ĐÁNH GIÁ ỨNG DỤNG CNTT NĂM 2020");
    expect(v[1][2]).toBe("Sở Y tế");
    expect(v[2][0]).toBe("Hạn gửi lại ý kiến: 15/01/2021");
    expect(v[5]).toEqual(["STT", "Nhóm tiêu chí", "Tự chấm", "Thẩm định", "Kết luận của hội đồng", "Lý do", "Ý kiến của cơ quan"]);
    expect(v[6]).toEqual([1, G0, 40, 35, "Giữ điểm thẩm định", "Thiếu quyết định ban hành", ""]);
    expect(n.protect).toBe(true);
    expect(n.cells.filter((c) => c.unlocked).map((c) => [c.row, c.col])).toEqual([[6, 6]]);
    expect(n.identity).toMatchObject({ kind: NOTICE_KIND, agency: "Sở Y tế", masterId: "master-1", year: 2020 });
    expect(n.identity.token).toMatch(/^[0-9a-f]{64}$/);
    // An open difference reads "Chưa kết luận".
    expect(sheetValues(noticeOf("Sở Tài chính"))[6][4]).toBe("Chưa kết luận");
  });

  it("reads a returned notice: the agency and each reply typed, by group", () => {
    const n = noticeOf("Sở Y tế");
    expect(readNotice(replied(n, { [G0]: "Đề nghị giữ 40: QĐ 12 đã ban hành" }))).toEqual({
      agency: "Sở Y tế",
      replies: [{ group: G0, reply: "Đề nghị giữ 40: QĐ 12 đã ban hành", cell: "G7" }],
    });
    expect(readNotice(grid())).toBeNull();
  });

  it("merge puts each verified reply beside its difference (“Kiến nghị”), keeping the council's columns", () => {
    const n = noticeOf("Sở Y tế");
    const input = mergeInput(grid(), [{ file: "thong-bao-so-y-te.xlsx", values: replied(n, { [G0]: "Đề nghị giữ 40" }), identity: null, notice: n.identity }], {
      differenceRows: diffRows(),
      state: {
        selfAssessments: [
          {
            agency: "Sở Y tế",
            file: "a.xlsx",
            at: "2021-01-04T03:00:00.000Z",
            verified: true,
            scores: [40, 80, 80, 80, 80, 40],
            evidence: ["", "", "", "", "", ""],
            notes: "",
          },
        ],
      },
    });
    const r = planMerge(input);
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.findings).toEqual([]);
    expect(r.plan.replies).toEqual([{ agency: "Sở Y tế", group: G0, reply: "Đề nghị giữ 40", file: "thong-bao-so-y-te.xlsx" }]);
    expect(r.plan.unchanged).toBe(false);
    const sheet = sheetValues(differencesSheet(r.plan.differences, "Chênh lệch", diffRows(), r.plan.replies));
    expect(sheet[3].slice(1, 10)).toEqual(["Sở Y tế", G0, 40, 35, "", "Đề nghị giữ 40", "Giữ điểm thẩm định", "", "Thiếu quyết định ban hành"]);
  });

  it("a notice that does not verify (another master's key, or another agency's name put in its data) gives no reply, and says so", () => {
    const forged = noticeOf("Sở Y tế", OTHER_KEY);
    const other = noticeOf("Sở Tài chính");
    const asOther = { ...other.identity, agency: "Sở Y tế" };
    const r = planMerge(
      mergeInput(
        grid(),
        [
          { file: "gia.xlsx", values: replied(forged, { [G0]: "x" }), identity: null, notice: forged.identity },
          { file: "doi-ten.xlsx", values: replied(other, { [G1]: "y" }), identity: null, notice: asOther },
          // A notice rebuilt by hand (no hidden identity) is not taken either.
          { file: "tu-lam.xlsx", values: replied(other, { [G1]: "z" }), identity: null },
        ],
        { differenceRows: diffRows() },
      ),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.replies).toEqual([]);
    expect(r.plan.findings.map((f) => [f.code, f.file])).toEqual([
      ["noticeNotVerified", "gia.xlsx"],
      ["noticeNotVerified", "doi-ten.xlsx"],
      ["noticeNotVerified", "tu-lam.xlsx"],
    ]);
  });
});
