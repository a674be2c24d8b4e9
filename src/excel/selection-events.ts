// Kept apart from card.ts so that the pane can listen to the selection without loading the scoring engine.
/**
 * Calls `handler` when the user selects other cells. DocumentSelectionChanged is in every Excel
 * host (Common API, no requirement set beyond the manifest's); where it is missing, nothing is
 * registered and the pane checks on its next action. Returns the function that unregisters it.
 */
export function onSelectionChanged(handler: () => void): () => void {
  const doc = typeof Office !== "undefined" ? (Office.context?.document as Office.Document | undefined) : undefined;
  if (!doc || typeof doc.addHandlerAsync !== "function") return () => undefined;
  doc.addHandlerAsync(Office.EventType.DocumentSelectionChanged, handler);
  return () => {
    if (typeof doc.removeHandlerAsync === "function") doc.removeHandlerAsync(Office.EventType.DocumentSelectionChanged, { handler });
  };
}

/** The handler registration worksheets.onChanged.add() gives back (office.js: OfficeExtension.EventHandlerResult). */
interface ChangedRegistration {
  remove(): void;
  context: { sync(): Promise<unknown> };
}

/** Whether this Excel has worksheets.onChanged for the whole collection (ExcelApi 1.9; the per-sheet event is 1.7). */
export function hasCellsEditedEvent(): boolean {
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return typeof Excel !== "undefined" && !!requirements && requirements.isSetSupported("ExcelApi", "1.9");
}

/**
 * Whether the change events say which were raised by this add-in's own writes: WorksheetChangedEventArgs.triggerSource
 * (ExcelApi 1.14; Excel.EventTriggerSource "ThisLocalAddin" — "The event is triggered by the Office JS API of the current
 * add-in" — or "Unknown"). Detected at run time; below 1.14 the member is not there.
 */
function hasTriggerSource(): boolean {
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return !!requirements && requirements.isSetSupported("ExcelApi", "1.14");
}

/**
 * A change worksheets.onChanged reported, as Excel gives it (WorksheetChangedEventArgs, ExcelApi 1.7): `address` is the
 * changed block on its sheet ("D12", "D12:E13", no sheet name), the sheet is `worksheetId`; `changeType` is
 * Excel.DataChangeType ("RangeEdited" when values were typed, pasted or cleared; rows, columns or cells inserted or
 * deleted otherwise). An address that names its sheet ("Sheet!D12") is taken as it is.
 */
export interface CellsEdited {
  address: string;
  worksheetId?: string;
  changeType?: string;
}

/**
 * Queues, in `context`'s next batch, the subscription that calls `handler` when cells are edited on any
 * sheet of the workbook (worksheets.onChanged, ExcelApi 1.9, detected at run time). It rides in a batch
 * the caller syncs anyway (the pane's opening read): no round trip of its own. Below 1.9 nothing is
 * queued and the pane keeps noticing on the next selection change and before "Tạo phụ lục". The events
 * of the add-in's own writes, which may come late (after the action that wrote has finished), are not
 * passed on where Excel marks them (triggerSource, ExcelApi 1.14); below 1.14 every event is. Returns the
 * function that unregisters it (the handler is silent from then on; one sync, in the background).
 */
export function queueCellsEdited(context: Excel.RequestContext, handler: (edit: CellsEdited) => void): () => void {
  if (!hasCellsEditedEvent()) return () => undefined;
  let live = true;
  const marked = hasTriggerSource();
  const registration = context.workbook.worksheets.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
    if (marked && args?.triggerSource === "ThisLocalAddin") return;
    if (live) handler({ address: args?.address ?? "", worksheetId: args?.worksheetId, changeType: args?.changeType });
  }) as unknown as ChangedRegistration;
  return () => {
    if (!live) return;
    live = false;
    registration.remove();
    void registration.context.sync().catch(() => undefined);
  };
}

/**
 * Calls `handler` when cells are edited on any sheet of the workbook, in a batch of its own (one sync,
 * once, when the pane subscribes; the pane itself subscribes in its opening read: loadSettings).
 * Returns the function that unregisters it.
 */
export function onCellsEdited(handler: () => void): () => void {
  if (!hasCellsEditedEvent()) return () => undefined;
  let off: (() => void) | null = null;
  let stopped = false;
  const registered = Excel.run(async (context) => {
    off = queueCellsEdited(context, () => {
      if (!stopped) handler();
    });
    await context.sync();
  }).catch(() => {
    off = null; // No events on this host after all: the selection and the annex still check.
  });
  return () => {
    if (stopped) return;
    stopped = true;
    void registered.then(() => off?.());
  };
}
