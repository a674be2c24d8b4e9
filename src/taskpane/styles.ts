/** Styles several components share (makeStyles + tokens, like every component's own). */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { GriffelStyle } from "@fluentui/react-components";

export const useSharedStyles = makeStyles({
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  tightStack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  paragraph: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  buttonRow: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  sectionHeading: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subHeading: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** The four sides' border-width, -style or -color (makeStyles takes longhands only). */
export function border(prop: "Width" | "Style" | "Color", value: string): GriffelStyle {
  return { [`borderTop${prop}`]: value, [`borderRight${prop}`]: value, [`borderBottom${prop}`]: value, [`borderLeft${prop}`]: value } as GriffelStyle;
}
