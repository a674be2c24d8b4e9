/** @jest-environment jsdom */
/**
 * The pane with the real api (officeApi: the use cases of src/excel, the ribbon's too) over the strict
 * Office.js double holding the 2020 reference grid: no fake, no module mock. Opening is one sync (the
 * settings and the subscription to cell edits in one batch); Tính điểm writes the results; an edit
 * typed in Excel shows the stale notice without a selection change.
 */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { officeApi } from "../../src/taskpane/officeApi";
import { referenceDouble } from "../excel/helpers";
import { installShims, waitIdle } from "./helpers";

beforeAll(installShims);
let restore: () => void = () => undefined;
afterEach(() => restore());

test("opening takes one sync; Tính điểm scores the grid; an edited score makes the results stale at once", async () => {
  const setup = referenceDouble(20);
  restore = setup.restore;
  setup.double.stats.reset();
  const user = userEvent.setup({ delay: null });
  const view = render(<App api={officeApi()} lang="vi" />);
  await screen.findByText(/Chưa có lần tính nào/);
  await waitIdle();
  // Only the opening batch ran before the pane was usable (the lazy parts make no Excel call on load).
  expect(setup.double.stats.syncs).toBe(1);

  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  // At 1.20 on Windows the first write makes the hidden store, which clears Ctrl+Z: the add-in asks first (an Office dialog).
  await waitFor(() => expect(setup.double.dialogs.filter((d) => !d.closed)).toHaveLength(1));
  const question = setup.double.dialogs[0];
  expect(new URL(question.url, "https://localhost").searchParams.get("message")).toMatch(/Ctrl\+Z/);
  expect(setup.ws.getValues("J5:J5")[0][0] ?? "").toBe(""); // nothing written before the answer
  question.sendMessage("confirm");
  const summary = await screen.findByRole("region", { name: "Kết quả" });
  expect(within(summary).getByText("19 cơ quan")).toBeInTheDocument();
  const written = setup.ws.getValues("J5:M5")[0];
  expect(written.every((v) => v !== "" && v !== null)).toBe(true);

  // Typed in Excel (worksheets.onChanged, subscribed on opening): the pane looks and says the results are stale.
  const row = setup.ws.getValues("B5:B23").findIndex((r) => r[0] === "Sở Y tế") + 5;
  setup.double.edit(setup.ws.name, `G${row}`, [[100]]);
  expect(await screen.findByText(/không khớp với điểm hiện tại/, undefined, { timeout: 10_000 })).toBeInTheDocument();
  view.unmount();
});
