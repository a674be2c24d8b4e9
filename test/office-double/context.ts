/**
 * RequestContext and sync(): the queue of actions, the round trip that applies them to the fake workbook in
 * order, payload accounting and the 5 MB limits, and Excel.run.
 *
 * Like the real host, a batch is NOT transactional: when an action fails, the actions queued before it in the
 * same sync have already changed the workbook; the failing one and those after it are not applied, and no
 * loaded value of that sync reaches the proxies.
 */
import { Action, ClientObject, ContextLike, Exec, InjectedFailure, Runtime, SyncRecord, wireArg } from "./client-object";
import { OfficeDoubleError, MESSAGES, hostError } from "./errors";
import { ApplicationProxy, WorkbookProxy } from "./proxies";
import { FakeSheet } from "./workbook";
import { UNDO_API_LEVEL, UndoRecord, clearsUndo, isWrite, newRecord, remember } from "./undo";
import { rectA1 } from "./address";
import type { RangeRef } from "./host";

/** UTF-8 length of a string (no TextEncoder: jsdom lacks it). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 size of the JSON text, as it would travel. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}

function sheetOf(ref: unknown): FakeSheet | undefined {
  if (!ref || typeof ref !== "object") return undefined;
  if (ref instanceof FakeSheet) return ref;
  const r = ref as { sheet?: FakeSheet; range?: { sheet: FakeSheet } };
  if (r.sheet instanceof FakeSheet) return r.sheet;
  if (r.range && r.range.sheet instanceof FakeSheet) return r.range.sheet;
  return undefined;
}

class Executor implements Exec {
  readonly resolved = new Set<ClientObject<unknown>>();
  /** the undo record this sync's writes go to: each sheet is remembered as it was when first met */
  record: UndoRecord | undefined;
  constructor(readonly runtime: Runtime) {}

  resolve<R>(obj: ClientObject<R>): R | null {
    if (!obj._memo) obj._memo = { ref: obj._resolver(this) };
    const ref = obj._memo.ref;
    const sheet = sheetOf(ref);
    if (sheet && !sheet.workbook.sheets.includes(sheet)) throw hostError("ItemNotFound", `worksheet '${sheet.name}' was deleted`);
    if (sheet && this.record) remember(this.record, sheet);
    this.resolved.add(obj as ClientObject<unknown>);
    return ref;
  }
}

function describe(a: Action): string {
  const args = a.args.map((x) => {
    const s = JSON.stringify(wireArg(x)) ?? "undefined";
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  });
  if (a.kind === "set") return `${a.target._path}.${a.name} = ${args[0]};`;
  return `${a.target._path}.${a.name}(${args.join(", ")});`;
}

export class RequestContext implements ContextLike {
  readonly _runtime: Runtime;
  /** @internal */ _queue: Action[] = [];
  /** @internal set when the Excel.run that made this context has finished */
  _closed = false;
  /** @internal Excel.run({ mergeUndoGroup: true }) on a host with undo support: the run's syncs are one undo record */
  _mergeUndoGroup = false;
  /** @internal the run's undo record once a sync of a merged run wrote */
  _undoRecord: UndoRecord | undefined;
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = {
    add: (_obj: unknown): void => undefined,
    remove: (_obj: unknown): void => undefined,
  };

  constructor(runtime: Runtime) {
    this._runtime = runtime;
    this.workbook = new WorkbookProxy(this, "workbook", () => runtime.workbook);
  }

  get application(): ApplicationProxy {
    return this.workbook.application;
  }

  /** @internal */
  _enqueue(action: Action): void {
    this._queue.push(action);
  }

  /** Number of actions waiting for the next sync. */
  get pendingOperations(): number {
    return this._queue.length;
  }

  /**
   * Where this sync's writes go on Excel's undo stack (undo.ts): with undo support, a new record per sync, or the run's
   * one record with mergeUndoGroup; without it (below ExcelApi 1.20), a sync that writes clears the stack.
   */
  private _undoRecorder(actions: Action[]): { record: UndoRecord; wrote(): void; cleared(api: string): UndoRecord } | undefined {
    const runtime = this._runtime;
    const state = runtime.undo;
    if (!actions.some(isWrite)) return undefined;
    if (!state.supported) {
      if (state.stack.length) state.clearedBy.push("write");
      state.stack.length = 0;
      return undefined;
    }
    const run = runtime.stats.runs;
    let record = this._mergeUndoGroup && this._undoRecord ? this._undoRecord : newRecord(runtime.workbook, "addin", run);
    let counted = false;
    return {
      get record() {
        return record;
      },
      wrote: () => {
        if (!state.stack.includes(record)) state.stack.push(record);
        if (!counted) {
          record.syncs++;
          counted = true;
        }
        if (this._mergeUndoGroup) this._undoRecord = record;
      },
      // "the user's undo stack is cleared starting from that API call": what came before cannot be undone, what follows can
      cleared: (api: string) => {
        state.stack.length = 0;
        state.clearedBy.push(api);
        record = newRecord(runtime.workbook, "addin", run);
        counted = false;
        return record;
      },
    };
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this._queue;
    this._queue = [];
    const runtime = this._runtime;
    const { stats, limits } = runtime;
    stats.syncs++;
    // the round trip is asynchronous: nothing reaches the workbook before the caller awaits
    await Promise.resolve();
    const ops = actions.length;
    const request = actions.map((a) => ({ k: a.kind, o: a.target._path, n: a.name, a: a.args.map(wireArg) }));
    const requestBytes = ops ? jsonBytes(request) : 0;
    const record: SyncRecord = { ops, bytes: requestBytes, requestBytes, responseBytes: 0 };
    stats.requests.push(record);
    const fail = (e: OfficeDoubleError): never => {
      record.error = e.code;
      throw e;
    };
    if (this._closed && ops) fail(new OfficeDoubleError("InvalidObjectPath", MESSAGES.InvalidObjectPath, { detail: "this context's Excel.run has finished" }));
    if (requestBytes > limits.payloadBytes)
      fail(hostError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes; the limit is ${limits.payloadBytes}`));

    const syncNumber = stats.syncs;
    for (const hook of runtime.hooks.beforeSync) hook(syncNumber);
    const injected = pickFailure(runtime, syncNumber, actions);

    const x = new Executor(runtime);
    const undo = this._undoRecorder(actions);
    x.record = undo?.record;
    const results: { action: Action; data: unknown }[] = [];
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      try {
        if (injected && injected.index === i)
          throw hostError(injected.failure.code ?? "GeneralException", "a failure injected by the test (OfficeDouble.failAt)");
        const clears = undo && clearsUndo(a, runtime.undo.web);
        if (clears && this._mergeUndoGroup)
          throw hostError("UndoNotSupported", `${a.location} does not support undo, so it cannot be part of a mergeUndoGroup batch`);
        const data = a.run(x);
        if (a.apply) results.push({ action: a, data });
        if (runtime.hooks.addinChanges && a.kind === "set" && (a.location === "Range.values" || a.location === "Range.formulas")) {
          const ref = x.resolve(a.target) as RangeRef | null;
          if (ref) runtime.hooks.addinChanges.push({ sheet: ref.sheet, address: rectA1(ref.rect) });
        }
        if (undo && isWrite(a)) undo.wrote();
        if (clears) x.record = undo!.cleared(a.location);
      } catch (e) {
        if (e instanceof OfficeDoubleError) {
          Object.assign(e.debugInfo, {
            errorLocation: e.debugInfo.errorLocation ?? a.location,
            statement: describe(a),
            surroundingStatements: actions.slice(Math.max(0, i - 2), i + 3).map(describe),
          });
          fail(e);
        }
        throw e;
      }
    }
    const responseBytes = results.length ? jsonBytes(results.map((r) => r.data)) : 0;
    record.responseBytes = responseBytes;
    record.bytes = requestBytes + responseBytes;
    if (responseBytes > limits.payloadBytes)
      fail(hostError("ResponsePayloadSizeLimitExceeded", `response of ${responseBytes} bytes; the limit is ${limits.payloadBytes}`));
    for (const obj of x.resolved) obj._isNull = obj._memo?.ref === null;
    for (const r of results) r.action.apply!(r.data);
    return passThroughValue as T;
  }
}

/** The injected failure that applies to this sync, if any (removed from the pending list: each fires once). */
function pickFailure(runtime: Runtime, syncNumber: number, actions: Action[]): { index: number; failure: InjectedFailure } | undefined {
  const list = runtime.hooks.failures;
  for (let k = 0; k < list.length; k++) {
    const f = list[k];
    if (f.sync !== undefined && f.sync !== syncNumber) continue;
    let index = -1;
    if (typeof f.op === "number") index = f.op < actions.length ? f.op : -1;
    else if (typeof f.op === "function") index = actions.findIndex((a, i) => (f.op as (s: string, i: number) => boolean)(describe(a), i));
    else index = actions.length ? 0 : -1;
    if (index < 0) continue;
    list.splice(k, 1);
    return { index, failure: f };
  }
  return undefined;
}

export type Batch<T> = (context: RequestContext) => Promise<T>;

export interface RunFunction {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(objectOrContext: RequestContext | ClientObject<unknown> | Record<string, unknown>, batch: Batch<T>): Promise<T>;
}

/** Excel.run(batch), Excel.run(context, batch), Excel.run(object, batch), Excel.run(options, batch). */
export function makeRun(runtime: Runtime): RunFunction {
  return async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as Batch<T>;
    if (typeof batch !== "function") throw new OfficeDoubleError("InvalidArgument", "Excel.run needs a batch function");
    let ctx: RequestContext;
    let own = false;
    if (a instanceof RequestContext) ctx = a;
    else if (a instanceof ClientObject && a._ctx instanceof RequestContext) ctx = a._ctx;
    else {
      ctx = new RequestContext(runtime);
      own = true;
      // RunOptions.mergeUndoGroup (ExcelApi 1.20): a host without undo support ignores it (undo.ts)
      const options = a !== batch && a && typeof a === "object" ? (a as { mergeUndoGroup?: unknown }) : undefined;
      ctx._mergeUndoGroup = options?.mergeUndoGroup === true && runtime.undo.supported && runtime.apiLevel >= UNDO_API_LEVEL;
    }
    runtime.stats.runs++;
    try {
      const pending = batch(ctx) as unknown;
      if (!pending || typeof (pending as Promise<T>).then !== "function")
        throw new OfficeDoubleError(
          "RunMustReturnPromise",
          'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
        );
      const result = await (pending as Promise<T>);
      // the host flushes what is still queued when the batch ends
      if (ctx._queue.length) await ctx.sync();
      return result;
    } finally {
      if (own) ctx._closed = true;
    }
  };
}
