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

/**
 * Calls `handler` when cells are edited on any sheet of the workbook: worksheets.onChanged, ExcelApi
 * 1.9 for the collection (the per-sheet event is 1.7), detected at run time. Below 1.9 (or outside Excel) nothing is registered and the pane keeps
 * noticing on the next selection change and before "Tạo phụ lục". One sync, once, when the pane
 * subscribes. Returns the function that unregisters it (the handler is silent from then on).
 */
export function onCellsEdited(handler: () => void): () => void {
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  if (typeof Excel === "undefined" || !requirements || !requirements.isSetSupported("ExcelApi", "1.9")) return () => undefined;
  let live = true;
  let registration: ChangedRegistration | null = null;
  const registered = Excel.run(async (context) => {
    registration = context.workbook.worksheets.onChanged.add(async () => {
      if (live) handler();
    }) as unknown as ChangedRegistration;
    await context.sync();
  }).catch(() => undefined); // No events on this host after all: the selection and the annex still check.
  return () => {
    live = false;
    void registered.then(() => {
      const r = registration as ChangedRegistration | null;
      if (!r) return;
      r.remove();
      return r.context.sync().catch(() => undefined);
    });
  };
}
