/** Excel enums as string-valued objects (generated from @types/office-js; values are what the host returns). */
export const PaperType = Object.freeze({
  letter: "Letter",
  letterSmall: "LetterSmall",
  tabloid: "Tabloid",
  ledger: "Ledger",
  legal: "Legal",
  statement: "Statement",
  executive: "Executive",
  a3: "A3",
  a4: "A4",
  a4Small: "A4Small",
  a5: "A5",
  b4: "B4",
  b5: "B5",
  folio: "Folio",
  quatro: "Quatro",
  paper10x14: "Paper10x14",
  paper11x17: "Paper11x17",
  note: "Note",
  envelope9: "Envelope9",
  envelope10: "Envelope10",
  envelope11: "Envelope11",
  envelope12: "Envelope12",
  envelope14: "Envelope14",
  csheet: "Csheet",
  dsheet: "Dsheet",
  esheet: "Esheet",
  envelopeDL: "EnvelopeDL",
  envelopeC5: "EnvelopeC5",
  envelopeC3: "EnvelopeC3",
  envelopeC4: "EnvelopeC4",
  envelopeC6: "EnvelopeC6",
  envelopeC65: "EnvelopeC65",
  envelopeB4: "EnvelopeB4",
  envelopeB5: "EnvelopeB5",
  envelopeB6: "EnvelopeB6",
  envelopeItaly: "EnvelopeItaly",
  envelopeMonarch: "EnvelopeMonarch",
  envelopePersonal: "EnvelopePersonal",
  fanfoldUS: "FanfoldUS",
  fanfoldStdGerman: "FanfoldStdGerman",
} as const);

export const PageOrientation = Object.freeze({
  portrait: "Portrait",
  landscape: "Landscape",
} as const);

export const HorizontalAlignment = Object.freeze({
  general: "General",
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerAcrossSelection: "CenterAcrossSelection",
  distributed: "Distributed",
} as const);

export const VerticalAlignment = Object.freeze({
  top: "Top",
  center: "Center",
  bottom: "Bottom",
  justify: "Justify",
  distributed: "Distributed",
} as const);

export const BorderIndex = Object.freeze({
  edgeTop: "EdgeTop",
  edgeBottom: "EdgeBottom",
  edgeLeft: "EdgeLeft",
  edgeRight: "EdgeRight",
  insideVertical: "InsideVertical",
  insideHorizontal: "InsideHorizontal",
  diagonalDown: "DiagonalDown",
  diagonalUp: "DiagonalUp",
} as const);

export const BorderLineStyle = Object.freeze({
  none: "None",
  continuous: "Continuous",
  dash: "Dash",
  dashDot: "DashDot",
  dashDotDot: "DashDotDot",
  dot: "Dot",
  double: "Double",
  slantDashDot: "SlantDashDot",
} as const);

export const BorderWeight = Object.freeze({
  hairline: "Hairline",
  thin: "Thin",
  medium: "Medium",
  thick: "Thick",
} as const);

export const SheetVisibility = Object.freeze({
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
} as const);

export const ClearApplyTo = Object.freeze({
  all: "All",
  formats: "Formats",
  contents: "Contents",
  hyperlinks: "Hyperlinks",
  removeHyperlinks: "RemoveHyperlinks",
  resetContents: "ResetContents",
} as const);

export const RangeUnderlineStyle = Object.freeze({
  none: "None",
  single: "Single",
  double: "Double",
  singleAccountant: "SingleAccountant",
  doubleAccountant: "DoubleAccountant",
} as const);

export const PrintComments = Object.freeze({
  noComments: "NoComments",
  endSheet: "EndSheet",
  inPlace: "InPlace",
} as const);

export const PrintErrorType = Object.freeze({
  asDisplayed: "AsDisplayed",
  blank: "Blank",
  dash: "Dash",
  notAvailable: "NotAvailable",
} as const);

export const PrintOrder = Object.freeze({
  downThenOver: "DownThenOver",
  overThenDown: "OverThenDown",
} as const);

export const HeaderFooterState = Object.freeze({
  default: "Default",
  firstAndDefault: "FirstAndDefault",
  oddAndEven: "OddAndEven",
  firstOddAndEven: "FirstOddAndEven",
} as const);

export const CalculationMode = Object.freeze({
  automatic: "Automatic",
  automaticExceptTables: "AutomaticExceptTables",
  manual: "Manual",
} as const);

export const CalculationType = Object.freeze({
  recalculate: "Recalculate",
  full: "Full",
  fullRebuild: "FullRebuild",
} as const);

export const PrintMarginUnit = Object.freeze({
  points: "Points",
  inches: "Inches",
  centimeters: "Centimeters",
} as const);

export const RangeValueType = Object.freeze({
  unknown: "Unknown",
  empty: "Empty",
  string: "String",
  integer: "Integer",
  double: "Double",
  boolean: "Boolean",
  error: "Error",
  richValue: "RichValue",
} as const);

export const ProtectionSelectionMode = Object.freeze({
  normal: "Normal",
  unlocked: "Unlocked",
  none: "None",
} as const);

export const WorksheetPositionType = Object.freeze({
  none: "None",
  before: "Before",
  after: "After",
  beginning: "Beginning",
  end: "End",
} as const);

export const RangeCopyType = Object.freeze({
  all: "All",
  formulas: "Formulas",
  values: "Values",
  formats: "Formats",
  link: "Link",
} as const);

export const FillPattern = Object.freeze({
  none: "None",
  solid: "Solid",
  gray50: "Gray50",
  gray75: "Gray75",
  gray25: "Gray25",
  horizontal: "Horizontal",
  vertical: "Vertical",
  down: "Down",
  up: "Up",
  checker: "Checker",
  semiGray75: "SemiGray75",
  lightHorizontal: "LightHorizontal",
  lightVertical: "LightVertical",
  lightDown: "LightDown",
  lightUp: "LightUp",
  grid: "Grid",
  crissCross: "CrissCross",
  gray16: "Gray16",
  gray8: "Gray8",
  linearGradient: "LinearGradient",
  rectangularGradient: "RectangularGradient",
} as const);
