import * as React from "react";
import { makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { PaneButton as Button } from "./PaneButton";
import type { Note } from "./actions";
import { useStrings } from "./i18n";
import { border } from "./styles";
import { useAnnounce } from "./announce";

/**
 * One message: a title saying what happened, then what to do. Drawn as Fluent's MessageBar is (intent
 * colours and icon, a group named by its title), with Fluent's tokens but without MessageBar's code in
 * the pane's first script. The border keeps it visible in high contrast.
 */
const useStyles = makeStyles({
  // Narrow (a 320 px pane at 200 % zoom), the buttons go under the text rather than squeeze it to a letter a line.
  bar: {
    display: "flex",
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalXS,
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    ...border("Width", tokens.strokeWidthThin),
    ...border("Style", "solid"),
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, ...border("Color", tokens.colorPaletteGreenBorder1) },
  info: { backgroundColor: tokens.colorNeutralBackground3, ...border("Color", tokens.colorNeutralStroke1) },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground1, ...border("Color", tokens.colorPaletteDarkOrangeBorder1) },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, ...border("Color", tokens.colorPaletteRedBorder1) },
  icon: { flexShrink: 0, width: "16px", height: "16px", marginTop: "2px" },
  successIcon: { color: tokens.colorPaletteGreenForeground1 },
  infoIcon: { color: tokens.colorNeutralForeground3 },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
  body: { flexGrow: 1, flexBasis: "8em", minWidth: 0, whiteSpace: "normal", overflowWrap: "anywhere" },
  title: { display: "block", fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXXS },
  actions: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS, flexShrink: 0, marginLeft: "auto" },
  // The ✕ is as small as its glyph allows (a 24 px target), not a 64 px button beside a 320 px pane's text.
  dismiss: { minWidth: "24px", width: "24px", height: "24px", padding: 0 },
});

/** Fluent's intent icons (16 px, filled), as paths. */
const ICONS: Record<Note["intent"], string> = {
  success: "M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2Zm2.35 4.15a.5.5 0 0 0-.7 0L7.5 8.29l-.65-.64a.5.5 0 1 0-.7.7l1 1c.2.2.5.2.7 0l2.5-2.5a.5.5 0 0 0 0-.7Z",
  info: "M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2Zm0 5a.5.5 0 0 0-.5.5v3a.5.5 0 0 0 1 0v-3A.5.5 0 0 0 8 7Zm0-2.25a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z",
  warning:
    "M7.13 2.5a1 1 0 0 1 1.74 0l5 9A1 1 0 0 1 13 13H3a1 1 0 0 1-.87-1.5l5-9ZM8 5.5a.5.5 0 0 0-.5.5v3a.5.5 0 0 0 1 0V6a.5.5 0 0 0-.5-.5Zm0 5.25a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z",
  error: "M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2Zm0 2.5a.5.5 0 0 0-.5.5v3.5a.5.5 0 0 0 1 0V5a.5.5 0 0 0-.5-.5Zm0 6a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z",
};

export function Notice({
  note,
  onDismiss,
  action,
  children,
}: {
  note: Note;
  onDismiss?: () => void;
  action?: { label: string; onClick: () => void };
  /** More of the message under its list (the print steps under "Chưa trình ký được"). */
  children?: React.ReactNode;
}) {
  const styles = useStyles();
  const t = useStrings();
  const titleId = useId("notice-title");
  const List = note.ordered ? "ol" : "ul";
  // Said in the pane's live region when it appears (the result of an action), not only shown.
  useAnnounce([note.title, note.text, ...(note.items ?? [])].filter(Boolean).join(". "));
  return (
    <div role="group" aria-labelledby={note.title ? titleId : undefined} className={mergeClasses(styles.bar, styles[note.intent])}>
      <svg className={mergeClasses(styles.icon, styles[`${note.intent}Icon`])} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path fill="currentColor" d={ICONS[note.intent]} />
      </svg>
      <div className={styles.body}>
        {note.title && (
          <span id={titleId} className={styles.title}>
            {note.title}
          </span>
        )}
        {note.text && <span lang={note.textLang}>{note.text}</span>}
        {note.items && note.items.length > 0 && (
          <List className={styles.list} lang={note.itemsLang}>
            {note.items.map((item, i) => (
              <li key={i} className={styles.item}>
                {item}
              </li>
            ))}
          </List>
        )}
        {children}
      </div>
      {(onDismiss || action) && (
        <div className={styles.actions}>
          {action && (
            <Button size="small" onClick={action.onClick}>
              {action.label}
            </Button>
          )}
          {onDismiss && (
            <Button appearance="transparent" size="small" className={styles.dismiss} aria-label={t.dismiss} onClick={onDismiss}>
              ✕
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
