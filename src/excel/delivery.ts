import { supports } from "./host";

/**
 * How forms reach the user: Excel.createWorkbook (ExcelApi 1.8) opens each as a new workbook in Excel
 * on Windows and Mac; Excel on the web (and older Excel) gets downloads from the pane instead.
 */
export function formDelivery(): "newWorkbooks" | "download" {
  let platform: string | undefined;
  try {
    platform = Office.context.platform as unknown as string;
  } catch {
    platform = undefined;
  }
  if (platform !== "PC" && platform !== "Mac") return "download";
  return supports("1.8") ? "newWorkbooks" : "download";
}
