/** One languageOf and one hh:mm / dd/mm/yyyy formatter (Intl), shared by the pane, the ribbon, undo and the merge sheets. */
import { ddmmyyyy, hhmm, languageOf } from "../../../src/core/base/catalogue";
import { languageOf as paneLanguageOf } from "../../../src/taskpane/i18n";
import { languageOf as ribbonLanguageOf } from "../../../src/commands/notify";

it("the pane and the ribbon use the one languageOf", () => {
  expect(paneLanguageOf).toBe(languageOf);
  expect(ribbonLanguageOf).toBe(languageOf);
  for (const [tag, lang] of [
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["en_GB", "en"],
    ["en", "en"],
    ["vi-VN", "vi"],
    ["fr-FR", "vi"],
    ["eng", "vi"],
    ["", "vi"],
  ] as const)
    expect([tag, languageOf(tag)]).toEqual([tag, lang]);
  expect(languageOf(undefined)).toBe("vi");
  expect(languageOf(null)).toBe("vi");
});

it("hh:mm is 24-hour with two digits, in local time; dd/mm/yyyy likewise", () => {
  expect(hhmm(new Date(2021, 0, 5, 9, 5).toISOString())).toBe("09:05");
  expect(hhmm(new Date(2021, 0, 5, 0, 0).toISOString())).toBe("00:00");
  expect(hhmm(new Date(2021, 0, 5, 23, 59).toISOString())).toBe("23:59");
  expect(ddmmyyyy(new Date(2021, 0, 5, 23, 59).toISOString())).toBe("05/01/2021");
  expect(ddmmyyyy(new Date(2020, 11, 31, 12, 0).toISOString())).toBe("31/12/2020");
  expect(hhmm("not a time")).toBe("");
  expect(ddmmyyyy("")).toBe("");
});
