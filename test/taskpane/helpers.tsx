/**
 * Shared by the task pane's component tests (jsdom): browser shims Fluent UI needs, and fixtures
 * shaped like the use cases' outcomes for the 2020 Thái Bình grid (19 agencies: 7 Tốt, 8 Khá, 4 Trung bình).
 */
import "@testing-library/jest-dom";
import * as React from "react";
import { configure, screen, waitFor } from "@testing-library/react";
import type { BusyKind, Result } from "../../src/taskpane/actions";
import type { LastRun } from "../../src/core/store/store";
import type { FindingView, ScoringOutcome, WorkbookSettings } from "../../src/excel/types";
import { DEFAULT_METADATA } from "../../src/core/rules/metadata";
import { PRESET_THAI_BINH_2020 } from "../../src/core/rules/rules";
import type { FormsActions, PaneApi } from "../../src/taskpane/api";
import { USE_CASES } from "../../src/excel/index";
import type { CellsEdited } from "../../src/excel/index";

// The tabs, dialogs and the scoring engine are loaded lazily (dynamic import): on a loaded machine their
// first appearance can take longer than testing-library's default 1 s wait for findBy*/waitFor.
configure({ asyncUtilTimeout: 10_000 });
// The pane's live region repeats, for screen readers, the text of the notices an action showed: text queries look for
// what is shown (the region is found by its role, and test/taskpane/announce.test.tsx reads it).
configure({ defaultIgnore: "script, style, [data-announcer]" });

/** What jsdom lacks and Fluent UI v9 uses: matchMedia, ResizeObserver, scrollIntoView. */
export function installShims(): void {
  if (!window.matchMedia) {
    Object.defineProperty(window, "matchMedia", {
      configurable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!("ResizeObserver" in window)) {
    class ResizeObserverShim {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    Object.defineProperty(window, "ResizeObserver", { configurable: true, value: ResizeObserverShim });
    Object.defineProperty(globalThis, "ResizeObserver", { configurable: true, value: ResizeObserverShim });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
  keepOnlyHidingRules();
}

/** A CSS rule that can hide an element from testing-library's queries or jest-dom's toBeVisible. */
const HIDING = /display:\s*none|visibility:\s*(hidden|collapse)|opacity:\s*0(?![.\d])/;

/**
 * Fluent UI's styles (Griffel) insert thousands of CSS rules; jsdom's getComputedStyle, which every
 * getByRole and toBeVisible calls on each element it looks at, walks them all: most of a pane test's time.
 * Only the rules that can hide an element are kept, so what is visible or hidden is the same; colours,
 * sizes and the theme's variables (which jsdom does not lay out) are left out.
 */
function keepOnlyHidingRules(): void {
  const proto = CSSStyleSheet.prototype as CSSStyleSheet & { hidingOnly?: true };
  if (proto.hidingOnly) return;
  const insert = proto.insertRule;
  proto.insertRule = function (this: CSSStyleSheet, rule: string, index?: number) {
    return HIDING.test(rule) ? insert.call(this, rule, Math.min(index ?? 0, this.cssRules.length)) : this.cssRules.length;
  };
  proto.hidingOnly = true;
}

export const SHEET = "Bảng điểm";

export const finding55: FindingView = {
  sheet: SHEET,
  cell: "H10",
  severity: "error",
  code: "aboveMax",
  agency: "Văn phòng UBND tỉnh",
  group: "Nhân lực cho ứng dụng CNTT",
  value: "55",
  message: "Ô H10 (Văn phòng UBND tỉnh, “Nhân lực cho ứng dụng CNTT”) có 55 điểm, vượt điểm tối đa 50 của nhóm. Hãy kiểm tra lại và sửa trước khi trình ký.",
  messageEn: "Cell H10 (Văn phòng UBND tỉnh, “Nhân lực cho ứng dụng CNTT”) holds 55, above the group's maximum of 50. Check and correct it before signing.",
};

export const duplicateWarning: FindingView = {
  sheet: SHEET,
  cell: "B24",
  severity: "warning",
  code: "duplicateName",
  agency: "Sở Y tế",
  group: "",
  value: "Sở Y tế",
  message: "Ô B24: tên cơ quan “Sở Y tế” trùng với ô B12. Hãy kiểm tra xem có nhập trùng một cơ quan hai lần không.",
  messageEn: "Cell B24: agency name “Sở Y tế” repeats cell B12. Check that the agency is not entered twice.",
};

export function lastRun(source: LastRun["source"] = "pane", findings: FindingView[] = [finding55]): LastRun {
  return {
    at: "2021-01-04T03:42:00.000Z",
    sheet: SHEET,
    source,
    agencies: 19,
    scored: 19,
    byClass: [
      { name: "Tốt", count: 7 },
      { name: "Khá", count: 8 },
      { name: "Trung bình", count: 4 },
    ],
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    top: ["Sở Thông tin và Truyền thông"],
    bottom: ["Sở Khoa học và Công nghệ"],
    findings: findings.map((f) => ({ cell: f.cell, severity: f.severity, code: f.code, message: f.message, messageEn: f.messageEn })),
  };
}

export function scoringDone(findings: FindingView[] = [finding55, duplicateWarning]): Extract<ScoringOutcome, { kind: "done" }> {
  return {
    kind: "done",
    sheet: SHEET,
    run: lastRun("pane", findings),
    findings,
    columns: ["J", "K", "L", "M"],
    unchanged: false,
    notices: [],
    noticesEn: [],
    edited: [],
    undo: { action: "score", at: "2021-01-04T03:42:00.000Z", sheet: SHEET },
  };
}

export function settings(over: Partial<WorkbookSettings> = {}): WorkbookSettings {
  return {
    rules: PRESET_THAI_BINH_2020,
    rulesFromWorkbook: false,
    decision: { ...DEFAULT_METADATA, year: 2020 },
    lastRun: null,
    undo: null,
    problems: [],
    problemsEn: [],
    ...over,
  };
}

/** A promise and the functions that settle it, to hold an action "busy" while a test looks. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Waits until the pane is idle (its main region not aria-busy): right after opening it is busy a moment
 * (settings, then the lazily loaded parts), and a click on a busy button is ignored, as for a user.
 */
export async function waitIdle(): Promise<void> {
  await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"));
}

/** A fake PaneApi: every call a jest.fn, to be given outcomes by each test (as the use cases' contracts say). */
export type FakeApi = { [K in Exclude<keyof PaneApi, "forms">]: jest.MockedFunction<PaneApi[K]> } & {
  forms: { [K in keyof FormsActions]: jest.MockedFunction<FormsActions[K]> };
  /**
   * Tells the pane that cells were edited (the handler it subscribed on opening; nothing before): onChanged's address
   * (sheet-local, as Excel gives it) and worksheetId.
   */
  editCells(address?: string, worksheetId?: string): void;
  /** Called when the pane ends that subscription (on unmount). */
  stopListening: jest.Mock<void, []>;
};

/**
 * The pane's Office calls for a test (<App api={fakeApi()} />). Opening (openPane) gives what
 * loadSettings gives (settings() unless a test says otherwise): its head at once, all of it from
 * settings(); it keeps the cell-edit handler for editCells(); the selection subscription does nothing
 * until a test replaces it.
 */
export function fakeApi(): FakeApi {
  let cellsEdited: ((edit: CellsEdited) => void) | null = null;
  const stopListening = jest.fn(() => {
    cellsEdited = null;
  });
  const api: FakeApi = {
    // Every use case of the table a jest.fn(); the ones below answer as the pane needs.
    ...(Object.fromEntries(Object.keys(USE_CASES).map((name) => [name, jest.fn()])) as unknown as Pick<FakeApi, keyof typeof USE_CASES>),
    openPane: jest.fn(async (onCellsEdited: (edit: CellsEdited) => void) => {
      const loaded = await api.loadSettings();
      cellsEdited = onCellsEdited;
      const { lastRun, undo, problems, problemsEn, lineage2025 } = loaded;
      return { head: { lastRun, undo, problems, problemsEn, lineage2025 }, settings: async () => loaded, stopListening };
    }),
    loadSettings: jest.fn(async () => settings()),
    selectCell: jest.fn(async (_sheet: string, _address: string) => undefined),
    listOtherSheets: jest.fn(async () => []),
    logEdits: jest.fn(async (_edits: readonly (CellsEdited | string)[]) => 0),
    inspectSelection: jest.fn(async () => null),
    onSelectionChanged: jest.fn((_handler: () => void) => () => undefined),
    readPreviousFile: jest.fn(),
    saveLineage2025: jest.fn(async (_on: boolean) => ({ ok: true as const })),
    writeLineageSheet: jest.fn(),
    readCriteriaSheet: jest.fn(),
    writeCriteriaSheet: jest.fn(),
    writeLedgerSheet: jest.fn(),
    preloadEngine: jest.fn(),
    forms: {
      prepare: jest.fn(),
      delivery: jest.fn(() => "download" as const),
      render: jest.fn(),
      prepareNotices: jest.fn(),
      renderNotices: jest.fn(),
      openAsNewWorkbooks: jest.fn(),
      download: jest.fn(),
      read: jest.fn(),
      merge: jest.fn(),
    },
    editCells: (address = "", worksheetId?: string) => cellsEdited?.({ address, worksheetId, changeType: "RangeEdited" }),
    stopListening,
  };
  return api;
}

/** The busy state and `run` a view gets from the pane (busy while the action runs; a thrown error as a failed result). */
export function useBusyRun(): { busy: BusyKind | null; run: <T>(kind: BusyKind, action: () => Promise<T>) => Promise<Result<T>> } {
  const [busy, setBusy] = React.useState<BusyKind | null>(null);
  const run = async <T,>(kind: BusyKind, action: () => Promise<T>): Promise<Result<T>> => {
    setBusy(kind);
    try {
      return { ok: true, value: await action() };
    } catch (e) {
      return { ok: false, error: String(e) };
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
