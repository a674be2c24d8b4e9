/**
 * A strict Office.js test double for Excel add-ins ("fake host"). No Node imports: it runs in jest and, bundled,
 * in a browser page in place of office.js. See README.md beside this file.
 */
import { parseAddress, rectA1 } from "./address";
import { LATEST_EXCEL_API, API_LEVELS } from "./api-levels";
import { ClientObject, ClientResult, InjectedFailure, Limits, Runtime, Stats, createStats } from "./client-object";
import { RequestContext, makeRun } from "./context";
import * as Enums from "./enums";
import { ErrorCodes, ExtensionErrorCodes, MESSAGES, OfficeDoubleError } from "./errors";
import { Platform, createOffice } from "./office";
import * as P from "./proxies";
import { CellValue, FakeSheet, FakeWorkbook } from "./workbook";
import { UNDO_API_LEVEL, UNDO_UNSUPPORTED, UndoRecord, createUndoState, newRecord, remember, restore } from "./undo";

export interface OfficeDoubleOptions {
  /** highest ExcelApi minor version the host supports: 1 (Office 2016 MSI), 7 (Office 2019), 9, 14, 20 (default, latest) */
  apiLevel?: number;
  /** Office.context.displayLanguage, default "vi-VN" (also names new sheets: "Trang tính1" / "Sheet1") */
  displayLanguage?: string;
  /** default "PC" */
  platform?: Platform;
  /** use this workbook instead of a new one (e.g. from importXlsxToDouble) */
  workbook?: FakeWorkbook;
  /** sheet names of the new workbook (default: one sheet with the language's default name) */
  sheets?: string[];
  sharedRuntime?: boolean;
  addinCommands?: boolean;
  dialogApi?: number;
  requirementSets?: Record<string, string | false>;
  limits?: Partial<Limits>;
  /**
   * The add-in's own writes of cells (Range.values, Range.formulas) raise worksheets.onChanged too, as in Excel: they
   * are kept and reach the handlers late, when the test calls deliverAddinChanges() (after the action has finished).
   * Off by default (the handlers then hear only the user's edits).
   */
  addinChangeEvents?: boolean;
  /** value for formulas the add-in writes; without it, reading such a cell's value fails the sync */
  evaluateFormula?: (formula: string, sheet: FakeSheet, row: number, col: number) => CellValue | undefined;
}

export const FIVE_MB = 5 * 1024 * 1024;

export function createOfficeDouble(options: OfficeDoubleOptions = {}) {
  const apiLevel = options.apiLevel ?? LATEST_EXCEL_API;
  const displayLanguage = options.displayLanguage ?? "vi-VN";
  const platform = options.platform ?? "PC";
  const workbook = options.workbook ?? new FakeWorkbook({ language: displayLanguage, sheets: options.sheets });
  const stats: Stats = createStats();
  const undoSupported = apiLevel >= UNDO_API_LEVEL && options.requirementSets?.ExcelUndoApiAll !== false;
  const runtime: Runtime = {
    workbook,
    apiLevel,
    stats,
    limits: { payloadBytes: FIVE_MB, readCells: 5_000_000, writeCells: 2_000_000, ...options.limits },
    evaluateFormula: options.evaluateFormula,
    hooks: { beforeSync: [], failures: [], changedHandlers: [], addinChanges: options.addinChangeEvents ? [] : null },
    undo: createUndoState(undoSupported, platform === "OfficeOnline"),
  };

  /** worksheets.onChanged handlers told of a change; triggerSource (ExcelApi 1.14) only where the host has it. */
  const fireChanged = (ws: FakeSheet, address: string, trigger: "ThisLocalAddin" | "Unknown") => {
    for (const h of [...runtime.hooks.changedHandlers])
      h({
        type: "WorksheetChanged",
        worksheetId: ws.id,
        address,
        changeType: "RangeEdited",
        source: "Local",
        ...(apiLevel >= 14 ? { triggerSource: trigger } : {}),
      });
  };

  class BoundRequestContext extends RequestContext {
    constructor() {
      super(runtime);
    }
  }

  /** Workbooks the add-in created with Excel.createWorkbook (base64 of the .xlsx, or null for an empty one). */
  const createdWorkbooks: { base64: string | null }[] = [];
  const Excel = {
    run: makeRun(runtime),
    /**
     * Excel.createWorkbook (ExcelApi 1.8; a namespace function, not batched): recorded; a host below 1.8
     * rejects with ApiNotFound. The test reads the bytes back with importXlsxToDouble.
     */
    createWorkbook(base64?: string): Promise<void> {
      if (apiLevel < 8) {
        const detail = `Excel.createWorkbook() needs ExcelApi 1.8; this host supports ExcelApi 1.${apiLevel}`;
        return Promise.reject(new OfficeDoubleError("ApiNotFound", `${MESSAGES.ApiNotFound} (${detail})`, { errorLocation: "Excel.createWorkbook", detail }));
      }
      if (base64 !== undefined && (typeof base64 !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))) {
        return Promise.reject(
          new OfficeDoubleError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", { errorLocation: "Excel.createWorkbook" }),
        );
      }
      createdWorkbooks.push({ base64: base64 ?? null });
      return Promise.resolve();
    },
    RequestContext: BoundRequestContext,
    ErrorCodes,
    ...Enums,
    Workbook: P.WorkbookProxy,
    Worksheet: P.WorksheetProxy,
    WorksheetCollection: P.WorksheetCollectionProxy,
    Range: P.RangeProxy,
    RangeAreas: P.RangeAreasProxy,
    RangeFormat: P.RangeFormatProxy,
    RangeFont: P.RangeFontProxy,
    RangeFill: P.RangeFillProxy,
    RangeBorder: P.RangeBorderProxy,
    PageLayout: P.PageLayoutProxy,
  };

  const OfficeExtension = {
    Error: OfficeDoubleError,
    ErrorCodes: ExtensionErrorCodes,
    ClientObject,
    ClientResult,
    Promise,
  };

  const office = createOffice(
    {
      apiLevel,
      displayLanguage,
      platform,
      sharedRuntime: options.sharedRuntime ?? false,
      addinCommands: options.addinCommands ?? apiLevel > 1,
      dialogApi: options.dialogApi ?? 2,
      requirementSets: options.requirementSets ?? {},
      version: "16.0.0000.0000",
    },
    workbook,
  );

  const double = {
    Excel,
    Office: office.Office,
    OfficeExtension,
    workbook,
    stats,
    apiLevel,
    runtime,
    /** functions registered with Office.actions.associate */
    actions: office.state.actions,
    /** dialogs opened with Office.context.ui.displayDialogAsync */
    dialogs: office.state.dialogs,
    createdWorkbooks,
    /** recorded Office.addin.* / ui.messageParent calls */
    calls: office.state.calls,
    invokeAction: office.invokeAction,
    /**
     * Makes the host fail one action of a sync, once: the actions before it in that batch stay applied (the
     * host is not transactional), the rest are dropped and sync() rejects with `code`.
     */
    failAt(failure: InjectedFailure = {}): void {
      runtime.hooks.failures.push(failure);
    },
    /** Runs `hook(n)` when sync number n reaches the host, before its actions: edit the workbook there to model a user typing between two syncs. Returns a function that removes the hook. */
    onSync(hook: (sync: number) => void): () => void {
      runtime.hooks.beforeSync.push(hook);
      return () => {
        const i = runtime.hooks.beforeSync.indexOf(hook);
        if (i >= 0) runtime.hooks.beforeSync.splice(i, 1);
      };
    },
    /** Selects cells as the user does ("B12" or "Sheet!B12") and fires DocumentSelectionChanged handlers. */
    select: office.select,
    /**
     * The user types values into a sheet (topLeft "B12", a 2D block), then the host tells the
     * worksheets.onChanged handlers registered by a sync (none below ExcelApi 1.9: onChanged throws there),
     * as Excel does: `address` is the block on its sheet ("B12:C13", no sheet name), the sheet is `worksheetId`.
     */
    edit(sheet: string, topLeft: string, values: ReadonlyArray<ReadonlyArray<CellValue>>): void {
      const ws = workbook.sheet(sheet);
      const record = newRecord(workbook, "user");
      remember(record, ws);
      record.syncs = 0;
      runtime.undo.stack.push(record);
      ws.setValues(topLeft, values);
      // As Excel gives it: the changed block on its sheet, without the sheet's name (that is worksheetId).
      const top = parseAddress(topLeft)!.rect;
      const rows = Math.max(1, values.length);
      const cols = Math.max(1, ...values.map((r) => r.length));
      fireChanged(ws, rectA1({ r0: top.r0, c0: top.c0, r1: top.r0 + rows - 1, c1: top.c0 + cols - 1 }), "Unknown");
    },
    /**
     * With `addinChangeEvents`: the onChanged events of the add-in's own writes since the last call reach the handlers
     * now, late (after the action that wrote), with triggerSource "ThisLocalAddin" at ExcelApi 1.14 and above (none
     * below). Returns how many were delivered.
     */
    deliverAddinChanges(): number {
      const pending = runtime.hooks.addinChanges?.splice(0) ?? [];
      for (const c of pending) fireChanged(c.sheet, c.address, "ThisLocalAddin");
      return pending.length;
    },
    /**
     * Excel's undo stack (undo.ts): `undo.stack` (oldest first: the add-in's syncs or mergeUndoGroup runs, the user's
     * edits), `undo.clearedBy` (each API that cleared it), `undo.supported` (ExcelUndoApiAll), `undo.web`.
     */
    get undo() {
      return runtime.undo;
    },
    /**
     * The user presses Ctrl+Z: the last record on the undo stack is taken back (the sheets it touched, the sheet
     * list). Returns that record, or undefined when the stack is empty (Excel does nothing).
     */
    pressUndo(): UndoRecord | undefined {
      const record = runtime.undo.stack.pop();
      if (!record) return undefined;
      restore(workbook, record);
      return record;
    },
    /** Sets globalThis.Excel / Office / OfficeExtension (or on `target`); returns a function that restores them. */
    install(target: object = globalThis): () => void {
      const g = target as Record<string, unknown>;
      const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
      g.Excel = Excel;
      g.Office = office.Office;
      g.OfficeExtension = OfficeExtension;
      return () => {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete g[k];
          else g[k] = v;
        }
      };
    },
  };
  return double;
}

export type OfficeDouble = ReturnType<typeof createOfficeDouble>;

export { FakeWorkbook, FakeSheet, RequestContext, OfficeDoubleError, ErrorCodes, API_LEVELS, LATEST_EXCEL_API, UNDO_API_LEVEL, UNDO_UNSUPPORTED };
export type { UndoRecord };
export type { CellValue, Stats, Limits, InjectedFailure };
export type { CellSeed, CellSnapshot, SheetSnapshot, WorkbookSnapshot, PageLayoutState, Visibility } from "./workbook";
export { implementedMembers } from "./proxies";
