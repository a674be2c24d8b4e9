/**
 * A large returned form, written row by row (ExcelJS's streaming writer, no shared strings): a hand-made
 * form of Sở Y tế with its six group rows and scores, then `rows` rows of three cells of random text
 * (`cellBytes` random bytes each, as base64; 90 by default), and, with `secondSheet`, a second sheet of as
 * many. Used by the forms memory test and the forms memory bench.
 */
import * as crypto from "crypto";
import * as ExcelJS from "exceljs";
import { GROUP_HEADERS } from "../core/helpers";

export const BIG_FORM_GROUPS = GROUP_HEADERS;
export const BIG_FORM_SCORES = [40, 80, 80, 80, 80, 40];

export async function bigForm(file: string, rows: number, options: { secondSheet?: boolean; cellBytes?: number } = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const junk = () => crypto.randomBytes(options.cellBytes ?? 90).toString("base64");
  const ws = wb.addWorksheet("Phiếu tự đánh giá");
  ws.addRow(["PHIẾU TỰ ĐÁNH GIÁ NĂM 2020"]).commit();
  ws.addRow(["Cơ quan:", "", "Sở Y tế"]).commit();
  ws.addRow(["STT", "Nhóm tiêu chí", "Điểm tự chấm", "Tối đa", "Tài liệu kiểm chứng"]).commit();
  BIG_FORM_GROUPS.forEach((g, i) => ws.addRow([i + 1, g, BIG_FORM_SCORES[i], "", "Báo cáo"]).commit());
  for (let r = 0; r < 250; r++) ws.addRow([]).commit();
  for (let r = 0; r < rows; r++) ws.addRow([junk(), junk(), junk()]).commit();
  ws.commit();
  if (options.secondSheet) {
    const more = wb.addWorksheet("Ghi chép");
    for (let r = 0; r < rows; r++) more.addRow([junk(), junk(), junk()]).commit();
    more.commit();
  }
  await wb.commit();
}
