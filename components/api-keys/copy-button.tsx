"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text` and says so for a moment (announced to screen readers too). */
export function CopyButton({ text, label, autoFocus }: { text: string; label: string; autoFocus?: boolean }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <Button variant="secondary" onClick={copy} aria-label={label} className="shrink-0" autoFocus={autoFocus}>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select and copy" : "Copy"}</span>
    </Button>
  );
}
