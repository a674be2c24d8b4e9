import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { border } from "./styles";

/**
 * A spinner drawn with Fluent's tokens (a turning ring, as Fluent's Spinner), without Spinner's code in
 * the pane's first script. With a label it is a progressbar named by it; without, decoration (aria-hidden:
 * the busy text is said elsewhere). Slows down under prefers-reduced-motion; system colours in high contrast.
 */
const useStyles = makeStyles({
  root: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  ring: {
    boxSizing: "border-box",
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    ...border("Style", "solid"),
    ...border("Color", tokens.colorBrandStroke2),
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: "rotate(0deg)" }, to: { transform: "rotate(360deg)" } },
    animationDuration: "1s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media (prefers-reduced-motion: reduce)": { animationDuration: "3s" },
    "@media (forced-colors: active)": { ...border("Color", "CanvasText"), borderTopColor: "Highlight" },
  },
  small: { width: "20px", height: "20px", ...border("Width", tokens.strokeWidthThick) },
  tiny: { width: "16px", height: "16px", ...border("Width", tokens.strokeWidthThick) },
});

export function Spin({ label, size = "small", className }: { label?: string; size?: "small" | "tiny"; className?: string }) {
  const styles = useStyles();
  const ring = <span aria-hidden="true" className={mergeClasses(styles.ring, styles[size])} />;
  if (!label)
    return (
      <span className={mergeClasses(styles.root, className)} aria-hidden="true">
        {ring}
      </span>
    );
  return (
    <span role="progressbar" aria-label={label} className={mergeClasses(styles.root, className)}>
      {ring}
      <span>{label}</span>
    </span>
  );
}
