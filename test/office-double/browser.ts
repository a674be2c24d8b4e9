/**
 * Browser entry: bundle this file (webpack) and load it in the page instead of office.js. It creates the double
 * from `window.__OFFICE_DOUBLE_OPTIONS__` (if the page set it before this script) or from the query string
 * (`?apiLevel=9&displayLanguage=en-US&platform=OfficeOnline`), installs `Excel`, `Office` and `OfficeExtension`
 * on `window`, and exposes the double as `window.__officeDouble` so a Playwright test can seed the workbook and
 * read `__officeDouble.workbook.snapshot()` / `__officeDouble.stats` with page.evaluate().
 */
import { createOfficeDouble, OfficeDoubleOptions } from "./index";
import type { Platform } from "./office";

declare global {
  interface Window {
    __OFFICE_DOUBLE_OPTIONS__?: OfficeDoubleOptions;
    __officeDouble?: ReturnType<typeof createOfficeDouble>;
  }
}

function optionsFromQuery(search: string): OfficeDoubleOptions {
  const q = new URLSearchParams(search);
  const o: OfficeDoubleOptions = {};
  const level = q.get("apiLevel");
  if (level) o.apiLevel = Number(level);
  const lang = q.get("displayLanguage");
  if (lang) o.displayLanguage = lang;
  const platform = q.get("platform");
  if (platform) o.platform = platform as Platform;
  if (q.get("sharedRuntime") === "true") o.sharedRuntime = true;
  return o;
}

const options = { ...optionsFromQuery(window.location.search), ...(window.__OFFICE_DOUBLE_OPTIONS__ ?? {}) };
const double = createOfficeDouble(options);
double.install(window);
window.__officeDouble = double;

export { double };
export * from "./index";
