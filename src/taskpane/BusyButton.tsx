import * as React from "react";
import { Button, ButtonProps } from "@fluentui/react-components";
import { Spin } from "./Spin";

export type BusyButtonProps = ButtonProps & {
  /** This button's action is running: a spinner replaces its icon. */
  busy?: boolean;
};

/**
 * A button that stays in the tab order while it cannot be used (aria-disabled), so keyboard focus is
 * not lost when an action starts, and shows a spinner while its own action runs.
 */
export function BusyButton({ busy = false, disabled = false, icon, children, ...rest }: BusyButtonProps) {
  return (
    <Button {...rest} disabledFocusable={disabled || busy} icon={busy ? <Spin size="tiny" /> : icon}>
      {children}
    </Button>
  );
}
