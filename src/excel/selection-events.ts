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
