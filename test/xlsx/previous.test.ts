import * as ExcelJS from "exceljs";
import { readPreviousFile } from "../../src/xlsx/previous";
import { referenceSheet } from "../fixtures/reference";

async function bytesOf(sheets: { name: string; values: unknown[][] }[]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) wb.addWorksheet(s.name).addRows(s.values);
  const buffer = await wb.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

describe("last year's workbook file, as the pane reads it (ExcelJS)", () => {
  it("scores the first sheet with a grid (a notes sheet before it is passed over) with the preset", async () => {
    const last = await bytesOf([
      { name: "Ghi chép", values: [["Ghi chép riêng"]] },
      { name: "Chấm điểm 2019", values: referenceSheet() },
    ]);
    const read = await readPreviousFile(ExcelJS, "2019.xlsx", last);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet).toBe("Chấm điểm 2019");
    expect(read.agencies).toHaveLength(19);
    expect(read.agencies.find((a) => a.name === "Sở Y tế")).toMatchObject({ rank: 8, className: "Khá" });
  });

  it("names a file that is not a workbook, and a workbook without a grid", async () => {
    expect(await readPreviousFile(ExcelJS, "hong.xlsx", new TextEncoder().encode("not a zip"))).toEqual({
      ok: false,
      problem: { code: "unreadable", source: "hong.xlsx" },
    });
    const notes = await bytesOf([{ name: "Ghi chép", values: [["Ghi chép riêng"]] }]);
    expect(await readPreviousFile(ExcelJS, "notes.xlsx", notes)).toEqual({ ok: false, problem: { code: "noGrid", source: "notes.xlsx" } });
  });
});
