"use client";
// A value to copy: the text in monospace, a Copy button, and a status line under them. The
// button always reads "Copy" (its accessible name, e.g. "Copy API key", starts with what it
// shows); the outcome is said in the status line, which screen readers announce and which
// keeps its height, so nothing moves when it fills.
import { forwardRef, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  value: string;
  /** Completes the button's name: "Copy" + " API key". */
  what: string;
  /** The accessible name of the text itself, if it needs one. */
  label?: string;
  size?: "sm" | "xs";
};

export const CopyField = forwardRef<HTMLButtonElement, Props>(function CopyField({ value, what, label, size = "sm" }, ref) {
  const statusId = useId();
  const [outcome, setOutcome] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (outcome === "idle") return;
    const timer = setTimeout(() => setOutcome("idle"), 4000);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  }

  return (
    <div>
      <div className="flex items-start gap-2">
        <code
          aria-label={label}
          className={`min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono break-all select-all dark:border-zinc-700 dark:bg-zinc-950 ${size === "xs" ? "text-xs" : "text-sm"}`}
        >
          {value}
        </code>
        <Button ref={ref} variant="secondary" onClick={copy} aria-describedby={statusId} className="shrink-0">
          Copy<span className="sr-only"> {what}</span>
        </Button>
      </div>
      <p id={statusId} role="status" className="mt-1 min-h-4 text-xs text-zinc-700 dark:text-zinc-300">
        {outcome === "copied"
          ? "Copied to the clipboard."
          : outcome === "failed"
            ? "Could not copy: select the text and copy it yourself."
            : ""}
      </p>
    </div>
  );
});
