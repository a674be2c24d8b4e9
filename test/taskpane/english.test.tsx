/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import * as excel from "../../src/excel/index";
import { languageOf } from "../../src/taskpane/i18n";
import { finding55, installShims, scoringDone, settings } from "./helpers";

jest.mock("../../src/excel/index", () => ({
  runScoring: jest.fn(),
  generateAnnex: jest.fn(),
  undoLast: jest.fn(),
  loadSettings: jest.fn(),
  saveRules: jest.fn(),
  saveDecision: jest.fn(),
  selectCell: jest.fn(),
}));
const mocked = excel as jest.Mocked<typeof excel>;

const g = globalThis as unknown as { Office?: unknown };
beforeAll(installShims);
beforeEach(() => {
  jest.clearAllMocks();
  mocked.loadSettings.mockResolvedValue(settings());
});
afterEach(() => delete g.Office);

test("the language follows Office's display language: English for en-*, Vietnamese otherwise", () => {
  expect(languageOf("en-US")).toBe("en");
  expect(languageOf("en-GB")).toBe("en");
  expect(languageOf("vi-VN")).toBe("vi");
  expect(languageOf("fr-FR")).toBe("vi");
  expect(languageOf(undefined)).toBe("vi");
});

test("with displayLanguage en-US the pane is in English, findings too", async () => {
  g.Office = { context: { displayLanguage: "en-US" } };
  mocked.runScoring.mockResolvedValue(scoringDone());
  const user = userEvent.setup({ delay: null });
  render(<App />);
  await waitFor(() => expect(mocked.loadSettings).toHaveBeenCalled());
  expect(screen.getByRole("heading", { level: 1, name: "IT application ranking" })).toBeInTheDocument();
  expect(screen.getByRole("tab", { name: "Score" })).toBeInTheDocument();
  expect(screen.getByRole("tab", { name: "Annex" })).toBeInTheDocument();
  expect(screen.getByRole("tab", { name: "Rules" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Undo" })).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Score" }));
  const summary = await screen.findByRole("region", { name: "Results" });
  expect(within(summary).getByText("19 agencies")).toBeInTheDocument();
  expect(within(summary).getByText("7 Tốt")).toBeInTheDocument();
  const errors = screen.getByRole("region", { name: "Errors to fix (1)" });
  expect(within(errors).getByRole("button")).toHaveTextContent(finding55.messageEn);

  await user.click(screen.getByRole("tab", { name: "Annex" }));
  const annex = screen.getByRole("tabpanel", { name: "Annex" });
  expect(within(annex).getByRole("button", { name: "Create annex" })).toBeInTheDocument();
  const date = within(annex).getByRole("textbox", { name: /^Date signed/ });
  await user.type(date, "31/02/2021");
  expect(date).toHaveAccessibleDescription(/^“31\/02\/2021” is not a valid date in dd\/mm\/yyyy form \(for example 05\/01\/2021\)\./);

  await user.click(screen.getByRole("tab", { name: "Rules" }));
  const rules = screen.getByRole("tabpanel", { name: "Rules" });
  expect(within(rules).getByRole("heading", { name: "Scoring rules" })).toBeInTheDocument();
  await user.click(within(rules).getByRole("button", { name: /Hạ tầng kỹ thuật/ }));
  const max = within(rules).getByRole("textbox", { name: "Maximum points" });
  await user.clear(max);
  await user.type(max, "-5");
  expect(max).toHaveAccessibleDescription("The group's maximum must be a number greater than 0.");
});

test("the Vietnamese pane does not need Office to name its language", async () => {
  render(<App />);
  expect(await screen.findByRole("tab", { name: "Tính điểm" })).toBeInTheDocument();
  expect(document.querySelector("[lang='vi']")).not.toBeNull();
});
