"use client";
// The one callback contract of the dashboard's action dialogs (Add key, Roll, Revoke): a dialog
// runs its own mutation and stays open, with what was typed, while it fails; when it succeeds it
// closes itself and, once it is gone, calls `onDone(result)` and leaves focus to the caller (the
// reveal dialog, the new row, the page's heading). Radix calls onCloseAutoFocus when the dialog's
// content unmounts, even when its row goes away with it. A dialog opened from a menu has no
// trigger of its own to return focus to: `returnFocus` says where focus goes when it closes
// without handing over (cancelled, Escape).
import { useRef } from "react";

export type OnDone<T> = (result: T) => void;

export function useHandOver<T>(onDone: OnDone<T>, returnFocus?: () => void) {
  const result = useRef<{ value: T } | null>(null);
  return {
    /** Call when the action succeeded, just before closing the dialog. */
    succeeded(value: T) {
      result.current = { value };
    },
    /** The dialog content's onCloseAutoFocus. */
    onCloseAutoFocus(event: Event) {
      const done = result.current;
      result.current = null;
      if (!done && !returnFocus) return;
      event.preventDefault();
      if (done) onDone(done.value);
      else returnFocus?.();
    },
  };
}

/** A dialog opened from a row's actions menu: the row holds whether it is open; it has no trigger. */
export type FromMenu = { open: boolean; onOpenChange: (open: boolean) => void; returnFocus: () => void };
