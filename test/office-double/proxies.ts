/**
 * The Excel proxy classes (Workbook, Worksheet, Range, RangeFormat…). Each class has a `spec`: its scalar
 * properties with host-side getters/setters, its navigation properties, and (collections) its items. Methods
 * are written out below; every member checks the host's API level (api-levels.ts) when it is used.
 */
import {
  absoluteA1,
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  boundingRect,
  intersect,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  qualifiedA1,
  rectA1,
  rectCells,
  rectCols,
  rectRows,
  validRect,
} from "./address";
import { ClassSpec, ClientObject, ClientObjectCtor, ClientResult, ContextLike, Exec, PropDef, Resolver, defineAccessors } from "./client-object";
import type { WorksheetChangedArgs } from "./client-object";
import { OfficeDoubleError, hostError } from "./errors";
import * as Enums from "./enums";
import {
  BORDER_INDEXES,
  BORDER_STYLES,
  BORDER_WEIGHTS,
  RangeRef,
  assertWritable,
  boolArg,
  colorArg,
  common,
  copyRange,
  enumArg,
  fontOf,
  forEachCell,
  numberArg,
  readBorder,
  readFormulas,
  readMatrix,
  readText,
  readValueTypes,
  readValues,
  writeBorder,
  writeNumberFormat,
  writeValues,
} from "./host";
import {
  Cell,
  CellValue,
  DEFAULT_PROTECTION_OPTIONS,
  FakeSheet,
  FakeChart,
  FakeChartAxis,
  FakeChartSeries,
  FakeWorkbook,
  HeaderFooterState,
  PageLayoutState,
  ProtectionOptions,
  Visibility,
} from "./workbook";

const asSpec = <R>(s: ClassSpec<R>): ClassSpec<never> => s as unknown as ClassSpec<never>;
const cells = (ref: RangeRef) => rectCells(ref.rect);

function bad(detail: string): OfficeDoubleError {
  return hostError("InvalidArgument", detail);
}

function rangeOn(sheet: FakeSheet, rect: Rect): RangeRef {
  if (!validRect(rect)) throw bad(`the range falls outside the sheet`);
  return { sheet, rect };
}

/** A Range or an address string argument, resolved on `sheet`. */
function rectArg(x: Exec, sheet: FakeSheet, arg: unknown, what: string): Rect {
  if (arg instanceof RangeProxy) {
    const r = x.resolve(arg);
    if (!r) throw hostError("InvalidArgument", `${what}: the range is a null object`);
    if (r.sheet !== sheet) throw bad(`${what}: the range is on another sheet`);
    return r.rect;
  }
  if (typeof arg !== "string") throw bad(`${what}: expected a Range or an address`);
  const p = parseAddress(arg);
  if (!p) throw bad(`${what}: '${arg}' is not an address the double understands (named ranges are not supported)`);
  if (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw bad(`${what}: '${arg}' is on another sheet`);
  return p.rect;
}

function visibleSheets(wb: FakeWorkbook): FakeSheet[] {
  return wb.sheets.filter((s) => s.visibility === "Visible");
}

function activateNeighbour(wb: FakeWorkbook, leaving: FakeSheet): void {
  if (wb.activeSheet !== leaving) return;
  const i = wb.sheets.indexOf(leaving);
  const after = wb.sheets.slice(i + 1).find((s) => s !== leaving && s.visibility === "Visible");
  const before = [...wb.sheets.slice(0, i)].reverse().find((s) => s !== leaving && s.visibility === "Visible");
  wb.activeSheet = after ?? before;
}

function validateSheetName(wb: FakeWorkbook, name: unknown, self?: FakeSheet): string {
  if (typeof name !== "string" || name.trim() === "" || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw bad(`'${String(name)}' is not a valid sheet name (1-31 characters, none of \\ / ? * [ ] :, no leading or trailing ')`);
  if (name.toLowerCase() === "history") throw bad(`'History' is reserved by Excel`);
  const other = wb.findSheet(name);
  if (other && other !== self) throw hostError("ItemAlreadyExists", `a sheet named '${other.name}' already exists`);
  return name;
}

// ------------------------------------------------------------------ Application

export class ApplicationProxy extends ClientObject<FakeWorkbook> {
  static spec = asSpec<FakeWorkbook>({
    name: "Application",
    props: {
      calculationMode: {
        get: (wb) => wb.calculationMode,
        set: (wb, v) => {
          wb.calculationMode = enumArg(v, Object.values(Enums.CalculationMode), "Application.calculationMode");
        },
      },
    },
    navs: {},
  });
  declare calculationMode: string;

  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], () => {
      enumArg(calculationType, Object.values(Enums.CalculationType), "Application.calculate");
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}

// ------------------------------------------------------------------ Workbook

export class WorkbookProxy extends ClientObject<FakeWorkbook> {
  static spec = asSpec<FakeWorkbook>({
    name: "Workbook",
    props: { name: { get: (wb) => wb.name } },
    navs: {
      worksheets: { ctor: () => WorksheetCollectionProxy, ref: (wb) => wb },
      application: { ctor: () => ApplicationProxy, ref: (wb) => wb },
      settings: { ctor: () => SettingCollectionProxy, ref: (wb) => wb },
    },
  });
  declare readonly name: string;
  declare readonly worksheets: WorksheetCollectionProxy;
  declare readonly application: ApplicationProxy;
  declare readonly settings: SettingCollectionProxy;

  getSelectedRange(): RangeProxy {
    return this._method(
      "getSelectedRange",
      [],
      () => RangeProxy,
      (wb: FakeWorkbook) => {
        const s = wb.activeSheet;
        if (!s) throw hostError("InvalidSelection", "no active sheet");
        return rangeOn(s, s.selection);
      },
    );
  }

  getActiveCell(): RangeProxy {
    return this._method(
      "getActiveCell",
      [],
      () => RangeProxy,
      (wb: FakeWorkbook) => {
        const s = wb.activeSheet;
        if (!s) throw hostError("InvalidSelection", "no active sheet");
        return rangeOn(s, { r0: s.selection.r0, c0: s.selection.c0, r1: s.selection.r0, c1: s.selection.c0 });
      },
    );
  }
}

// ------------------------------------------------------------------ Worksheets

export class WorksheetCollectionProxy extends ClientObject<FakeWorkbook> {
  static spec = asSpec<FakeWorkbook>({
    name: "WorksheetCollection",
    props: {},
    navs: {},
    collection: { itemCtor: () => WorksheetProxy, items: (wb) => [...wb.sheets] },
  });
  declare readonly items: WorksheetProxy[];

  /**
   * worksheets.onChanged (ExcelApi 1.9; Worksheet.onChanged is 1.7): add() registers the handler when the next sync runs, as
   * office.js does; the returned result's remove() unregisters it at the sync after.
   */
  get onChanged(): { add: (handler: (args: WorksheetChangedArgs) => unknown) => { remove: () => void; context: ContextLike & { sync(): Promise<unknown> } } } {
    this._api("onChanged", "get");
    return {
      add: (handler) => {
        const hooks = this._runtime.hooks;
        this._call("onChanged", [], () => {
          hooks.changedHandlers.push(handler);
        });
        return {
          context: this._ctx as ContextLike & { sync(): Promise<unknown> },
          remove: () =>
            this._call("onChanged", [], () => {
              const i = hooks.changedHandlers.indexOf(handler);
              if (i >= 0) hooks.changedHandlers.splice(i, 1);
            }),
        };
      },
    };
  }

  add(name?: string): WorksheetProxy {
    return this._methodWithEffect(
      "add",
      name === undefined ? [] : [name],
      () => WorksheetProxy,
      (wb: FakeWorkbook) => {
        const n = name === undefined ? wb.nextDefaultSheetName() : validateSheetName(wb, name);
        const sheet = new FakeSheet(wb, n, wb.newSheetId());
        wb.sheets.push(sheet);
        return sheet;
      },
    );
  }

  getItem(key: string): WorksheetProxy {
    return this._method(
      "getItem",
      [key],
      () => WorksheetProxy,
      (wb: FakeWorkbook) => findSheetOrThrow(wb, key),
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return this._method(
      "getItemOrNullObject",
      [key],
      () => WorksheetProxy,
      (wb: FakeWorkbook) => findSheetOrThrow(wb, key),
      true,
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    return this._method(
      "getActiveWorksheet",
      [],
      () => WorksheetProxy,
      (wb: FakeWorkbook) => {
        if (!wb.activeSheet) throw hostError("ItemNotFound", "no active worksheet");
        return wb.activeSheet;
      },
    );
  }

  getCount(visibleOnly = false): ClientResult<number> {
    return this._callResult("getCount", [visibleOnly], (wb) => (visibleOnly ? visibleSheets(wb).length : wb.sheets.length));
  }

  getFirst(visibleOnly = false): WorksheetProxy {
    return this._method(
      "getFirst",
      [visibleOnly],
      () => WorksheetProxy,
      (wb: FakeWorkbook) => {
        const s = (visibleOnly ? visibleSheets(wb) : wb.sheets)[0];
        if (!s) throw hostError("ItemNotFound");
        return s;
      },
    );
  }

  getLast(visibleOnly = false): WorksheetProxy {
    return this._method(
      "getLast",
      [visibleOnly],
      () => WorksheetProxy,
      (wb: FakeWorkbook) => {
        const list = visibleOnly ? visibleSheets(wb) : wb.sheets;
        const s = list[list.length - 1];
        if (!s) throw hostError("ItemNotFound");
        return s;
      },
    );
  }
}

function findSheetOrThrow(wb: FakeWorkbook, key: unknown): FakeSheet {
  if (typeof key !== "string") throw bad("worksheet key must be a string");
  const s = wb.findSheet(key);
  if (!s) throw hostError("ItemNotFound", `no worksheet named '${key}'`);
  return s;
}

export class WorksheetProxy extends ClientObject<FakeSheet> {
  static spec = asSpec<FakeSheet>({
    name: "Worksheet",
    props: {
      name: {
        get: (s) => s.name,
        set: (s, v) => {
          s.name = validateSheetName(s.workbook, v, s);
        },
      },
      id: { get: (s) => s.id },
      position: {
        get: (s) => s.position,
        set: (s, v) => {
          const wb = s.workbook;
          const to = numberArg(v, "Worksheet.position", 0, wb.sheets.length - 1);
          if (!Number.isInteger(to)) throw bad("Worksheet.position must be an integer");
          wb.sheets.splice(wb.sheets.indexOf(s), 1);
          wb.sheets.splice(to, 0, s);
        },
      },
      visibility: {
        get: (s) => s.visibility,
        set: (s, v) => {
          const vis = enumArg(v, Object.values(Enums.SheetVisibility), "Worksheet.visibility") as Visibility;
          if (vis !== "Visible" && s.visibility === "Visible" && visibleSheets(s.workbook).length === 1)
            throw hostError("InvalidOperation", "a workbook must keep at least one visible sheet");
          if (vis !== "Visible") activateNeighbour(s.workbook, s);
          s.visibility = vis;
        },
      },
      showGridlines: {
        get: (s) => s.showGridlines,
        set: (s, v) => {
          s.showGridlines = boolArg(v, "Worksheet.showGridlines");
        },
      },
      tabColor: {
        get: (s) => s.tabColor,
        set: (s, v) => {
          s.tabColor = v === "" ? "" : colorArg(v, "Worksheet.tabColor");
        },
      },
      standardWidth: { get: () => 8.43 },
    },
    navs: {
      protection: { ctor: () => WorksheetProtectionProxy, ref: (s) => s },
      freezePanes: { ctor: () => WorksheetFreezePanesProxy, ref: (s) => s },
      pageLayout: { ctor: () => PageLayoutProxy, ref: (s) => s },
      horizontalPageBreaks: { ctor: () => PageBreakCollectionProxy, ref: (s) => s },
      charts: { ctor: () => ChartCollectionProxy, ref: (s) => s },
    },
  });
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: string;
  declare showGridlines: boolean;
  declare tabColor: string;
  declare readonly standardWidth: number;
  declare readonly protection: WorksheetProtectionProxy;
  declare readonly freezePanes: WorksheetFreezePanesProxy;
  declare readonly pageLayout: PageLayoutProxy;
  declare readonly charts: ChartCollectionProxy;

  getRange(address?: string): RangeProxy {
    return this._method(
      "getRange",
      address === undefined ? [] : [address],
      () => RangeProxy,
      (s: FakeSheet, x: Exec) =>
        address === undefined ? rangeOn(s, { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 }) : rangeOn(s, rectArg(x, s, address, "Worksheet.getRange")),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this._method(
      "getRangeByIndexes",
      [startRow, startColumn, rowCount, columnCount],
      () => RangeProxy,
      (s: FakeSheet) => {
        if (rowCount < 1 || columnCount < 1) throw bad("rowCount and columnCount must be at least 1");
        return rangeOn(s, { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 });
      },
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this._method(
      "getCell",
      [row, column],
      () => RangeProxy,
      (s: FakeSheet) => rangeOn(s, { r0: row, c0: column, r1: row, c1: column }),
    );
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return this._method(
      "getUsedRange",
      [valuesOnly],
      () => RangeProxy,
      (s: FakeSheet) => rangeOn(s, s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this._method(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      () => RangeProxy,
      (s: FakeSheet) => {
        const u = s.usedRect(valuesOnly);
        if (!u) throw hostError("ItemNotFound");
        return rangeOn(s, u);
      },
      true,
    );
  }

  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible") throw hostError("InvalidOperation", `sheet '${s.name}' is ${s.visibility.toLowerCase()}`);
      s.workbook.activeSheet = s;
    });
  }

  delete(): void {
    this._call("delete", [], (s) => {
      const wb = s.workbook;
      if (s.visibility === "Visible" && visibleSheets(wb).length === 1) throw hostError("InvalidOperation", "a workbook must keep at least one visible sheet");
      activateNeighbour(wb, s);
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
    });
  }

  calculate(markAllDirty: boolean): void {
    this._call("calculate", [markAllDirty], () => undefined);
  }
}

// ------------------------------------------------------------------ Protection, freeze panes

export class WorksheetProtectionProxy extends ClientObject<FakeSheet> {
  static spec = asSpec<FakeSheet>({
    name: "WorksheetProtection",
    props: {
      protected: { get: (s) => s.protection.protected },
      options: { get: (s) => ({ ...s.protection.options }) },
    },
    navs: {},
  });
  declare readonly protected: boolean;
  declare readonly options: ProtectionOptions;

  protect(options?: Partial<ProtectionOptions>, password?: string): void {
    this._call(
      "protect",
      password === undefined ? (options === undefined ? [] : [options]) : [options ?? null, password],
      (s) => {
        if (s.protection.protected) throw hostError("InvalidOperation", `sheet '${s.name}' is already protected`);
        s.protection = { protected: true, options: { ...DEFAULT_PROTECTION_OPTIONS, ...(options ?? {}) }, password };
      },
      password !== undefined,
    );
  }

  unprotect(password?: string): void {
    this._call(
      "unprotect",
      password === undefined ? [] : [password],
      (s) => {
        if (s.protection.password !== undefined && s.protection.password !== password) throw hostError("InvalidArgument", "the password is wrong");
        s.protection = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS } };
      },
      password !== undefined,
    );
  }
}

export class WorksheetFreezePanesProxy extends ClientObject<FakeSheet> {
  static spec = asSpec<FakeSheet>({ name: "WorksheetFreezePanes", props: {}, navs: {} });

  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (s) => {
      s.freeze = { rows: numberArg(count, "freezeRows", 0, MAX_ROWS - 1), columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], (s) => {
      s.freeze = { rows: 0, columns: numberArg(count, "freezeColumns", 0, MAX_COLUMNS - 1) };
    });
  }

  freezeAt(frozenRange: RangeProxy | string): void {
    this._call("freezeAt", [frozenRange], (s, x) => {
      const r = rectArg(x, s, frozenRange, "freezeAt");
      s.freeze = { rows: isEntireColumns(r) ? 0 : r.r1 + 1, columns: isEntireRows(r) ? 0 : r.c1 + 1 };
    });
  }

  unfreeze(): void {
    this._call("unfreeze", [], (s) => {
      s.freeze = { rows: 0, columns: 0 };
    });
  }

  getLocationOrNullObject(): RangeProxy {
    return this._method(
      "getLocationOrNullObject",
      [],
      () => RangeProxy,
      (s: FakeSheet) => {
        const { rows, columns } = s.freeze;
        if (!rows && !columns) throw hostError("ItemNotFound");
        return rangeOn(s, { r0: 0, c0: 0, r1: rows ? rows - 1 : MAX_ROWS - 1, c1: columns ? columns - 1 : MAX_COLUMNS - 1 });
      },
      true,
    );
  }
}

// ------------------------------------------------------------------ Range

const hiddenCount = (set: Set<number>, a: number, b: number): number => {
  if (b - a + 1 < set.size) {
    let n = 0;
    for (let i = a; i <= b; i++) if (set.has(i)) n++;
    return n;
  }
  let n = 0;
  for (const i of set) if (i >= a && i <= b) n++;
  return n;
};

const allSomeNone = (hidden: number, total: number): boolean | null => (hidden === 0 ? false : hidden === total ? true : null);

function setHidden(set: Set<number>, a: number, b: number, v: boolean): void {
  for (let i = a; i <= b; i++) {
    if (v) set.add(i);
    else set.delete(i);
  }
}

export class RangeProxy extends ClientObject<RangeRef> {
  static spec = asSpec<RangeRef>({
    name: "Range",
    props: {
      address: { get: (r) => qualifiedA1(r.sheet.name, r.rect) },
      addressLocal: { get: (r) => qualifiedA1(r.sheet.name, r.rect) },
      cellCount: { get: (r) => rectCells(r.rect) },
      rowCount: { get: (r) => rectRows(r.rect) },
      columnCount: { get: (r) => rectCols(r.rect) },
      rowIndex: { get: (r) => r.rect.r0 },
      columnIndex: { get: (r) => r.rect.c0 },
      isEntireColumn: { get: (r) => isEntireColumns(r.rect) },
      isEntireRow: { get: (r) => isEntireRows(r.rect) },
      values: { get: (r, x) => readValues(r, x), set: (r, v, x) => writeValues(r, v, x, "Range.values"), cells },
      formulas: { get: (r, x) => readFormulas(r, x), set: (r, v, x) => writeValues(r, v, x, "Range.formulas"), cells },
      numberFormat: { get: (r) => readMatrix(r, (c) => c?.numberFormat ?? "General"), set: (r, v, x) => writeNumberFormat(r, v, x), cells },
      text: { get: (r, x) => readText(r, x), cells },
      valueTypes: { get: (r, x) => readValueTypes(r, x), cells },
      rowHidden: {
        get: (r) => allSomeNone(hiddenCount(r.sheet.hiddenRows, r.rect.r0, r.rect.r1), rectRows(r.rect)),
        set: (r, v) => {
          const b = boolArg(v, "Range.rowHidden");
          assertWritable(r, "rows");
          setHidden(r.sheet.hiddenRows, r.rect.r0, r.rect.r1, b);
        },
      },
      columnHidden: {
        get: (r) => allSomeNone(hiddenCount(r.sheet.hiddenColumns, r.rect.c0, r.rect.c1), rectCols(r.rect)),
        set: (r, v) => {
          const b = boolArg(v, "Range.columnHidden");
          assertWritable(r, "columns");
          setHidden(r.sheet.hiddenColumns, r.rect.c0, r.rect.c1, b);
        },
      },
      hidden: {
        get: (r) =>
          hiddenCount(r.sheet.hiddenRows, r.rect.r0, r.rect.r1) === rectRows(r.rect) ||
          hiddenCount(r.sheet.hiddenColumns, r.rect.c0, r.rect.c1) === rectCols(r.rect),
      },
    },
    navs: {
      format: { ctor: () => RangeFormatProxy, ref: (r) => r },
      worksheet: { ctor: () => WorksheetProxy, ref: (r) => r.sheet },
    },
  });
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly cellCount: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  // any[][] like @types/office-js: a 2D array, or one value to fill the range
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  declare values: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  declare formulas: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  declare numberFormat: any[][];
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare rowHidden: boolean;
  declare columnHidden: boolean;
  declare readonly hidden: boolean;
  declare readonly format: RangeFormatProxy;
  declare readonly worksheet: WorksheetProxy;

  private _derived(name: string, args: unknown[], f: (r: RangeRef, x: Exec) => Rect | RangeRef, nullable = false): RangeProxy {
    return this._method(
      name,
      args,
      () => RangeProxy,
      (r: RangeRef, x: Exec) => {
        const out = f(r, x);
        return "sheet" in out ? out : rangeOn(r.sheet, out);
      },
      nullable,
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derived("getCell", [row, column], (r) => ({ r0: r.rect.r0 + row, c0: r.rect.c0 + column, r1: r.rect.r0 + row, c1: r.rect.c0 + column }));
  }

  getRow(row: number): RangeProxy {
    return this._derived("getRow", [row], (r) => ({ ...r.rect, r0: r.rect.r0 + row, r1: r.rect.r0 + row }));
  }

  getColumn(column: number): RangeProxy {
    return this._derived("getColumn", [column], (r) => ({ ...r.rect, c0: r.rect.c0 + column, c1: r.rect.c0 + column }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derived("getResizedRange", [deltaRows, deltaColumns], (r) => {
      const out = { ...r.rect, r1: r.rect.r1 + deltaRows, c1: r.rect.c1 + deltaColumns };
      if (out.r1 < out.r0 || out.c1 < out.c0) throw bad("getResizedRange: the range would have no cells");
      return out;
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this._derived("getAbsoluteResizedRange", [numRows, numColumns], (r) => {
      if (numRows < 1 || numColumns < 1) throw bad("getAbsoluteResizedRange: sizes must be at least 1");
      return { ...r.rect, r1: r.rect.r0 + numRows - 1, c1: r.rect.c0 + numColumns - 1 };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derived("getOffsetRange", [rowOffset, columnOffset], (r) => ({
      r0: r.rect.r0 + rowOffset,
      r1: r.rect.r1 + rowOffset,
      c0: r.rect.c0 + columnOffset,
      c1: r.rect.c1 + columnOffset,
    }));
  }

  getEntireColumn(): RangeProxy {
    return this._derived("getEntireColumn", [], (r) => ({ ...r.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }

  getEntireRow(): RangeProxy {
    return this._derived("getEntireRow", [], (r) => ({ ...r.rect, c0: 0, c1: MAX_COLUMNS - 1 }));
  }

  getLastCell(): RangeProxy {
    return this._derived("getLastCell", [], (r) => ({ r0: r.rect.r1, c0: r.rect.c1, r1: r.rect.r1, c1: r.rect.c1 }));
  }

  getLastColumn(): RangeProxy {
    return this._derived("getLastColumn", [], (r) => ({ ...r.rect, c0: r.rect.c1 }));
  }

  getLastRow(): RangeProxy {
    return this._derived("getLastRow", [], (r) => ({ ...r.rect, r0: r.rect.r1 }));
  }

  getColumnsAfter(count = 1): RangeProxy {
    return this._derived("getColumnsAfter", [count], (r) => ({ ...r.rect, c0: r.rect.c1 + 1, c1: r.rect.c1 + count }));
  }

  getColumnsBefore(count = 1): RangeProxy {
    return this._derived("getColumnsBefore", [count], (r) => ({ ...r.rect, c0: r.rect.c0 - count, c1: r.rect.c0 - 1 }));
  }

  getRowsAbove(count = 1): RangeProxy {
    return this._derived("getRowsAbove", [count], (r) => ({ ...r.rect, r0: r.rect.r0 - count, r1: r.rect.r0 - 1 }));
  }

  getRowsBelow(count = 1): RangeProxy {
    return this._derived("getRowsBelow", [count], (r) => ({ ...r.rect, r0: r.rect.r1 + 1, r1: r.rect.r1 + count }));
  }

  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return this._derived("getBoundingRect", [anotherRange], (r, x) => boundingRect(r.rect, rectArg(x, r.sheet, anotherRange, "getBoundingRect")));
  }

  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this._derived("getIntersection", [anotherRange], (r, x) => {
      const i = intersect(r.rect, rectArg(x, r.sheet, anotherRange, "getIntersection"));
      if (!i) throw hostError("ItemNotFound", "the ranges do not intersect");
      return i;
    });
  }

  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return this._derived(
      "getIntersectionOrNullObject",
      [anotherRange],
      (r, x) => {
        const i = intersect(r.rect, rectArg(x, r.sheet, anotherRange, "getIntersectionOrNullObject"));
        if (!i) throw hostError("ItemNotFound");
        return i;
      },
      true,
    );
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return this._derived("getUsedRange", [valuesOnly], (r) => {
      const u = r.sheet.usedRect(valuesOnly);
      const i = u && intersect(u, r.rect);
      if (!i) throw hostError("ItemNotFound", "there are no used cells in the range");
      return i;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this._derived(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (r) => {
        const u = r.sheet.usedRect(valuesOnly);
        const i = u && intersect(u, r.rect);
        if (!i) throw hostError("ItemNotFound");
        return i;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return this._method(
      "getMergedAreasOrNullObject",
      [],
      () => RangeAreasProxy,
      (r: RangeRef): AreasRef => {
        const rects = r.sheet.merges.filter((m) => intersect(m, r.rect)).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
        if (rects.length === 0) throw hostError("ItemNotFound");
        return { sheet: r.sheet, rects: rects.map((m) => ({ ...m })) };
      },
      true,
    );
  }

  merge(across = false): void {
    this._call("merge", [across], (r) => {
      assertWritable(r, "structure");
      if (across) for (let row = r.rect.r0; row <= r.rect.r1; row++) r.sheet.addMerge({ ...r.rect, r0: row, r1: row });
      else r.sheet.addMerge(r.rect);
      r.sheet.compactWritten(r.rect);
    });
  }

  unmerge(): void {
    this._call("unmerge", [], (r) => {
      assertWritable(r, "structure");
      r.sheet.merges = r.sheet.merges.filter((m) => !intersect(m, r.rect));
    });
  }

  /** ExcelApi 1.9. Source: a Range, an address ("Sheet1!A1:B2" or on this sheet), or a single-area RangeAreas. */
  copyFrom(sourceRange: RangeProxy | RangeAreasProxy | string, copyType: string = "All", skipBlanks = false, transpose = false): void {
    this._call("copyFrom", [sourceRange, copyType, skipBlanks, transpose], (r, x) => {
      const type = enumArg(copyType, Object.values(Enums.RangeCopyType), "Range.copyFrom");
      let src: RangeRef | null;
      if (sourceRange instanceof RangeProxy) src = x.resolve(sourceRange);
      else if (sourceRange instanceof RangeAreasProxy) {
        const a = x.resolve(sourceRange);
        if (a && a.rects.length !== 1) throw hostError("NotImplemented", "office-double: copyFrom a multi-area RangeAreas");
        src = a && { sheet: a.sheet, rect: a.rects[0] };
      } else {
        const p = typeof sourceRange === "string" ? parseAddress(sourceRange) : undefined;
        if (!p) throw bad(`copyFrom: '${String(sourceRange)}' is not an address`);
        src = { sheet: p.sheet === undefined ? r.sheet : findSheetOrThrow(r.sheet.workbook, p.sheet), rect: p.rect };
      }
      if (!src) throw hostError("InvalidArgument", "copyFrom: the source is a null object");
      copyRange(src, r, type, boolArg(skipBlanks, "skipBlanks"), boolArg(transpose, "transpose"), x);
    });
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (r, x) => {
      const mode = enumArg(applyTo, Object.values(Enums.ClearApplyTo), "Range.clear");
      if (mode === "Hyperlinks" || mode === "RemoveHyperlinks") return;
      assertWritable(r, mode === "Formats" ? "format" : "cells");
      const contents = mode === "All" || mode === "Contents" || mode === "ResetContents";
      const formats = mode === "All" || mode === "Formats";
      for (const [, , c] of [...r.sheet.cellsIn(r.rect)]) {
        if (contents) {
          c.value = "";
          delete c.formula;
          delete c.error;
          delete c.uncalculated;
        }
        if (formats) {
          for (const k of ["numberFormat", "font", "fill", "horizontalAlignment", "verticalAlignment", "wrapText", "borders", "locked"] as const) delete c[k];
        }
      }
      if (formats) r.sheet.merges = r.sheet.merges.filter((m) => !intersect(m, r.rect));
      void x;
      r.sheet.compactWritten(r.rect);
    });
  }

  select(): void {
    this._call("select", [], (r) => {
      if (r.sheet.visibility !== "Visible") throw hostError("InvalidSelection", `sheet '${r.sheet.name}' is not visible`);
      r.sheet.selection = { ...r.rect };
      r.sheet.workbook.activeSheet = r.sheet;
    });
  }

  /** ExcelApi 1.9. Supports address, addressLocal, hidden and format {fill, font, alignment, wrapText,
   * columnWidth, rowHeight, protection, borders}. */
  getCellProperties(cellPropertiesLoadOptions: CellPropertiesLoadOptions): ClientResult<Record<string, unknown>[][]> {
    return this._callResult("getCellProperties", [cellPropertiesLoadOptions], (r, x) => {
      if (rectCells(r.rect) > x.runtime.limits.readCells) throw hostError("RangeExceedsLimit");
      return readMatrix(r, (cell, row, col) => cellProperties(r.sheet, cell, row, col, cellPropertiesLoadOptions));
    });
  }

  /** ExcelApi 1.9: format {fill.color, font.*, horizontalAlignment, verticalAlignment, wrapText, protection.locked, borders}. */
  setCellProperties(cellPropertiesData: SettableCellProperties[][]): void {
    this._call("setCellProperties", [cellPropertiesData], (r, x) => {
      if (
        !Array.isArray(cellPropertiesData) ||
        cellPropertiesData.length !== rectRows(r.rect) ||
        !cellPropertiesData.every((row) => Array.isArray(row) && row.length === rectCols(r.rect))
      )
        throw bad(`setCellProperties: the array does not match ${qualifiedA1(r.sheet.name, r.rect)}`);
      assertWritable(r, "format");
      for (let i = 0; i < cellPropertiesData.length; i++)
        for (let j = 0; j < cellPropertiesData[i].length; j++) {
          const p = cellPropertiesData[i][j];
          if (!p?.format) continue;
          const one: RangeRef = { sheet: r.sheet, rect: { r0: r.rect.r0 + i, c0: r.rect.c0 + j, r1: r.rect.r0 + i, c1: r.rect.c0 + j } };
          applyCellFormat(one, p.format, x);
        }
    });
  }
}

export interface CellPropertiesLoadOptions {
  address?: boolean;
  addressLocal?: boolean;
  hidden?: boolean;
  format?: {
    fill?: { color?: boolean } | boolean;
    font?: Record<string, boolean> | boolean;
    horizontalAlignment?: boolean;
    verticalAlignment?: boolean;
    wrapText?: boolean;
    columnWidth?: boolean;
    rowHeight?: boolean;
    protection?: { locked?: boolean } | boolean;
    borders?: Record<string, unknown> | boolean;
  };
}

export interface SettableCellProperties {
  format?: {
    fill?: { color?: string };
    font?: Partial<{ name: string; size: number; bold: boolean; italic: boolean; color: string; underline: string; strikethrough: boolean }>;
    horizontalAlignment?: string;
    verticalAlignment?: string;
    wrapText?: boolean;
    protection?: { locked?: boolean };
    borders?: Partial<Record<"top" | "bottom" | "left" | "right", Partial<{ style: string; weight: string; color: string }>>>;
  };
}

const CELL_BORDER_SIDES: Record<string, string> = { top: "EdgeTop", bottom: "EdgeBottom", left: "EdgeLeft", right: "EdgeRight" };

function cellProperties(sheet: FakeSheet, cell: Cell | undefined, row: number, col: number, o: CellPropertiesLoadOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rect = { r0: row, c0: col, r1: row, c1: col };
  if (o.address) out.address = qualifiedA1(sheet.name, rect);
  if (o.addressLocal) out.addressLocal = qualifiedA1(sheet.name, rect);
  if (o.hidden) out.hidden = sheet.hiddenRows.has(row) || sheet.hiddenColumns.has(col);
  if (o.format) {
    const f: Record<string, unknown> = {};
    const fo = o.format;
    if (fo.fill) f.fill = { color: cell?.fill ?? "#FFFFFF" };
    if (fo.font) {
      const font = fontOf(cell) as unknown as Record<string, unknown>;
      f.font =
        fo.font === true
          ? font
          : Object.fromEntries(
              Object.keys(fo.font)
                .filter((k) => (fo.font as Record<string, boolean>)[k])
                .map((k) => [k, font[k]]),
            );
    }
    if (fo.horizontalAlignment) f.horizontalAlignment = cell?.horizontalAlignment ?? "General";
    if (fo.verticalAlignment) f.verticalAlignment = cell?.verticalAlignment ?? "Bottom";
    if (fo.wrapText) f.wrapText = !!cell?.wrapText;
    if (fo.columnWidth) f.columnWidth = sheet.columnWidth(col);
    if (fo.rowHeight) f.rowHeight = sheet.rowHeight(row);
    if (fo.protection) f.protection = { locked: cell?.locked ?? true };
    if (fo.borders) {
      const one: RangeRef = { sheet, rect };
      f.borders = Object.fromEntries(
        Object.entries(CELL_BORDER_SIDES).map(([side, index]) => [
          side,
          { style: readBorder(one, index, "style"), weight: readBorder(one, index, "weight"), color: readBorder(one, index, "color") },
        ]),
      );
    }
    out.format = f;
  }
  return out;
}

function applyCellFormat(one: RangeRef, f: NonNullable<SettableCellProperties["format"]>, x: Exec): void {
  const c = one.sheet.cell(one.rect.r0, one.rect.c0);
  if (f.fill?.color !== undefined) c.fill = colorArg(f.fill.color, "fill.color");
  if (f.font) for (const [k, v] of Object.entries(f.font)) setFontProp(c, k, v);
  if (f.horizontalAlignment !== undefined)
    c.horizontalAlignment = enumArg(f.horizontalAlignment, Object.values(Enums.HorizontalAlignment), "horizontalAlignment");
  if (f.verticalAlignment !== undefined) c.verticalAlignment = enumArg(f.verticalAlignment, Object.values(Enums.VerticalAlignment), "verticalAlignment");
  if (f.wrapText !== undefined) c.wrapText = boolArg(f.wrapText, "wrapText");
  if (f.protection?.locked !== undefined) c.locked = boolArg(f.protection.locked, "protection.locked");
  if (f.borders)
    for (const [side, spec] of Object.entries(f.borders)) {
      const index = CELL_BORDER_SIDES[side];
      if (!index || !spec) continue;
      for (const field of ["style", "weight", "color"] as const)
        if (spec[field] !== undefined) writeBorder(one, index, field, borderValue(field, spec[field]), x);
    }
}

function setFontProp(c: Cell, k: string, v: unknown): void {
  const font = (c.font ??= {});
  switch (k) {
    case "name":
      if (typeof v !== "string" || !v) throw bad("font.name must be a non-empty string");
      font.name = v;
      break;
    case "size":
      font.size = numberArg(v, "font.size", 1, 409);
      break;
    case "bold":
    case "italic":
    case "strikethrough":
      font[k] = boolArg(v, `font.${k}`);
      break;
    case "color":
      font.color = colorArg(v, "font.color");
      break;
    case "underline":
      font.underline = enumArg(v, Object.values(Enums.RangeUnderlineStyle), "font.underline");
      break;
    default:
      throw bad(`font.${k} is not supported by the double`);
  }
}

function borderValue(field: "style" | "weight" | "color", v: unknown): string {
  if (field === "style") return enumArg(v, BORDER_STYLES, "RangeBorder.style");
  if (field === "weight") return enumArg(v, BORDER_WEIGHTS, "RangeBorder.weight");
  return colorArg(v, "RangeBorder.color");
}

// ------------------------------------------------------------------ RangeAreas (merged areas)

export interface AreasRef {
  sheet: FakeSheet;
  rects: Rect[];
}

export class RangeAreasProxy extends ClientObject<AreasRef> {
  static spec = asSpec<AreasRef>({
    name: "RangeAreas",
    props: {
      address: { get: (a) => a.rects.map((r) => qualifiedA1(a.sheet.name, r)).join(", ") },
      areaCount: { get: (a) => a.rects.length },
      cellCount: { get: (a) => a.rects.reduce((n, r) => n + rectCells(r), 0) },
    },
    navs: { areas: { ctor: () => RangeCollectionProxy, ref: (a) => a } },
  });
  declare readonly address: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  declare readonly areas: RangeCollectionProxy;
}

export class RangeCollectionProxy extends ClientObject<AreasRef> {
  static spec = asSpec<AreasRef>({
    name: "RangeCollection",
    props: {},
    navs: {},
    collection: { itemCtor: () => RangeProxy, items: (a) => a.rects.map((r) => ({ sheet: a.sheet, rect: r })) },
  });
  declare readonly items: RangeProxy[];

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (a) => a.rects.length);
  }

  getItemAt(index: number): RangeProxy {
    return this._method(
      "getItemAt",
      [index],
      () => RangeProxy,
      (a: AreasRef) => {
        const r = a.rects[index];
        if (!r) throw hostError("ItemNotFound");
        return { sheet: a.sheet, rect: r };
      },
    );
  }
}

// ------------------------------------------------------------------ Formats

function formatProp<T>(read: (c: Cell | undefined) => T, write: (c: Cell, v: unknown) => void, kind: "format" = "format"): PropDef<RangeRef> {
  return {
    get: (r) => common(r, read),
    set: (r, v, x) => {
      // validate once before touching the cells
      write({ value: "" }, v);
      assertWritable(r, kind);
      forEachCell(r, x, (c) => write(c, v));
    },
  };
}

export class RangeFormatProxy extends ClientObject<RangeRef> {
  static spec = asSpec<RangeRef>({
    name: "RangeFormat",
    props: {
      horizontalAlignment: formatProp(
        (c) => c?.horizontalAlignment ?? "General",
        (c, v) => {
          c.horizontalAlignment = enumArg(v, Object.values(Enums.HorizontalAlignment), "RangeFormat.horizontalAlignment");
        },
      ),
      verticalAlignment: formatProp(
        (c) => c?.verticalAlignment ?? "Bottom",
        (c, v) => {
          c.verticalAlignment = enumArg(v, Object.values(Enums.VerticalAlignment), "RangeFormat.verticalAlignment");
        },
      ),
      wrapText: formatProp(
        (c) => !!c?.wrapText,
        (c, v) => {
          c.wrapText = boolArg(v, "RangeFormat.wrapText");
        },
      ),
      columnWidth: {
        get: (r) => {
          let w: number | undefined;
          for (let c = r.rect.c0; c <= r.rect.c1; c++) {
            const cw = r.sheet.columnWidth(c);
            if (w === undefined) w = cw;
            else if (w !== cw) return null;
          }
          return w;
        },
        set: (r, v) => {
          const w = numberArg(v, "RangeFormat.columnWidth", 0, 255 * 7.5);
          assertWritable(r, "columns");
          for (let c = r.rect.c0; c <= r.rect.c1; c++) r.sheet.columnWidths.set(c, w);
        },
      },
      rowHeight: {
        get: (r) => {
          let h: number | undefined;
          if (rectRows(r.rect) > 100_000 && r.sheet.rowHeights.size > 0) return null;
          for (let row = r.rect.r0; row <= r.rect.r1; row++) {
            const rh = r.sheet.rowHeight(row);
            if (h === undefined) h = rh;
            else if (h !== rh) return null;
          }
          return h;
        },
        set: (r, v) => {
          const h = numberArg(v, "RangeFormat.rowHeight", 0, 409);
          assertWritable(r, "rows");
          for (let row = r.rect.r0; row <= r.rect.r1; row++) r.sheet.rowHeights.set(row, h);
        },
      },
    },
    navs: {
      font: { ctor: () => RangeFontProxy, ref: (r) => r },
      fill: { ctor: () => RangeFillProxy, ref: (r) => r },
      borders: { ctor: () => RangeBorderCollectionProxy, ref: (r) => r },
      protection: { ctor: () => FormatProtectionProxy, ref: (r) => r },
    },
  });
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  declare columnWidth: number;
  declare rowHeight: number;
  declare readonly font: RangeFontProxy;
  declare readonly fill: RangeFillProxy;
  declare readonly borders: RangeBorderCollectionProxy;
  declare readonly protection: FormatProtectionProxy;

  /** Approximation: width from the longest display text (Calibri 11: ~5.25 pt a character + padding). */
  autofitColumns(): void {
    this._call("autofitColumns", [], (r) => {
      assertWritable(r, "columns");
      const used = r.sheet.usedRect(true);
      for (let c = r.rect.c0; c <= r.rect.c1; c++) {
        let longest = 0;
        if (used)
          for (const [, , cell] of r.sheet.cellsIn({ r0: Math.max(r.rect.r0, used.r0), r1: Math.min(r.rect.r1, used.r1), c0: c, c1: c }))
            longest = Math.max(longest, String(cell.value).length);
        r.sheet.columnWidths.set(c, longest === 0 ? 48 : Math.round((longest * 5.25 + 7.5) * 100) / 100);
      }
    });
  }

  /** Approximation: 15 pt a line; wrapped text counts lines by column width. */
  autofitRows(): void {
    this._call("autofitRows", [], (r) => {
      assertWritable(r, "rows");
      const used = r.sheet.usedRect(true);
      if (!used) return;
      for (let row = Math.max(r.rect.r0, used.r0); row <= Math.min(r.rect.r1, used.r1); row++) {
        let lines = 1;
        for (const [, c, cell] of r.sheet.cellsIn({ r0: row, r1: row, c0: used.c0, c1: used.c1 })) {
          const text = String(cell.value);
          const explicit = text.split("\n").length;
          const perLine = Math.max(1, Math.floor(r.sheet.columnWidth(c) / 5.25));
          lines = Math.max(lines, cell.wrapText ? text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0) : explicit);
        }
        r.sheet.rowHeights.set(row, 15 * lines);
      }
    });
  }
}

export class RangeFontProxy extends ClientObject<RangeRef> {
  static spec = asSpec<RangeRef>({
    name: "RangeFont",
    props: Object.fromEntries(
      (["name", "size", "bold", "italic", "color", "underline", "strikethrough"] as const).map((k) => [
        k,
        formatProp(
          (c) => fontOf(c)[k],
          (c, v) => setFontProp(c, k, v),
        ),
      ]),
    ),
    navs: {},
  });
  declare name: string;
  declare size: number;
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare underline: string;
  declare strikethrough: boolean;
}

export class RangeFillProxy extends ClientObject<RangeRef> {
  static spec = asSpec<RangeRef>({
    name: "RangeFill",
    props: {
      color: formatProp(
        (c) => c?.fill ?? "#FFFFFF",
        (c, v) => {
          c.fill = colorArg(v, "RangeFill.color");
        },
      ),
      // the double models solid fills only: "None" (no fill) or "Solid"
      pattern: formatProp(
        (c) => (c?.fill ? "Solid" : "None"),
        (c, v) => {
          const p = enumArg(v, Object.values(Enums.FillPattern), "RangeFill.pattern");
          if (p === "None") delete c.fill;
          else if (p === "Solid") c.fill ??= "#FFFFFF";
          else throw hostError("NotImplemented", `office-double: fill pattern ${p} is not modelled`);
        },
      ),
    },
    navs: {},
  });
  declare color: string;
  declare pattern: string;

  clear(): void {
    this._call("clear", [], (r, x) => {
      assertWritable(r, "format");
      forEachCell(r, x, (c) => delete c.fill);
    });
  }
}

export class FormatProtectionProxy extends ClientObject<RangeRef> {
  static spec = asSpec<RangeRef>({
    name: "FormatProtection",
    props: {
      locked: {
        get: (r) => common(r, (c) => c?.locked ?? true),
        set: (r, v, x) => {
          const b = boolArg(v, "FormatProtection.locked");
          if (r.sheet.protection.protected) throw hostError("AccessDenied", `sheet '${r.sheet.name}' is protected`);
          forEachCell(r, x, (c) => {
            if (b) delete c.locked;
            else c.locked = false;
          });
        },
      },
    },
    navs: {},
  });
  declare locked: boolean;
}

interface BorderRef {
  range: RangeRef;
  index: string;
}

export class RangeBorderCollectionProxy extends ClientObject<RangeRef> {
  static spec = asSpec<RangeRef>({
    name: "RangeBorderCollection",
    props: { count: { get: () => BORDER_INDEXES.length } },
    navs: {},
    collection: { itemCtor: () => RangeBorderProxy, items: (r) => BORDER_INDEXES.map((index) => ({ range: r, index })) },
  });
  declare readonly count: number;
  declare readonly items: RangeBorderProxy[];

  getItem(index: string): RangeBorderProxy {
    return this._method(
      "getItem",
      [index],
      () => RangeBorderProxy,
      (r: RangeRef): BorderRef => ({
        range: r,
        index: enumArg(index, BORDER_INDEXES, "RangeBorderCollection.getItem"),
      }),
    );
  }
}

function borderProp(field: "style" | "weight" | "color"): PropDef<BorderRef> {
  return {
    get: (b) => readBorder(b.range, b.index, field),
    set: (b, v, x) => writeBorder(b.range, b.index, field, borderValue(field, v), x),
  };
}

export class RangeBorderProxy extends ClientObject<BorderRef> {
  static spec = asSpec<BorderRef>({
    name: "RangeBorder",
    props: { sideIndex: { get: (b) => b.index }, style: borderProp("style"), weight: borderProp("weight"), color: borderProp("color") },
    navs: {},
  });
  declare readonly sideIndex: string;
  declare style: string;
  declare weight: string;
  declare color: string;
}

// ------------------------------------------------------------------ Page layout

type PLKey = keyof PageLayoutState;

function plProp(key: PLKey, check: (v: unknown) => unknown): PropDef<FakeSheet> {
  return {
    get: (s) => s.pageLayout[key],
    set: (s, v) => {
      (s.pageLayout as unknown as Record<string, unknown>)[key] = check(v);
    },
  };
}

const margin = (name: string) => (v: unknown) => numberArg(v, `PageLayout.${name}`, 0, 1000);
const flag = (name: string) => (v: unknown) => boolArg(v, `PageLayout.${name}`);

function checkZoom(v: unknown): PageLayoutState["zoom"] {
  if (!v || typeof v !== "object") throw bad("PageLayout.zoom must be an object");
  const z = v as Record<string, unknown>;
  const out: PageLayoutState["zoom"] = {};
  for (const [k, val] of Object.entries(z)) {
    if (val === undefined || val === null) continue;
    if (k === "scale") out.scale = numberArg(val, "zoom.scale", 10, 400);
    else if (k === "horizontalFitToPages" || k === "verticalFitToPages") out[k] = numberArg(val, `zoom.${k}`, 0, 32767);
    else throw bad(`zoom.${k} is not a zoom option`);
  }
  return out;
}

/** "5:5" / "$5:$6" / a range → "$5:$6" */
function titleRows(x: Exec, s: FakeSheet, arg: unknown): string {
  const r = rectArg(x, s, arg, "setPrintTitleRows");
  return `$${r.r0 + 1}:$${r.r1 + 1}`;
}

function titleColumns(x: Exec, s: FakeSheet, arg: unknown): string {
  const r = rectArg(x, s, arg, "setPrintTitleColumns");
  const [a, b] = rectA1({ r0: 0, r1: MAX_ROWS - 1, c0: r.c0, c1: r.c1 }).split(":");
  return `$${a}:$${b}`;
}

export class PageLayoutProxy extends ClientObject<FakeSheet> {
  static spec = asSpec<FakeSheet>({
    name: "PageLayout",
    props: {
      orientation: plProp("orientation", (v) => enumArg(v, Object.values(Enums.PageOrientation), "PageLayout.orientation")),
      paperSize: plProp("paperSize", (v) => enumArg(v, Object.values(Enums.PaperType), "PageLayout.paperSize")),
      leftMargin: plProp("leftMargin", margin("leftMargin")),
      rightMargin: plProp("rightMargin", margin("rightMargin")),
      topMargin: plProp("topMargin", margin("topMargin")),
      bottomMargin: plProp("bottomMargin", margin("bottomMargin")),
      headerMargin: plProp("headerMargin", margin("headerMargin")),
      footerMargin: plProp("footerMargin", margin("footerMargin")),
      centerHorizontally: plProp("centerHorizontally", flag("centerHorizontally")),
      centerVertically: plProp("centerVertically", flag("centerVertically")),
      blackAndWhite: plProp("blackAndWhite", flag("blackAndWhite")),
      draftMode: plProp("draftMode", flag("draftMode")),
      printGridlines: plProp("printGridlines", flag("printGridlines")),
      printHeadings: plProp("printHeadings", flag("printHeadings")),
      firstPageNumber: plProp("firstPageNumber", (v) => (v === "" ? "" : numberArg(v, "PageLayout.firstPageNumber", 0, 32767))),
      printComments: plProp("printComments", (v) => enumArg(v, Object.values(Enums.PrintComments), "PageLayout.printComments")),
      printErrors: plProp("printErrors", (v) => enumArg(v, Object.values(Enums.PrintErrorType), "PageLayout.printErrors")),
      printOrder: plProp("printOrder", (v) => enumArg(v, Object.values(Enums.PrintOrder), "PageLayout.printOrder")),
      zoom: plProp("zoom", checkZoom),
    },
    navs: { headersFooters: { ctor: () => HeaderFooterGroupProxy, ref: (s) => s } },
  });
  declare orientation: string;
  declare paperSize: string;
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare blackAndWhite: boolean;
  declare draftMode: boolean;
  declare printGridlines: boolean;
  declare printHeadings: boolean;
  declare firstPageNumber: number | "";
  declare printComments: string;
  declare printErrors: string;
  declare printOrder: string;
  declare zoom: PageLayoutState["zoom"];
  declare readonly headersFooters: HeaderFooterGroupProxy;

  setPrintTitleRows(titleRowsArg: RangeProxy | string): void {
    this._call("setPrintTitleRows", [titleRowsArg], (s, x) => {
      s.pageLayout.printTitleRows = titleRows(x, s, titleRowsArg);
    });
  }

  setPrintTitleColumns(titleColumnsArg: RangeProxy | string): void {
    this._call("setPrintTitleColumns", [titleColumnsArg], (s, x) => {
      s.pageLayout.printTitleColumns = titleColumns(x, s, titleColumnsArg);
    });
  }

  setPrintArea(printArea: RangeProxy | string): void {
    this._call("setPrintArea", [printArea], (s, x) => {
      s.pageLayout.printArea = absoluteA1(rectArg(x, s, printArea, "setPrintArea"));
    });
  }

  setPrintMargins(unit: string, marginOptions: Partial<Record<"top" | "bottom" | "left" | "right" | "header" | "footer", number>>): void {
    this._call("setPrintMargins", [unit, marginOptions], (s) => {
      const u = enumArg(unit, Object.values(Enums.PrintMarginUnit), "setPrintMargins");
      const k = u === "Points" ? 1 : u === "Inches" ? 72 : 72 / 2.54;
      for (const [side, v] of Object.entries(marginOptions ?? {})) {
        const key = `${side}Margin` as PLKey;
        if (!["top", "bottom", "left", "right", "header", "footer"].includes(side)) throw bad(`setPrintMargins: unknown margin ${side}`);
        (s.pageLayout as unknown as Record<string, unknown>)[key] = numberArg(v, `setPrintMargins.${side}`, 0, 1000) * k;
      }
    });
  }

  private _printRange(name: string, key: "printArea" | "printTitleRows" | "printTitleColumns", nullable: boolean): RangeProxy {
    return this._method(
      name,
      [],
      () => RangeProxy,
      (s: FakeSheet) => {
        const a = s.pageLayout[key];
        const p = a ? parseAddress(a) : undefined;
        if (!p) throw hostError("ItemNotFound", `no ${key} is set`);
        return rangeOn(s, p.rect);
      },
      nullable,
    );
  }

  getPrintArea(): RangeProxy {
    return this._printRange("getPrintArea", "printArea", false);
  }
  getPrintAreaOrNullObject(): RangeProxy {
    return this._printRange("getPrintAreaOrNullObject", "printArea", true);
  }
  getPrintTitleRows(): RangeProxy {
    return this._printRange("getPrintTitleRows", "printTitleRows", false);
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return this._printRange("getPrintTitleRowsOrNullObject", "printTitleRows", true);
  }
  getPrintTitleColumns(): RangeProxy {
    return this._printRange("getPrintTitleColumns", "printTitleColumns", false);
  }
  getPrintTitleColumnsOrNullObject(): RangeProxy {
    return this._printRange("getPrintTitleColumnsOrNullObject", "printTitleColumns", true);
  }
}

export class HeaderFooterGroupProxy extends ClientObject<FakeSheet> {
  static spec = asSpec<FakeSheet>({
    name: "HeaderFooterGroup",
    props: {
      state: {
        get: (s) => s.pageLayout.headersFooters.state,
        set: (s, v) => {
          s.pageLayout.headersFooters.state = enumArg(v, Object.values(Enums.HeaderFooterState), "HeaderFooterGroup.state");
        },
      },
      useSheetMargins: {
        get: (s) => s.pageLayout.headersFooters.useSheetMargins,
        set: (s, v) => {
          s.pageLayout.headersFooters.useSheetMargins = boolArg(v, "useSheetMargins");
        },
      },
      useSheetScale: {
        get: (s) => s.pageLayout.headersFooters.useSheetScale,
        set: (s, v) => {
          s.pageLayout.headersFooters.useSheetScale = boolArg(v, "useSheetScale");
        },
      },
    },
    navs: Object.fromEntries(
      (["defaultForAllPages", "firstPage", "evenPages", "oddPages"] as const).map((which) => [
        which,
        { ctor: () => HeaderFooterProxy, ref: (s: FakeSheet): HeaderFooterRef => ({ sheet: s, which }) },
      ]),
    ),
  });
  declare state: string;
  declare useSheetMargins: boolean;
  declare useSheetScale: boolean;
  declare readonly defaultForAllPages: HeaderFooterProxy;
  declare readonly firstPage: HeaderFooterProxy;
  declare readonly evenPages: HeaderFooterProxy;
  declare readonly oddPages: HeaderFooterProxy;
}

interface HeaderFooterRef {
  sheet: FakeSheet;
  which: "defaultForAllPages" | "firstPage" | "evenPages" | "oddPages";
}

export class HeaderFooterProxy extends ClientObject<HeaderFooterRef> {
  static spec = asSpec<HeaderFooterRef>({
    name: "HeaderFooter",
    props: Object.fromEntries(
      (["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const).map((k) => [
        k,
        {
          get: (h: HeaderFooterRef) => h.sheet.pageLayout.headersFooters[h.which][k],
          set: (h: HeaderFooterRef, v: unknown) => {
            if (typeof v !== "string") throw bad(`HeaderFooter.${k} must be a string`);
            (h.sheet.pageLayout.headersFooters[h.which] as HeaderFooterState)[k] = v;
          },
        },
      ]),
    ),
    navs: {},
  });
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
}

// ------------------------------------------------------------------ Settings

interface SettingRef {
  wb: FakeWorkbook;
  key: string;
}

function settingExists(s: SettingRef): SettingRef {
  if (!s.wb.settings.has(s.key)) throw hostError("ItemNotFound", `no setting '${s.key}'`);
  return s;
}

type PageBreakRef = { sheet: FakeSheet; row: number };

/** Worksheet.horizontalPageBreaks: a break above each row given (the row begins a new page). */
export class PageBreakCollectionProxy extends ClientObject<FakeSheet> {
  static spec = asSpec<FakeSheet>({
    name: "PageBreakCollection",
    props: {},
    navs: {},
    collection: { itemCtor: () => PageBreakProxy, items: (s) => s.rowBreaks.map((row) => ({ sheet: s, row })) },
  });
  declare readonly items: PageBreakProxy[];

  /** The double takes the range as an address ("A18"), the form the add-in passes. */
  add(pageBreakRange: string): PageBreakProxy {
    return this._methodWithEffect(
      "add",
      [pageBreakRange],
      () => PageBreakProxy,
      (s: FakeSheet): PageBreakRef => {
        if (typeof pageBreakRange !== "string") throw bad("office-double: PageBreakCollection.add takes an address string here");
        const p = parseAddress(pageBreakRange);
        if (!p || p.sheet) throw bad(`not a range address on this sheet: ${pageBreakRange}`);
        const row = p.rect.r0;
        if (row === 0) throw bad("a page break cannot be above the first row");
        if (!s.rowBreaks.includes(row)) s.rowBreaks = [...s.rowBreaks, row].sort((a, b) => a - b);
        return { sheet: s, row };
      },
    );
  }

  removePageBreaks(): void {
    this._call("removePageBreaks", [], (s) => {
      s.rowBreaks = [];
    });
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (s) => s.rowBreaks.length);
  }
}

export class PageBreakProxy extends ClientObject<PageBreakRef> {
  static spec = asSpec<PageBreakRef>({
    name: "PageBreak",
    props: {
      rowIndex: { get: (b) => b.row },
      columnIndex: { get: () => 0 },
    },
    navs: {},
  });
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
}

/** Chart types the double accepts (the ones the add-in may ask for); others are refused so a typo fails. */
const CHART_TYPES = ["ColumnClustered", "BarClustered", "Line", "LineMarkers", "XYScatter"];
const SERIES_BY = ["Auto", "Columns", "Rows"];

/**
 * Series a source range implies, as Excel reads a table: the first row holds series names, the first
 * column the categories, every other column one series ("Columns"; "Rows" is the transpose; "Auto"
 * takes columns when there are more rows than columns, which is the case of a ranked list).
 */
function seriesOf(values: CellValue[][], seriesBy: string): { categories: CellValue[]; series: FakeChartSeries[]; byColumns: boolean } {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows >= cols);
  const m = byColumns ? values : values[0].map((_, c) => values.map((r) => r[c]));
  if (m.length < 2 || m[0].length < 2) throw bad("office-double: the chart's source needs a header row, a category column and one series at least");
  return {
    categories: m.slice(1).map((r) => r[0]),
    series: m[0].slice(1).map((name, j) => ({ name: String(name), values: m.slice(1).map((r) => r[j + 1]), chartType: "" })),
    byColumns,
  };
}

/** Worksheet.charts */
export class ChartCollectionProxy extends ClientObject<FakeSheet> {
  static spec = asSpec<FakeSheet>({
    name: "ChartCollection",
    props: {},
    navs: {},
    collection: { itemCtor: () => ChartProxy, items: (s) => s.charts },
  });
  declare readonly items: ChartProxy[];

  add(type: string, sourceData: RangeProxy, seriesBy: string = "Auto"): ChartProxy {
    return this._methodWithEffect(
      "add",
      [type, sourceData, seriesBy],
      () => ChartProxy,
      (s: FakeSheet, x: Exec): FakeChart => {
        const chartType = enumArg(type, CHART_TYPES, "ChartCollection.add type") as string;
        const by = enumArg(seriesBy, SERIES_BY, "ChartCollection.add seriesBy") as string;
        if (!(sourceData instanceof RangeProxy)) throw bad("ChartCollection.add takes a Range as its source");
        const src = x.resolve(sourceData) as RangeRef;
        if (src.sheet.workbook !== s.workbook) throw bad("the chart's source is in another workbook");
        const implied = seriesOf(readValues(src, x), by);
        let n = 1;
        while (s.charts.some((c) => c.name === `Chart ${n}`)) n++;
        const chart: FakeChart = {
          sheet: s,
          name: `Chart ${n}`,
          type: chartType,
          seriesBy: by,
          source: qualifiedA1(src.sheet.name, src.rect),
          title: "",
          top: 0,
          left: 0,
          width: 360,
          height: 216,
          sourceSheet: src.sheet,
          sourceRect: src.rect,
          valueAxis: {},
          ...implied,
        };
        s.charts = [...s.charts, chart];
        return chart;
      },
    );
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (s) => s.charts.length);
  }
}

export class ChartProxy extends ClientObject<FakeChart> {
  static spec = asSpec<FakeChart>({
    name: "Chart",
    props: {
      name: {
        get: (c) => c.name,
        set: (c, v) => {
          if (typeof v !== "string" || v.trim() === "") throw bad("Chart.name must be a non-empty string");
          c.name = v;
        },
      },
      ...Object.fromEntries(
        (["top", "left", "width", "height"] as const).map((k) => [
          k,
          {
            get: (c: FakeChart) => c[k],
            set: (c: FakeChart, v: unknown) => {
              c[k] = numberArg(v, `Chart.${k}`, 0, 1e6);
            },
          },
        ]),
      ),
    },
    navs: {
      title: { ctor: () => ChartTitleProxy, ref: (c) => c },
      series: { ctor: () => ChartSeriesCollectionProxy, ref: (c) => c },
      axes: { ctor: () => ChartAxesProxy, ref: (c) => c },
    },
  });
  declare name: string;
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  declare readonly title: ChartTitleProxy;
  declare readonly series: ChartSeriesCollectionProxy;
  declare readonly axes: ChartAxesProxy;
}

/** Chart.axes: only the value axis is modelled (its scale). */
export class ChartAxesProxy extends ClientObject<FakeChart> {
  static spec = asSpec<FakeChart>({
    name: "ChartAxes",
    props: {},
    navs: { valueAxis: { ctor: () => ChartAxisProxy, ref: (c) => c.valueAxis } },
  });
  declare readonly valueAxis: ChartAxisProxy;
}

const axisScale = (k: keyof FakeChartAxis) => ({
  get: (a: FakeChartAxis) => a[k] ?? 0,
  set: (a: FakeChartAxis, v: unknown) => {
    // "" gives the scale back to Excel (automatic), as the real host does.
    if (v === "") delete a[k];
    else a[k] = numberArg(v, `ChartAxis.${k}`);
  },
});

export class ChartAxisProxy extends ClientObject<FakeChartAxis> {
  static spec = asSpec<FakeChartAxis>({
    name: "ChartAxis",
    props: { minimum: axisScale("minimum"), maximum: axisScale("maximum"), majorUnit: axisScale("majorUnit") },
    navs: {},
  });
  declare minimum: number | "";
  declare maximum: number | "";
  declare majorUnit: number | "";
}

export class ChartTitleProxy extends ClientObject<FakeChart> {
  static spec = asSpec<FakeChart>({
    name: "ChartTitle",
    props: {
      text: {
        get: (c) => c.title,
        set: (c, v) => {
          if (typeof v !== "string") throw bad("ChartTitle.text must be a string");
          c.title = v;
        },
      },
    },
    navs: {},
  });
  declare text: string;
}

type SeriesRef = { chart: FakeChart; series: FakeChartSeries };

export class ChartSeriesCollectionProxy extends ClientObject<FakeChart> {
  static spec = asSpec<FakeChart>({
    name: "ChartSeriesCollection",
    props: {},
    navs: {},
    collection: { itemCtor: () => ChartSeriesProxy, items: (c) => c.series.map((series) => ({ chart: c, series })) },
  });
  declare readonly items: ChartSeriesProxy[];

  getItemAt(index: number): ChartSeriesProxy {
    return this._method(
      "getItemAt",
      [index],
      () => ChartSeriesProxy,
      (c: FakeChart): SeriesRef => {
        const i = numberArg(index, "ChartSeriesCollection.getItemAt", 0, c.series.length - 1);
        if (!Number.isInteger(i)) throw bad("the index must be an integer");
        return { chart: c, series: c.series[i] };
      },
    );
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (c) => c.series.length);
  }
}

export class ChartSeriesProxy extends ClientObject<SeriesRef> {
  static spec = asSpec<SeriesRef>({
    name: "ChartSeries",
    props: {
      name: {
        get: (r) => r.series.name,
        set: (r, v) => {
          if (typeof v !== "string") throw bad("ChartSeries.name must be a string");
          r.series.name = v;
        },
      },
      chartType: {
        get: (r) => r.series.chartType || r.chart.type,
        set: (r, v) => {
          r.series.chartType = enumArg(v, CHART_TYPES, "ChartSeries.chartType") as string;
        },
      },
    },
    navs: { points: { ctor: () => ChartPointsCollectionProxy, ref: (r) => r } },
  });
  declare name: string;
  declare chartType: string;
  declare readonly points: ChartPointsCollectionProxy;
}

type PointRef = SeriesRef & { index: number };

/** ChartSeries.points: a point by index (its fill is what the double models). */
export class ChartPointsCollectionProxy extends ClientObject<SeriesRef> {
  static spec = asSpec<SeriesRef>({ name: "ChartPointsCollection", props: {}, navs: {} });

  getItemAt(index: number): ChartPointProxy {
    return this._method(
      "getItemAt",
      [index],
      () => ChartPointProxy,
      (r: SeriesRef): PointRef => {
        const i = numberArg(index, "ChartPointsCollection.getItemAt", 0, r.series.values.length - 1);
        if (!Number.isInteger(i)) throw bad("the index must be an integer");
        return { ...r, index: i };
      },
    );
  }
}

export class ChartPointProxy extends ClientObject<PointRef> {
  static spec = asSpec<PointRef>({ name: "ChartPoint", props: {}, navs: { format: { ctor: () => ChartPointFormatProxy, ref: (p) => p } } });
  declare readonly format: ChartPointFormatProxy;
}

export class ChartPointFormatProxy extends ClientObject<PointRef> {
  static spec = asSpec<PointRef>({ name: "ChartPointFormat", props: {}, navs: { fill: { ctor: () => ChartFillProxy, ref: (p) => p } } });
  declare readonly fill: ChartFillProxy;
}

/** A point's fill: a solid colour, or cleared back to the series' own. */
export class ChartFillProxy extends ClientObject<PointRef> {
  static spec = asSpec<PointRef>({ name: "ChartFill", props: {}, navs: {} });

  setSolidColor(color: string): void {
    this._call("setSolidColor", [color], (p) => {
      p.series.pointFills = { ...(p.series.pointFills ?? {}), [p.index]: colorArg(color, "ChartFill.setSolidColor") as string };
    });
  }

  clear(): void {
    this._call("clear", [], (p) => {
      if (!p.series.pointFills) return;
      const { [p.index]: _gone, ...rest } = p.series.pointFills;
      void _gone;
      p.series.pointFills = rest;
    });
  }
}

export class SettingCollectionProxy extends ClientObject<FakeWorkbook> {
  static spec = asSpec<FakeWorkbook>({
    name: "SettingCollection",
    props: {},
    navs: {},
    collection: { itemCtor: () => SettingProxy, items: (wb) => [...wb.settings.keys()].map((key) => ({ wb, key })) },
  });
  declare readonly items: SettingProxy[];

  add(key: string, value: unknown): SettingProxy {
    return this._methodWithEffect(
      "add",
      [key, value],
      () => SettingProxy,
      (wb: FakeWorkbook): SettingRef => {
        if (typeof key !== "string" || key === "") throw bad("setting key must be a non-empty string");
        wb.settings.set(key, JSON.parse(JSON.stringify(value ?? null)));
        return { wb, key };
      },
    );
  }

  getItem(key: string): SettingProxy {
    return this._method(
      "getItem",
      [key],
      () => SettingProxy,
      (wb: FakeWorkbook) => settingExists({ wb, key }),
    );
  }

  getItemOrNullObject(key: string): SettingProxy {
    return this._method(
      "getItemOrNullObject",
      [key],
      () => SettingProxy,
      (wb: FakeWorkbook) => settingExists({ wb, key }),
      true,
    );
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (wb) => wb.settings.size);
  }
}

export class SettingProxy extends ClientObject<SettingRef> {
  static spec = asSpec<SettingRef>({
    name: "Setting",
    props: {
      key: { get: (s) => settingExists(s).key },
      value: {
        get: (s) => settingExists(s).wb.settings.get(s.key),
        set: (s, v) => {
          settingExists(s).wb.settings.set(s.key, JSON.parse(JSON.stringify(v ?? null)));
        },
      },
    },
    navs: {},
  });
  declare readonly key: string;
  declare value: unknown;

  delete(): void {
    this._call("delete", [], (s) => {
      s.wb.settings.delete(settingExists(s).key);
    });
  }
}

export const PROXY_CLASSES: ClientObjectCtor[] = [
  ApplicationProxy,
  WorkbookProxy,
  WorksheetCollectionProxy,
  WorksheetProxy,
  WorksheetProtectionProxy,
  WorksheetFreezePanesProxy,
  ChartCollectionProxy,
  ChartProxy,
  ChartTitleProxy,
  ChartAxesProxy,
  ChartAxisProxy,
  ChartSeriesCollectionProxy,
  ChartSeriesProxy,
  ChartPointsCollectionProxy,
  ChartPointProxy,
  ChartPointFormatProxy,
  ChartFillProxy,
  RangeProxy,
  RangeAreasProxy,
  RangeCollectionProxy,
  RangeFormatProxy,
  RangeFontProxy,
  RangeFillProxy,
  FormatProtectionProxy,
  RangeBorderCollectionProxy,
  RangeBorderProxy,
  PageLayoutProxy,
  PageBreakCollectionProxy,
  PageBreakProxy,
  HeaderFooterGroupProxy,
  HeaderFooterProxy,
  SettingCollectionProxy,
  SettingProxy,
] as unknown as ClientObjectCtor[];

for (const C of PROXY_CLASSES) defineAccessors(C);

/** Every member the double implements, as "Class.member" (checked against api-levels.ts by a test). */
export function implementedMembers(): string[] {
  const out: string[] = [];
  const base = new Set(Object.getOwnPropertyNames(ClientObject.prototype));
  for (const C of PROXY_CLASSES) {
    const spec = C.spec;
    for (const p of Object.keys(spec.props)) out.push(`${spec.name}.${p}`);
    for (const n of Object.keys(spec.navs)) out.push(`${spec.name}.${n}`);
    if (spec.collection) out.push(`${spec.name}.items`);
    for (const m of Object.getOwnPropertyNames(C.prototype)) {
      if (m === "constructor" || m.startsWith("_") || base.has(m)) continue;
      if (spec.props[m] || spec.navs[m] || m === "items") continue;
      out.push(`${spec.name}.${m}`);
    }
  }
  return out;
}

export type { RangeRef, ContextLike, Resolver, CellValue };
