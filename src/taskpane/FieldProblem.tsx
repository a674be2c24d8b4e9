import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    margin: 0,
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
});

/** A problem that belongs to a part of the form rather than to one field (a list, a group). */
export function FieldProblem({ text, id }: { text?: string; id?: string }) {
  const styles = useStyles();
  if (!text) return null;
  return (
    <p className={styles.root} id={id}>
      {text}
    </p>
  );
}
