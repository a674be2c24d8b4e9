/** The store in the workbook (core/store/store.ts): what the add-in writes reads back whole. */
import { decodeStore, encodeStore } from "../../../src/core/store/store";
import { scored, soundState } from "./helpers";
describe("a sound store", () => {
  it("reads back whole, with no issue", () => {
    const decoded = decodeStore(encodeStore(soundState()));
    expect(decoded).toEqual({ ok: true, state: JSON.parse(JSON.stringify(soundState())), issues: [] });
  });

  it("keeps each finding of the last run with its agency, group and value (the pane lists them so after Hoàn tác brings the run back)", () => {
    const run = soundState().lastRun!;
    const ok = scored as Extract<typeof scored, { ok: true }>;
    const onScore = ok.findings.find((f) => f.agency && f.group);
    expect(onScore).toBeDefined();
    const stored = run.findings.find((f) => f.cell === onScore!.cell && f.code === onScore!.code)!;
    expect(stored).toMatchObject({ agency: onScore!.agency, group: onScore!.group, value: onScore!.value });
    const decoded = decodeStore(encodeStore(soundState()));
    expect(decoded.ok && decoded.state.lastRun!.findings).toContainEqual(stored);
  });
});
