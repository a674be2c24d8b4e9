/** Errors shaped like OfficeExtension.Error: `code`, `message`, `debugInfo`, `traceMessages`. */

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  conflict: "Conflict",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidBinding: "InvalidBinding",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  notImplemented: "NotImplemented",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedOperation: "UnsupportedOperation",
} as const;

/** OfficeExtension.ErrorCodes (client-side codes). */
export const ExtensionErrorCodes = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  activityLimitReached: "ActivityLimitReached",
  invalidObjectPath: "InvalidObjectPath",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidRequestContext: "InvalidRequestContext",
  invalidArgument: "InvalidArgument",
  runMustReturnPromise: "RunMustReturnPromise",
  cannotRegisterEvent: "CannotRegisterEvent",
  apiNotFound: "ApiNotFound",
  connectionFailure: "ConnectionFailure",
} as const;

export const MESSAGES: Record<string, string> = {
  AccessDenied:
    "The cell or chart you're trying to change is protected and therefore read-only. To modify a protected cell or chart, first remove protection using the Unprotect Sheet command.",
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please see the "Excel JavaScript API requirement sets" documentation for more information.',
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidSelection: "The current selection is invalid for this operation.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  RangeExceedsLimit:
    "The cell count in the range has exceeded the maximum supported number. See the article Resource limits and performance optimization for Office Add-ins for more information.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See the article Resource limits and performance optimization for Office Add-ins for more information.",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. See the article Resource limits and performance optimization for Office Add-ins for more information.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  UnsupportedOperation: "The operation being attempted is not supported.",
  // The code is the documented one ("Undo support with the Excel JavaScript API"); the wording is the double's.
  UndoNotSupported: "The operation doesn't support undo, so it can't be part of an undo group.",
};

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  /** Double only: the detail behind the generic host message. */
  detail?: string;
}

export class OfficeDoubleError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: Error | null = null;

  constructor(code: string, message?: string, info: Partial<DebugInfo> = {}) {
    super(message ?? MESSAGES[code] ?? code);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message: this.message, ...info };
    Object.setPrototypeOf(this, new.target.prototype);
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** A host-side failure; `detail` explains it in the double's own words (kept in debugInfo.detail). */
export function hostError(code: string, detail?: string): OfficeDoubleError {
  return new OfficeDoubleError(code, MESSAGES[code] ?? code, detail ? { detail } : {});
}

export function propertyNotLoaded(property: string, entity: string): OfficeDoubleError {
  return new OfficeDoubleError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    { errorLocation: `${entity}.${property}` },
  );
}

export function valueNotLoaded(): OfficeDoubleError {
  return new OfficeDoubleError(
    "ValueNotLoaded",
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  );
}
