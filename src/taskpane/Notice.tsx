import * as React from "react";
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { Note } from "./actions";
import { useStrings } from "./i18n";

const useStyles = makeStyles({
  bar: { alignItems: "flex-start", paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  body: { whiteSpace: "normal", overflowWrap: "anywhere" },
  title: { display: "block", marginBottom: tokens.spacingVerticalXXS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXXS },
});

/** One message (MessageBar): a title saying what happened, then what to do. */
export function Notice({ note, onDismiss, action }: { note: Note; onDismiss?: () => void; action?: { label: string; onClick: () => void } }) {
  const styles = useStyles();
  const t = useStrings();
  const List = note.ordered ? "ol" : "ul";
  return (
    <MessageBar intent={note.intent} layout="multiline" className={styles.bar} {...(note.title ? {} : { "aria-labelledby": undefined })}>
      <MessageBarBody className={styles.body}>
        {note.title && <MessageBarTitle className={styles.title}>{note.title}</MessageBarTitle>}
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
      </MessageBarBody>
      {(onDismiss || action) && (
        <MessageBarActions
          containerAction={
            onDismiss ? (
              <Button appearance="transparent" size="small" aria-label={t.dismiss} onClick={onDismiss}>
                ✕
              </Button>
            ) : undefined
          }
        >
          {action ? (
            <Button size="small" onClick={action.onClick}>
              {action.label}
            </Button>
          ) : undefined}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
