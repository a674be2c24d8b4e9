import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { border } from "./styles";

/**
 * The buttons of the pane's first screen, drawn as Fluent's Button is (appearances, sizes, hover and
 * pressed colours, tokens), without Button's code (and the ARIA helpers it brings) in the pane's first
 * script. A native <button>: Enter and Space work as usual. `disabledFocusable` keeps it in the tab order
 * with aria-disabled and ignores presses (focus is not lost when an action starts). The focus ring shows
 * for the keyboard only; in high contrast, system colours (GrayText when disabled, Highlight for primary).
 */
const useStyles = makeStyles({
  base: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    verticalAlign: "middle",
    margin: 0,
    maxWidth: "100%",
    minWidth: "96px",
    padding: `5px ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...border("Width", tokens.strokeWidthThin),
    ...border("Style", "solid"),
    ...border("Color", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "center",
    cursor: "pointer",
    outlineStyle: "none",
    transitionDuration: tokens.durationFaster,
    transitionProperty: "background, border, color",
    transitionTimingFunction: tokens.curveEasyEase,
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      ...border("Color", tokens.colorNeutralStroke1Hover),
      color: tokens.colorNeutralForeground1Hover,
    },
    ":hover:active": {
      backgroundColor: tokens.colorNeutralBackground1Pressed,
      ...border("Color", tokens.colorNeutralStroke1Pressed),
      color: tokens.colorNeutralForeground1Pressed,
    },
    ":focus-visible": { outlineStyle: "solid", outlineWidth: tokens.strokeWidthThick, outlineColor: tokens.colorStrokeFocus2, outlineOffset: "1px" },
    "@media (prefers-reduced-motion: reduce)": { transitionDuration: "0.01ms" },
  },
  primary: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    ...border("Color", "transparent"),
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover, ...border("Color", "transparent"), color: tokens.colorNeutralForegroundOnBrand },
    ":hover:active": { backgroundColor: tokens.colorBrandBackgroundPressed, ...border("Color", "transparent"), color: tokens.colorNeutralForegroundOnBrand },
    "@media (forced-colors: active)": { backgroundColor: "Highlight", color: "HighlightText", forcedColorAdjust: "none" },
  },
  transparent: {
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    ...border("Color", "transparent"),
    ":hover": { backgroundColor: tokens.colorTransparentBackgroundHover, ...border("Color", "transparent"), color: tokens.colorNeutralForeground2BrandHover },
    ":hover:active": {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      ...border("Color", "transparent"),
      color: tokens.colorNeutralForeground2BrandPressed,
    },
  },
  small: {
    minWidth: "64px",
    padding: `3px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase200,
  },
  large: { minWidth: "96px", padding: `8px ${tokens.spacingHorizontalL}`, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  disabled: {
    cursor: "not-allowed",
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
    ...border("Color", tokens.colorNeutralStrokeDisabled),
    color: tokens.colorNeutralForegroundDisabled,
    ":hover": {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...border("Color", tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
    },
    ":hover:active": {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...border("Color", tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
    },
    "@media (forced-colors: active)": { backgroundColor: "ButtonFace", color: "GrayText", ...border("Color", "GrayText") },
  },
  disabledTransparent: {
    backgroundColor: tokens.colorTransparentBackground,
    ...border("Color", "transparent"),
    ":hover": { backgroundColor: tokens.colorTransparentBackground, ...border("Color", "transparent") },
    ":hover:active": { backgroundColor: tokens.colorTransparentBackground, ...border("Color", "transparent") },
  },
  icon: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    flexShrink: 0,
    marginRight: tokens.spacingHorizontalSNudge,
    fontSize: "20px",
    height: "20px",
    width: "20px",
  },
  smallIcon: { fontSize: "16px", height: "16px", width: "16px", marginRight: tokens.spacingHorizontalXS },
});

export type PaneButtonProps = Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, "disabled"> & {
  appearance?: "secondary" | "primary" | "transparent";
  size?: "small" | "medium" | "large";
  icon?: React.ReactNode;
  /** Cannot be pressed: disabled (out of the tab order), or `disabledFocusable` (stays focusable, aria-disabled). */
  disabled?: boolean;
  disabledFocusable?: boolean;
};

export function PaneButton({
  appearance = "secondary",
  size = "medium",
  icon,
  disabled = false,
  disabledFocusable = false,
  className,
  onClick,
  children,
  ...rest
}: PaneButtonProps) {
  const styles = useStyles();
  const off = disabled || disabledFocusable;
  return (
    <button
      type="button"
      {...rest}
      disabled={disabled && !disabledFocusable}
      aria-disabled={disabledFocusable ? true : undefined}
      className={mergeClasses(
        "fui-Button",
        styles.base,
        appearance === "primary" && styles.primary,
        appearance === "transparent" && styles.transparent,
        size === "small" && styles.small,
        size === "large" && styles.large,
        off && styles.disabled,
        off && appearance === "transparent" && styles.disabledTransparent,
        className,
      )}
      onClick={(e) => {
        if (off) return e.preventDefault();
        onClick?.(e);
      }}
    >
      {icon && <span className={mergeClasses(styles.icon, size === "small" && styles.smallIcon)}>{icon}</span>}
      {children}
    </button>
  );
}
