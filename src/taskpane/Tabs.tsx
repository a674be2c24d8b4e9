import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

/**
 * The pane's tabs: a WAI-ARIA tablist drawn with Fluent's tokens, as Fluent's TabList looks (a bar under
 * the selected tab, brand colour), without TabList itself, whose code (and Tabster's) would be a quarter
 * of the pane's first script. Keyboard: one tab stop (the selected tab), ←/→ (and ↑/↓) move to the
 * previous/next tab and select it, Home/End the first/last; the focus ring shows for the keyboard only
 * (:focus-visible); in Windows high contrast the selected tab's bar takes the system's Highlight colour.
 */
const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXXS },
  tab: {
    position: "relative",
    display: "inline-flex",
    alignItems: "center",
    minHeight: "36px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalMNudge}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed, color: tokens.colorNeutralForeground2Pressed },
    ":focus-visible": {
      outlineStyle: "solid",
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
    // The bar under a tab: brand colour when selected, a hint of it on hover.
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: "transparent",
    },
    ":hover::after": { backgroundColor: tokens.colorNeutralStroke1Hover },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    "@media (forced-colors: active)": { "::after": { backgroundColor: "Highlight" }, ":hover::after": { backgroundColor: "Highlight" } },
  },
});

export interface TabItem<V extends string> {
  value: V;
  label: string;
}

export interface TabsProps<V extends string> {
  items: TabItem<V>[];
  selected: V;
  onSelect: (value: V) => void;
  className?: string;
}

/** Tab `value` is `#tab-<value>` and controls `#panel-<value>` (the panels name themselves by it). */
export function Tabs<V extends string>({ items, selected, onSelect, className }: TabsProps<V>) {
  const styles = useStyles();
  const refs = React.useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const n = items.length;
    const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1 + n, ArrowUp: i - 1 + n, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const j = next % n;
    refs.current[j]?.focus();
    onSelect(items[j].value);
  };
  return (
    <div role="tablist" aria-orientation="horizontal" className={mergeClasses(styles.list, className)}>
      {items.map((x, i) => (
        <button
          key={x.value}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${x.value}`}
          aria-controls={`panel-${x.value}`}
          aria-selected={x.value === selected}
          tabIndex={x.value === selected ? 0 : -1}
          className={mergeClasses(styles.tab, x.value === selected && styles.selected)}
          onClick={() => onSelect(x.value)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {x.label}
        </button>
      ))}
    </div>
  );
}
