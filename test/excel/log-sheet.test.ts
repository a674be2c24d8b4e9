import { lockResults } from "../../src/excel/lock";
import { writeLogSheet } from "../../src/excel/log-sheet";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { decodeStore, STORE_SHEET } from "../../src/core/store/store";
import { referenceDouble } from "./helpers";

const AT = () => new Date("2026-12-07T09:30:00.000Z");

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("Xem nhật ký: the printable Nhật ký sheet in Excel (the strict double)", () => {
  it("writes the log newest first in 2 syncs (its own entry the newest line), a few operations whatever the number of cells; a new sheet each time; Hoàn tác removes it and keeps the log", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    const { double, ws } = setup;
    ws.setValues("D12", [[95]]);
    expect((await runScoring("pane")).kind).toBe("done");
    expect((await lockResults({ by: "Nguyễn Văn A" }, AT)).kind).toBe("locked");
    double.stats.reset();
    const outcome = await writeLogSheet();
    expect(double.stats.syncs).toBe(2);
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome).toMatchObject({ sheetName: "Nhật ký", entries: 3 });
    expect(outcome.message).toContain("mới nhất ở trên");
    const sheet = double.workbook.sheet("Nhật ký");
    expect(double.workbook.activeSheet?.name).toBe("Nhật ký");
    const values = sheet.getValues("A1:H400");
    expect(values[0][0]).toBe("NHẬT KÝ GHI SỔ TÍNH");
    expect(values[1]).toEqual(["Thời điểm", "Thao tác", "Người thực hiện", "Trang", "Ô", "Giá trị cũ", "Giá trị mới", "Ghi chú"]);
    const actions = values.map((r) => r[1]).filter((v) => v !== "" && v !== "Thao tác");
    expect(actions).toEqual(["Trang Nhật ký", "Chốt kết quả", "Tính điểm"]);
    // Each cell Tính điểm changed is a line, old → new (the score typed, then its totals).
    const total = values.find((r) => r[4] === "J12")!;
    expect(total[6]).toBe(String(ws.getValues("J12")[0][0]));
    // Texts stay text: "@" everywhere (an old value "=…" or "1/2" is never read as a formula or date).
    expect(sheet.snapshot().cells.F3?.numberFormat ?? "@").toBe("@");
    expect(sheet.snapshot().cells.G12?.numberFormat).toBe("@");
    // Rows styled alike are styled together: 77 lines in 84 operations (a row at a time, it was several per line).
    const ops = double.stats.requests[1].ops;
    expect(ops).toBeLessThan(200);

    // Made again: a new sheet beside it (the first one may have been printed or annotated).
    expect((await writeLogSheet()).kind).toBe("done");
    expect(double.workbook.sheets.map((w) => w.name).filter((n) => n.startsWith("Nhật ký"))).toEqual(["Nhật ký", "Nhật ký (2)"]);
    const undone = await undoLast();
    expect(undone.kind).toBe("done");
    expect(undone.kind === "done" && undone.message).toContain("Xem nhật ký");
    expect(double.workbook.sheets.map((w) => w.name)).not.toContain("Nhật ký (2)");
    const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.state.log!.entries.map((e) => e.action)).toEqual(["score", "lock", "logSheet", "logSheet", "undo"]);
  });
});
