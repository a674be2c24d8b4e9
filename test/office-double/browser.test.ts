/**
 * @jest-environment jsdom
 */
// The browser entry installs the double on window, as the Playwright page will use it.
type Double = NonNullable<Window["__officeDouble"]>;

test("browser entry installs Excel/Office on window and exposes the double", async () => {
  window.__OFFICE_DOUBLE_OPTIONS__ = { apiLevel: 9, displayLanguage: "en-US" };
  await import("./browser");
  const w = window as unknown as { Excel: Double["Excel"]; Office: Double["Office"] };
  expect(window.__officeDouble?.apiLevel).toBe(9);
  expect(w.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
  expect(w.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
  await w.Excel.run(async (ctx) => {
    ctx.workbook.getActiveCell().values = [["from the page"]];
  });
  expect(window.__officeDouble?.workbook.sheet("Sheet1").getValues("A1")).toEqual([["from the page"]]);
});
