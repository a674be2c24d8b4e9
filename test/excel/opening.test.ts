/** Opening the pane (excel/opening.ts): one sync that reads the store's head and subscribes to cell edits. */
import { openPane } from "../../src/excel/opening";
import { referenceDouble } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("opening the pane subscribes in the settings batch", () => {
  it.each([
    [20, 1],
    [9, 1],
    [8, 0],
    [4, 0],
  ])("ExcelApi 1.%i: 1 sync in all; edits reach the handler %i time(s)", async (level, expected) => {
    const setup = referenceDouble(level);
    restore = setup.restore;
    setup.double.stats.reset();
    let told = 0;
    const opened = await openPane(() => told++);
    expect(setup.double.stats.syncs).toBe(1);
    expect(opened.head.lastRun).toBeNull();
    expect((await opened.settings()).rulesFromWorkbook).toBe(false);
    setup.double.edit(setup.ws.name, "G5", [[1]]);
    expect(told).toBe(expected);
    opened.stopListening();
    await new Promise((r) => setTimeout(r, 0));
    setup.double.edit(setup.ws.name, "G5", [[2]]);
    expect(told).toBe(expected);
  });

  it("a failed read leaves nothing subscribed", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    setup.double.failAt({ sync: 1, op: (s) => s.includes("A1:Z12") });
    let told = 0;
    await expect(openPane(() => told++)).rejects.toThrow();
    setup.double.edit(setup.ws.name, "G5", [[1]]);
    expect(told).toBe(0);
  });
});
