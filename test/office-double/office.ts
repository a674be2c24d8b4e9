/**
 * The common `Office` namespace as an Excel host provides it: onReady, requirement sets, display language,
 * document settings, dialogs, ribbon actions, Office.addin. Calls are recorded so tests can drive them.
 */
import { UNDO_API_LEVEL } from "./undo";
import { parseMinor } from "./api-levels";
import type { FakeWorkbook } from "./workbook";

export type Platform = "PC" | "OfficeOnline" | "Mac" | "iOS" | "Android" | "Universal";

export interface OfficeOptions {
  apiLevel: number;
  displayLanguage: string;
  platform: Platform;
  /** SharedRuntime 1.1 support (default false) */
  sharedRuntime: boolean;
  /** AddinCommands 1.1 support (default: true unless apiLevel is 1, i.e. Office 2016 volume licence) */
  addinCommands: boolean;
  /** highest DialogApi minor version (default 2) */
  dialogApi: number;
  /** overrides: set name -> highest version ("1.3") or false */
  requirementSets: Record<string, string | false>;
  /** host version string reported by Office.context.diagnostics */
  version: string;
}

export interface AsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; name: string; message: string };
  asyncContext?: unknown;
}

type Callback<T> = (result: AsyncResult<T>) => void;

export interface ActionEvent {
  source: { id: string };
  completed(options?: { allowEvent?: boolean }): void;
}

export interface FakeDialog {
  url: string;
  options: Record<string, unknown>;
  closed: boolean;
  /** messages the add-in sent to the dialog with messageChild */
  sentToChild: string[];
  /** test side: the dialog calls Office.context.ui.messageParent(message) */
  sendMessage(message: string, origin?: string): void;
  /** test side: the user closes the dialog (event 12006) */
  userClose(): void;
  addEventHandler(eventType: string, handler: (arg: unknown) => void): void;
  close(): void;
  messageChild(message: string): void;
}

export interface OfficeState {
  actions: Map<string, (event: ActionEvent) => unknown>;
  dialogs: FakeDialog[];
  /** calls to Office.addin.* and Office.context.ui.messageParent */
  calls: { name: string; args: unknown[] }[];
  documentSettings: Map<string, unknown>;
  /** Handlers added with Office.context.document.addHandlerAsync, by event type. */
  documentHandlers: Map<string, ((arg: unknown) => void)[]>;
}

const HostType = Object.freeze({
  Word: "Word",
  Excel: "Excel",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
});

const PlatformType = Object.freeze({
  PC: "PC",
  OfficeOnline: "OfficeOnline",
  Mac: "Mac",
  iOS: "iOS",
  Android: "Android",
  Universal: "Universal",
});

const AsyncResultStatus = Object.freeze({ Succeeded: "succeeded", Failed: "failed" });

const EventType = Object.freeze({
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
  DialogParentMessageReceived: "dialogParentMessageReceived",
  DocumentSelectionChanged: "documentSelectionChanged",
  SettingsChanged: "settingsChanged",
});

const ok = <T>(value: T, asyncContext?: unknown): AsyncResult<T> => ({ status: "succeeded", value, asyncContext });

function splitArgs<T>(a: unknown, b: unknown): { options: Record<string, unknown>; cb?: Callback<T> } {
  if (typeof a === "function") return { options: {}, cb: a as Callback<T> };
  return { options: (a as Record<string, unknown>) ?? {}, cb: b as Callback<T> | undefined };
}

export function createOffice(opts: OfficeOptions, workbook: FakeWorkbook) {
  const state: OfficeState = {
    actions: new Map(),
    dialogs: [],
    calls: [],
    documentSettings: new Map(workbook.settings),
    documentHandlers: new Map(),
  };

  const supported = (name: string): number => {
    const o = opts.requirementSets[name];
    if (o === false) return 0;
    if (typeof o === "string") return parseMinor(o);
    switch (name.toLowerCase()) {
      case "excelapi":
        return opts.apiLevel;
      case "excelapidesktop":
        return opts.platform === "PC" || opts.platform === "Mac" ? 1 : 0;
      case "excelundoapiall":
        // ExcelApi 1.20 "adds undo support" (undo.ts); the set is checked as isSetSupported("ExcelUndoApiAll", "1.0")
        return opts.apiLevel >= UNDO_API_LEVEL ? 1 : 0;
      case "excelapionline":
        return opts.platform === "OfficeOnline" ? 1 : 0;
      case "dialogapi":
        return opts.dialogApi;
      case "addincommands":
        return opts.addinCommands ? 1 : 0;
      case "sharedruntime":
        return opts.sharedRuntime ? 1 : 0;
      default:
        return 0;
    }
  };

  const settings = {
    get(name: string): unknown {
      return state.documentSettings.has(name) ? state.documentSettings.get(name) : null;
    },
    set(name: string, value: unknown): void {
      state.documentSettings.set(name, JSON.parse(JSON.stringify(value ?? null)));
    },
    remove(name: string): void {
      state.documentSettings.delete(name);
    },
    /** persists the settings into the document (the fake workbook) */
    saveAsync(a?: unknown, b?: unknown): void {
      const { options, cb } = splitArgs<void>(a, b);
      workbook.settings.clear();
      for (const [k, v] of state.documentSettings) workbook.settings.set(k, v);
      if (cb) setTimeout(() => cb(ok(undefined, options.asyncContext)), 0);
    },
    refreshAsync(cb?: Callback<unknown>): void {
      state.documentSettings.clear();
      for (const [k, v] of workbook.settings) state.documentSettings.set(k, v);
      if (cb) setTimeout(() => cb(ok(settings)), 0);
    },
    addHandlerAsync(_type: string, _handler: unknown, cb?: Callback<void>): void {
      if (cb) setTimeout(() => cb(ok(undefined)), 0);
    },
  };

  const makeDialog = (url: string, options: Record<string, unknown>): FakeDialog => {
    const handlers = new Map<string, ((arg: unknown) => void)[]>();
    const emit = (type: string, arg: unknown) => (handlers.get(type) ?? []).forEach((h) => h(arg));
    const d: FakeDialog = {
      url,
      options,
      closed: false,
      sentToChild: [],
      sendMessage(message, origin = new URL(url, "https://localhost").origin) {
        emit(EventType.DialogMessageReceived, { type: EventType.DialogMessageReceived, message, origin });
      },
      userClose() {
        d.closed = true;
        emit(EventType.DialogEventReceived, { type: EventType.DialogEventReceived, error: 12006 });
      },
      addEventHandler(eventType, handler) {
        handlers.set(eventType, [...(handlers.get(eventType) ?? []), handler]);
      },
      close() {
        d.closed = true;
      },
      messageChild(message) {
        d.sentToChild.push(message);
      },
    };
    return d;
  };

  const record = (name: string, ...args: unknown[]) => state.calls.push({ name, args });
  let startupBehavior = "none";

  const Office = {
    HostType,
    PlatformType,
    AsyncResultStatus,
    EventType,
    CoercionType: Object.freeze({ Text: "text", Matrix: "matrix", Table: "table" }),
    StartupBehavior: Object.freeze({ none: "None", load: "Load" }),
    VisibilityMode: Object.freeze({ hidden: "Hidden", taskpane: "Taskpane" }),
    initialize: undefined as undefined | ((reason: unknown) => void),
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      const info = { host: HostType.Excel, platform: opts.platform };
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      displayLanguage: opts.displayLanguage,
      contentLanguage: opts.displayLanguage,
      host: HostType.Excel,
      platform: opts.platform,
      diagnostics: { host: HostType.Excel, platform: opts.platform, version: opts.version },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const have = supported(name);
          const need = parseMinor(minVersion);
          return have > 0 && Number.isFinite(need) && need <= have;
        },
      },
      document: {
        settings,
        url: workbook.name,
        /** Document events (DocumentSelectionChanged): kept, and fired by the double's select(). */
        addHandlerAsync(type: string, handler: (arg: unknown) => void, a?: unknown, b?: unknown): void {
          const { cb } = splitArgs<void>(a, b);
          const list = state.documentHandlers.get(type) ?? [];
          state.documentHandlers.set(type, [...list, handler]);
          if (cb) setTimeout(() => cb(ok(undefined)), 0);
        },
        removeHandlerAsync(type: string, a?: unknown, b?: unknown): void {
          const { options, cb } = splitArgs<void>(a, b);
          const handler = options.handler;
          state.documentHandlers.set(type, handler ? (state.documentHandlers.get(type) ?? []).filter((h) => h !== handler) : []);
          if (cb) setTimeout(() => cb(ok(undefined)), 0);
        },
      },
      ui: {
        displayDialogAsync(url: string, a?: unknown, b?: unknown): void {
          const { options, cb } = splitArgs<FakeDialog>(a, b);
          const open = state.dialogs.find((d) => !d.closed);
          const dialog = makeDialog(url, options);
          if (!open) state.dialogs.push(dialog);
          const result: AsyncResult<FakeDialog> = open
            ? {
                status: "failed",
                value: undefined as unknown as FakeDialog,
                error: { code: 12007, name: "Display Dialog Error", message: "A dialog box is already opened from this host window." },
              }
            : ok(dialog, options.asyncContext);
          if (cb) setTimeout(() => cb(result), 0);
        },
        messageParent(message: string): void {
          record("ui.messageParent", message);
        },
        closeContainer(): void {
          record("ui.closeContainer");
        },
      },
    },
    actions: {
      associate(name: string, fn: (event: ActionEvent) => unknown): void {
        state.actions.set(name, fn);
      },
    },
    addin: {
      showAsTaskpane(): Promise<void> {
        record("addin.showAsTaskpane");
        return Promise.resolve();
      },
      hide(): Promise<void> {
        record("addin.hide");
        return Promise.resolve();
      },
      onVisibilityModeChanged(handler: unknown): Promise<() => Promise<void>> {
        record("addin.onVisibilityModeChanged", handler);
        return Promise.resolve(() => Promise.resolve());
      },
      setStartupBehavior(behavior: string): Promise<void> {
        record("addin.setStartupBehavior", behavior);
        startupBehavior = behavior;
        return Promise.resolve();
      },
      getStartupBehavior(): Promise<string> {
        return Promise.resolve(startupBehavior);
      },
    },
  };

  /** Runs a ribbon function command the add-in registered with Office.actions.associate. Resolves when the
   * command calls event.completed(); rejects if the command was never registered or throws. */
  async function invokeAction(name: string, event: Partial<ActionEvent> = {}): Promise<{ completed: boolean; options?: unknown }> {
    const fn = state.actions.get(name);
    if (!fn) throw new Error(`office-double: no action registered as '${name}' (registered: ${[...state.actions.keys()].join(", ") || "none"})`);
    return new Promise((resolve, reject) => {
      const ev: ActionEvent = {
        source: { id: name },
        ...event,
        completed(options?: { allowEvent?: boolean }) {
          event.completed?.(options);
          resolve({ completed: true, options });
        },
      };
      try {
        const r = fn(ev);
        if (r && typeof (r as Promise<unknown>).then === "function") (r as Promise<unknown>).catch(reject);
      } catch (e) {
        reject(e);
      }
    });
  }

  /** The user selects cells (workbook.setSelection), then the host tells DocumentSelectionChanged handlers. */
  function select(address: string): void {
    workbook.setSelection(address);
    for (const h of state.documentHandlers.get(EventType.DocumentSelectionChanged) ?? [])
      h({ type: EventType.DocumentSelectionChanged, document: Office.context.document });
  }

  return { Office, state, invokeAction, select };
}
