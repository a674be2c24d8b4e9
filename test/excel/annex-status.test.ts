/** What “Tạo phụ lục” came to, as one status (annex-status.ts): the pane's AnnexResult and the ribbon's note show it. */
import { annexNotice } from "../../src/core/sheets/annex";
import { annexStatus, annexStatusLines } from "../../src/excel/annex-status";
import { manualPrintSteps } from "../../src/excel/annex";
import type { AnnexOutcome } from "../../src/excel/types";

type Done = Extract<AnnexOutcome, { kind: "done" }>;
const done: Done = {
  kind: "done",
  sheetName: "Phụ lục",
  collided: false,
  manualPrintSteps: [],
  errorsIncluded: 0,
  undo: { action: "annex", at: "x", sheet: "Phụ lục" },
};
const steps = manualPrintSteps({ print: { repeatRows: { first: 5, last: 5 }, margins: { top: 2, bottom: 2, left: 3, right: 1.5 } } } as Parameters<
  typeof manualPrintSteps
>[0]);
const province = annexNotice("provinceMissing", { issuer: "Ủy ban nhân dân tỉnh", where: "pane" });

describe("annexStatus", () => {
  it("nothing left to do: ready to sign, where the annex is, no intro and no reasons", () => {
    expect(annexStatus(done, "Phụ lục", "vi")).toEqual({ ready: true, title: "Sẵn sàng trình ký", text: "Đã tạo phụ lục trên trang “Phụ lục”.", reasons: [] });
    expect(annexStatus(done, "Phụ lục", "en")).toEqual({ ready: true, title: "Ready to sign", text: "The annex is on sheet “Phụ lục”.", reasons: [] });
  });

  it("not ready: the errors carried first, then the use case's notices, then the print layout with its steps in the language asked", () => {
    const status = annexStatus({ ...done, errorsIncluded: 3, notices: [province], manualPrintSteps: steps }, undefined, "vi");
    expect(status).toMatchObject({ ready: false, title: "Chưa trình ký được", intro: "Trước khi trình ký:" });
    expect(status.reasons.map((r) => r.text)).toEqual([
      "Phụ lục có 3 số liệu đang lỗi. Hãy sửa bảng điểm rồi tạo lại phụ lục trước khi trình ký.",
      province.message,
      "Đặt bố cục in bằng tay (phiên bản Excel này không cho add-in đặt). Trên trang phụ lục, hãy chọn:",
    ]);
    expect(status.reasons.map((r) => r.steps?.length ?? 0)).toEqual([0, 0, 6]);
    expect(status.reasons[2].steps![2]).toBe("Bố cục Trang → In tiêu đề → Hàng lặp lại ở đầu trang: $6:$6.");
    const en = annexStatus({ ...done, manualPrintSteps: steps }, undefined, "en");
    expect(en.reasons).toHaveLength(1);
    expect(en.reasons[0].steps).toEqual(steps.map((s) => s.messageEn));
    expect(en.reasons[0].steps![4]).toBe("Margins: top 2 cm, bottom 2 cm, left 3 cm, right 1.5 cm; center horizontally.");
  });

  it("under another name: says why only when the name asked for is known", () => {
    const elsewhere = { ...done, collided: true, sheetName: "Phụ lục (2)" };
    expect(annexStatus(elsewhere, "Phụ lục", "vi").collided).toBe(
      "Sổ tính đã có một trang “Phụ lục” của bạn, nên phụ lục được đặt ở trang “Phụ lục (2)”. Trang của bạn không bị thay đổi.",
    );
    expect(annexStatus(elsewhere, undefined, "vi")).not.toHaveProperty("collided");
    expect(annexStatus({ ...done, sheetName: "Phụ lục (2)" }, "Phụ lục", "vi")).not.toHaveProperty("collided");
  });
});

describe("annexStatusLines", () => {
  it("where, why elsewhere, the intro, each reason as “– …” and its steps as “  • …”", () => {
    const status = annexStatus({ ...done, collided: true, sheetName: "Phụ lục (2)", errorsIncluded: 1, manualPrintSteps: steps.slice(0, 2) }, "Phụ lục", "en");
    expect(annexStatusLines(status)).toEqual([
      "The annex is on sheet “Phụ lục (2)”.",
      "The workbook already has a sheet “Phụ lục” of yours, so the annex went to sheet “Phụ lục (2)”. Your sheet was not changed.",
      "Before it is signed:",
      "– The annex carries 1 figure in error. Correct the score table and create the annex again before it is signed.",
      "– Set the print layout by hand (this version of Excel does not let add-ins set it). On the annex sheet, choose:",
      "  • Page Layout → Orientation → Landscape.",
      "  • Page Layout → Size → A4.",
    ]);
    expect(annexStatusLines(annexStatus(done, "Phụ lục", "vi"))).toEqual(["Đã tạo phụ lục trên trang “Phụ lục”."]);
  });
});
