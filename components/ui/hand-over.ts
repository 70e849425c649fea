"use client";
// The one callback contract of the dashboard's action dialogs (Add key, Roll, Revoke): a dialog
// runs its own mutation and stays open, with what was typed, while it fails; when it succeeds it
// closes itself and, once it is gone, calls `onDone(result)` and leaves focus to the caller (the
// reveal dialog, the new row, the page's heading). Radix calls onCloseAutoFocus when the dialog's
// content unmounts, even when its row goes away with it.
import { useRef } from "react";

export type OnDone<T> = (result: T) => void;

export function useHandOver<T>(onDone: OnDone<T>) {
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
      if (!done) return;
      event.preventDefault();
      onDone(done.value);
    },
  };
}
