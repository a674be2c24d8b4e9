/**
 * The client side of the fake host: proxy objects whose property reads need load() + sync(), whose writes and
 * method calls are queued as actions, and whose loaded values are snapshots taken at sync time.
 */
import { checkApi } from "./api-levels";
import { OfficeDoubleError, hostError, propertyNotLoaded, valueNotLoaded } from "./errors";
import type { FakeSheet, FakeWorkbook, CellValue } from "./workbook";
import type { UndoState } from "./undo";

export interface Limits {
  /** bytes of JSON in one request and in one response (Excel on the web: 5 MB) */
  payloadBytes: number;
  /** cells one load may read (5,000,000) */
  readCells: number;
  /** cells one write may touch: a guard of the double, not an Excel limit */
  writeCells: number;
}

export interface SyncRecord {
  ops: number;
  /** request + response bytes */
  bytes: number;
  requestBytes: number;
  responseBytes: number;
  /** error code when the sync was rejected */
  error?: string;
}

export interface Stats {
  /** context.sync() calls, plus the final flush Excel.run does when work is pending */
  syncs: number;
  /** Excel.run calls */
  runs: number;
  requests: SyncRecord[];
  /** ops summed over all syncs */
  readonly ops: number;
  /** bytes summed over all syncs */
  readonly bytes: number;
  reset(): void;
}

export function createStats(): Stats {
  const stats: Stats = {
    syncs: 0,
    runs: 0,
    requests: [],
    get ops() {
      return stats.requests.reduce((n, r) => n + r.ops, 0);
    },
    get bytes() {
      return stats.requests.reduce((n, r) => n + r.bytes, 0);
    },
    reset() {
      stats.syncs = 0;
      stats.runs = 0;
      stats.requests = [];
    },
  };
  return stats;
}

export interface Runtime {
  workbook: FakeWorkbook;
  apiLevel: number;
  stats: Stats;
  limits: Limits;
  /** value of a formula written through the API; undefined = unknown (reading it fails) */
  evaluateFormula?: (formula: string, sheet: FakeSheet, row: number, col: number) => CellValue | undefined;
  /** Test hooks: what happens between round trips (someone typing) and injected host failures. */
  hooks: SyncHooks;
  /** Excel's undo stack (ExcelUndoApiAll, ExcelApi 1.20): see undo.ts */
  undo: UndoState;
}

/** A failure the host raises at one action of one sync (see OfficeDouble.failAt). */
export interface InjectedFailure {
  /** Which sync (1-based, counted like stats.syncs) fails; by default the next one that has a matching action. */
  sync?: number;
  /** The action that fails: its index in the batch, or a test on its statement (`sheet.getRange("A1").values = …;`). */
  op?: number | ((statement: string, index: number) => boolean);
  /** The error code the host reports (default "GeneralException"). */
  code?: string;
}

export interface SyncHooks {
  /** Called when a sync reaches the host, before its actions run: the workbook may be changed here, as a user or a co-author would. */
  beforeSync: ((sync: number) => void)[];
  /** Pending one-shot failures. */
  failures: InjectedFailure[];
  /** worksheets.onChanged handlers, registered when the sync that carries their add() runs (fired by the double's edit()). */
  changedHandlers: ((args: WorksheetChangedArgs) => unknown)[];
  /**
   * With the option `addinChangeEvents`, the cells the add-in's own syncs wrote (Range.values / Range.formulas), waiting
   * to reach the handlers late, after the action (fired by the double's deliverAddinChanges()); null without it.
   */
  addinChanges: { sheet: FakeSheet; address: string }[] | null;
}

/** What Excel passes to a worksheets.onChanged handler (the members the double models). */
export interface WorksheetChangedArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local";
  /** ExcelApi 1.14 (absent below): "ThisLocalAddin" when this add-in's own write raised the event, else "Unknown". */
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

export interface Exec {
  readonly runtime: Runtime;
  resolve<R>(obj: ClientObject<R>): R | null;
}

export interface Action {
  kind: "set" | "call" | "load" | "instantiate";
  target: ClientObject<unknown>;
  name: string;
  args: unknown[];
  /** "Range.values", for debugInfo.errorLocation */
  location: string;
  run(x: Exec): unknown;
  apply?(data: unknown): void;
}

export interface ContextLike {
  readonly _runtime: Runtime;
  _enqueue(action: Action): void;
}

export type Resolver<R> = (x: Exec) => R | null;

export interface PropDef<R> {
  get(ref: R, x: Exec): unknown;
  set?(ref: R, value: unknown, x: Exec): void;
  /** number of cells a read touches (for the 5,000,000-cell limit) */
  cells?(ref: R): number;
}

export interface NavDef<R> {
  ctor: () => ClientObjectCtor;
  ref(parent: R, x: Exec): unknown;
}

export interface ClassSpec<R = never> {
  name: string;
  props: Record<string, PropDef<R>>;
  navs: Record<string, NavDef<R>>;
  collection?: { itemCtor: () => ClientObjectCtor; items(ref: R, x: Exec): unknown[] };
}

export type ClientObjectCtor = (new (ctx: ContextLike, path: string, resolver: Resolver<never>) => ClientObject<unknown>) & {
  spec: ClassSpec<never>;
};

interface Plan {
  all: boolean;
  scalars: Set<string>;
  navs: Map<string, Plan>;
  items?: Plan;
}

const newPlan = (): Plan => ({ all: false, scalars: new Set(), navs: new Map() });

function jsonClone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Argument as it would travel in the request: proxies become their object path. */
export function wireArg(a: unknown): unknown {
  if (a instanceof ClientObject) return { objectPath: a._path };
  return a;
}

/** The value of a method call that returns data (getCount(), getCellProperties()...), readable after sync. */
export class ClientResult<T> {
  private _set = false;
  private _value: T | undefined;

  get value(): T {
    if (!this._set) throw valueNotLoaded();
    return this._value as T;
  }

  /** @internal */
  _resolve(v: T): void {
    this._value = v;
    this._set = true;
  }

  toJSON(): T | undefined {
    return this._value;
  }
}

export abstract class ClientObject<R> {
  /** @internal */ readonly _ctx: ContextLike;
  /** @internal */ readonly _path: string;
  /** @internal */ readonly _resolver: Resolver<R>;
  /** @internal */ readonly _loaded = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined = undefined;
  /** @internal */ _memo: { ref: R | null } | undefined = undefined;
  /** @internal */ readonly _children = new Map<string, ClientObject<unknown>>();

  constructor(ctx: ContextLike, path: string, resolver: Resolver<R>) {
    this._ctx = ctx;
    this._path = path;
    this._resolver = resolver;
    // Strict: assigning a member the double does not implement throws a TypeError instead of doing nothing.
    Object.preventExtensions(this);
  }

  get context(): ContextLike {
    return this._ctx;
  }

  /** @internal */
  get _spec(): ClassSpec<R> {
    return (this.constructor as unknown as { spec: ClassSpec<R> }).spec;
  }

  /** @internal */
  get _runtime(): Runtime {
    return this._ctx._runtime;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", this._spec.name);
    return this._isNull;
  }

  /** @internal */
  _api(member: string, use: "get" | "set" | "call" = "call", withPassword = false): void {
    checkApi(this._runtime.apiLevel, `${this._spec.name}.${member}`, use, withPassword);
  }

  /** @internal */
  _read(name: string): unknown {
    this._api(name, "get");
    if (this._loaded.has(name)) return this._loaded.get(name);
    if (this._isNull === true) return undefined;
    throw propertyNotLoaded(name, this._spec.name);
  }

  /** @internal */
  _write(name: string, value: unknown): void {
    this._api(name, "set");
    const def = this._spec.props[name];
    // office.js keeps the written value on the proxy; the document changes only at sync.
    this._loaded.set(name, value);
    this._ctx._enqueue({
      kind: "set",
      target: this,
      name,
      args: [value],
      location: `${this._spec.name}.${name}`,
      run: (x) => {
        const ref = x.resolve(this);
        if (ref === null) return undefined;
        def.set!(ref, value, x);
        return undefined;
      },
    });
  }

  /** @internal navigation property: no load needed, same child every time */
  _nav<C>(name: string, check = true): C {
    if (check) this._api(name, "get");
    let child = this._children.get(name);
    if (!child) {
      const def = this._spec.navs[name];
      const Ctor = def.ctor();
      child = new Ctor(this._ctx, `${this._path}.${name}`, ((x: Exec) => {
        const p = x.resolve(this);
        return p === null ? null : def.ref(p, x);
      }) as Resolver<never>);
      this._children.set(name, child);
    }
    return child as unknown as C;
  }

  /** @internal queues a method call with no return value */
  _call(name: string, args: unknown[], run: (ref: R, x: Exec) => void, withPassword = false): void {
    this._api(name, "call", withPassword);
    this._ctx._enqueue({
      kind: "call",
      target: this,
      name,
      args,
      location: `${this._spec.name}.${name}`,
      run: (x) => {
        const ref = x.resolve(this);
        if (ref === null) return undefined;
        run(ref, x);
        return undefined;
      },
    });
  }

  /** @internal queues a method call whose result is data (ClientResult) */
  _callResult<T>(name: string, args: unknown[], run: (ref: R, x: Exec) => T): ClientResult<T> {
    this._api(name, "call");
    const result = new ClientResult<T>();
    this._ctx._enqueue({
      kind: "call",
      target: this,
      name,
      args,
      location: `${this._spec.name}.${name}`,
      run: (x) => {
        const ref = x.resolve(this);
        if (ref === null) return null;
        return jsonClone(run(ref, x));
      },
      apply: (data) => result._resolve(data as T),
    });
    return result;
  }

  /** @internal a method returning an object that is found lazily, when the batch runs */
  _method<C>(name: string, args: unknown[], ctor: () => ClientObjectCtor, find: (ref: R, x: Exec) => unknown, nullable = false): C {
    this._api(name, "call");
    const path = `${this._path}.${name}(${args.map((a) => JSON.stringify(wireArg(a))).join(", ")})`;
    const Ctor = ctor();
    const child = new Ctor(this._ctx, path, ((x: Exec) => {
      const p = x.resolve(this);
      if (p === null) return null;
      if (!nullable) return find(p, x);
      try {
        return find(p, x);
      } catch (e) {
        if (e instanceof OfficeDoubleError && (e.code === "ItemNotFound" || e.code === "InvalidArgument")) return null;
        throw e;
      }
    }) as Resolver<never>);
    if (nullable) instantiate(child);
    return child as unknown as C;
  }

  /** @internal a method with a side effect (worksheets.add) that returns the object it made */
  _methodWithEffect<C>(name: string, args: unknown[], ctor: () => ClientObjectCtor, make: (ref: R, x: Exec) => unknown): C {
    this._api(name, "call");
    const box: { made?: unknown; done: boolean } = { done: false };
    const Ctor = ctor();
    const path = `${this._path}.${name}(${args.map((a) => JSON.stringify(wireArg(a))).join(", ")})`;
    const child = new Ctor(this._ctx, path, (() => {
      if (!box.done) throw hostError("InvalidObjectPath", `${path} was used before the ${name} call ran`);
      return box.made;
    }) as Resolver<never>);
    this._ctx._enqueue({
      kind: "call",
      target: this,
      name,
      args,
      location: `${this._spec.name}.${name}`,
      run: (x) => {
        const ref = x.resolve(this);
        if (ref === null) return undefined;
        box.made = make(ref, x);
        box.done = true;
        return undefined;
      },
    });
    return child as unknown as C;
  }

  /**
   * Queues a load. Accepts "values, address", ["values"], "format/font/name", "items/name" (collections),
   * { select: "...", expand: "..." } and { values: true, format: { font: { name: true } } }.
   * No argument loads every scalar property available at the host's API level.
   */
  load(propertyNames?: string | string[] | Record<string, unknown>): this {
    const plan = newPlan();
    const paths = loadPaths(propertyNames);
    if (paths.length === 0) markAll(plan, this._spec);
    for (const p of paths)
      walk(
        plan,
        this,
        p
          .split("/")
          .map((s) => s.trim())
          .filter(Boolean),
        this._runtime.apiLevel,
      );
    this._ctx._enqueue({
      kind: "load",
      target: this,
      name: "load",
      args: [paths],
      location: `${this._spec.name}.load`,
      run: (x) => evalPlan(this._spec, x.resolve(this), plan, x),
      apply: (data) => applyPlan(this as ClientObject<unknown>, plan, data as LoadedData),
    });
    return this;
  }

  /** Sets several properties at once, like office.js `set()`. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      if (this._spec.props[k]?.set) (this as unknown as Record<string, unknown>)[k] = v;
      else if (this._spec.navs[k] && v && typeof v === "object") this._nav<ClientObject<unknown>>(k).set(v as Record<string, unknown>);
      else throw new OfficeDoubleError("InvalidArgument", undefined, { detail: `${this._spec.name}.set: '${k}' cannot be set` });
    }
  }

  /** The loaded values as a plain object (like office.js toJSON). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded) {
      if (k === "items" && Array.isArray(v)) out.items = v.map((i: ClientObject<unknown>) => i.toJSON());
      else out[k] = v;
    }
    for (const [k, child] of this._children) {
      const j = child.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    return out;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** Queues the implicit action that tells an *OrNullObject proxy whether it is null. */
export function instantiate(obj: ClientObject<unknown>): void {
  obj._ctx._enqueue({ kind: "instantiate", target: obj, name: "instantiate", args: [], location: `${obj._spec.name}`, run: (x) => void x.resolve(obj) });
}

function loadPaths(spec: string | string[] | Record<string, unknown> | undefined): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  const out: string[] = [];
  const o = spec as Record<string, unknown>;
  if ("select" in o || "expand" in o) {
    if (o.select !== undefined) out.push(...loadPaths(o.select as string | string[]));
    if (o.expand !== undefined) out.push(...loadPaths(o.expand as string | string[]));
    return out;
  }
  const rec = (prefix: string, obj: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(obj)) {
      if (k.startsWith("$")) continue;
      const p = prefix ? `${prefix}/${k}` : k;
      if (v === true) out.push(p);
      else if (v && typeof v === "object") rec(p, v as Record<string, unknown>);
    }
  };
  rec("", o);
  return out;
}

function markAll(plan: Plan, spec: ClassSpec<never>): void {
  if (spec.collection) {
    plan.items ??= newPlan();
    plan.items.all = true;
  } else plan.all = true;
}

function noSuchMember(spec: ClassSpec<never>, name: string): OfficeDoubleError {
  return new OfficeDoubleError("InvalidArgument", `The property '${name}' does not exist on ${spec.name} (or the office double does not implement it).`, {
    errorLocation: `${spec.name}.load`,
  });
}

function walk(plan: Plan, obj: ClientObject<unknown> | null, segs: string[], apiLevel: number, specArg?: ClassSpec<never>): void {
  const spec = specArg ?? obj!._spec;
  if (segs.length === 0) return markAll(plan, spec);
  const [head, ...rest] = segs;
  if (spec.collection && !spec.props[head]) {
    // "items/name" and plain "name" both mean the items' property
    const itemSegs = head === "items" ? rest : segs;
    if (obj) obj._api("items", "get");
    plan.items ??= newPlan();
    const itemSpec = spec.collection.itemCtor().spec;
    if (itemSegs.length === 0) plan.items.all = true;
    else walk(plan.items, null, itemSegs, apiLevel, itemSpec);
    return;
  }
  if (spec.props[head]) {
    if (rest.length) throw noSuchMember(spec, segs.join("/"));
    if (obj) obj._api(head, "get");
    else checkApi(apiLevel, `${spec.name}.${head}`, "get");
    plan.scalars.add(head);
    return;
  }
  const nav = spec.navs[head];
  if (!nav) throw noSuchMember(spec, head);
  let child: ClientObject<unknown> | null = null;
  if (obj) child = obj._nav<ClientObject<unknown>>(head);
  else checkApi(apiLevel, `${spec.name}.${head}`, "get");
  let sub = plan.navs.get(head);
  if (!sub) {
    sub = newPlan();
    plan.navs.set(head, sub);
  }
  walk(sub, child, rest, apiLevel, nav.ctor().spec);
}

interface LoadedData {
  [k: string]: unknown;
}

function scalarsOf(spec: ClassSpec<never>, plan: Plan, apiLevel: number): string[] {
  if (!plan.all) return [...plan.scalars];
  return Object.keys(spec.props).filter((p) => {
    try {
      checkApi(apiLevel, `${spec.name}.${p}`, "get");
      return true;
    } catch {
      return false;
    }
  });
}

function evalPlan(spec: ClassSpec<never>, ref: unknown, plan: Plan, x: Exec): LoadedData {
  if (ref === null) return { __null: true };
  const data: LoadedData = {};
  for (const s of scalarsOf(spec, plan, x.runtime.apiLevel)) {
    const def = spec.props[s] as PropDef<unknown>;
    if (def.cells) {
      const n = def.cells(ref);
      if (n > x.runtime.limits.readCells)
        throw hostError("RangeExceedsLimit", `${spec.name}.${s}: reading ${n} cells; the limit is ${x.runtime.limits.readCells}`);
    }
    data[s] = jsonClone(def.get(ref, x));
  }
  for (const [nav, sub] of plan.navs) {
    const def = spec.navs[nav] as NavDef<unknown>;
    const childRef = def.ref(ref, x);
    data[nav] = evalPlan(def.ctor().spec, childRef, sub, x);
  }
  if (plan.items && spec.collection) {
    const itemSpec = spec.collection.itemCtor().spec;
    const refs = (spec.collection.items as (r: unknown, x: Exec) => unknown[])(ref, x);
    data.items = refs.map((r) => {
      const d = evalPlan(itemSpec, r, plan.items!, x);
      Object.defineProperty(d, "__ref", { value: r, enumerable: false });
      return d;
    });
  }
  return data;
}

function applyPlan(obj: ClientObject<unknown>, plan: Plan, data: LoadedData): void {
  if (data.__null) {
    obj._isNull = true;
    return;
  }
  obj._isNull = false;
  for (const [k, v] of Object.entries(data)) {
    if (k === "items" || plan.navs.has(k)) continue;
    obj._loaded.set(k, v);
  }
  for (const [nav, sub] of plan.navs) applyPlan(obj._nav<ClientObject<unknown>>(nav, false), sub, data[nav] as LoadedData);
  if (plan.items && obj._spec.collection) {
    const Ctor = obj._spec.collection.itemCtor();
    const items = (data.items as LoadedData[]).map((d, i) => {
      const ref = (d as unknown as { __ref: unknown }).__ref;
      const item = new Ctor(obj._ctx, `${obj._path}.items[${i}]`, (() => ref) as Resolver<never>);
      item._memo = { ref: ref as never };
      applyPlan(item, plan.items!, d);
      return item;
    });
    obj._loaded.set("items", items);
  }
}

/** Installs the property accessors a class spec describes (reads need load+sync, writes are queued). */
export function defineAccessors(Ctor: ClientObjectCtor): void {
  const spec = Ctor.spec;
  for (const [name, def] of Object.entries(spec.props)) {
    Object.defineProperty(Ctor.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObject<unknown>) {
        return this._read(name);
      },
      set: def.set
        ? function (this: ClientObject<unknown>, v: unknown) {
            this._write(name, v);
          }
        : undefined,
    });
  }
  for (const name of Object.keys(spec.navs)) {
    Object.defineProperty(Ctor.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObject<unknown>) {
        return this._nav(name);
      },
    });
  }
  if (spec.collection) {
    Object.defineProperty(Ctor.prototype, "items", {
      configurable: true,
      enumerable: true,
      get(this: ClientObject<unknown>) {
        return this._read("items");
      },
    });
  }
}
