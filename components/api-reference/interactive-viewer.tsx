"use client";
// The interactive viewer (Scalar: search, a client picker, dark mode), loaded on request. Its
// script (about 1 MB compressed) would cost a phone seconds of blocked main thread on every
// visit, while the server-rendered reference (static-reference.tsx) already shows every
// operation. Pointing at or focusing the button starts the download; a click shows the viewer
// in place of the static reference and moves focus to it. A failed download changes nothing
// and says so.
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";

type State = { status: "static" | "loading" | "failed" } | { status: "open"; Viewer: ComponentType };

let download: Promise<ComponentType> | undefined;
function loadViewer(): Promise<ComponentType> {
  download ??= import("./api-reference").then(
    (module) => module.ApiReference,
    (error: unknown) => {
      download = undefined; // the next attempt downloads again
      throw error;
    },
  );
  return download;
}
const preload = () => void loadViewer().catch(() => undefined);

export function InteractiveReference({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: "static" });
  const viewer = useRef<HTMLDivElement>(null);
  const open = state.status === "open";

  useEffect(() => {
    if (open) viewer.current?.focus();
  }, [open]);

  if (state.status === "open") {
    const { Viewer } = state;
    return (
      <div ref={viewer} tabIndex={-1} className="outline-none">
        <Viewer />
      </div>
    );
  }

  const show = () => {
    setState({ status: "loading" });
    loadViewer().then(
      (Viewer) => setState({ status: "open", Viewer }),
      () => setState({ status: "failed" }),
    );
  };

  return (
    <>
      <header className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm sm:px-6">
          <p>Searching, or examples in other languages?</p>
          <button
            type="button"
            onPointerEnter={preload}
            onFocus={preload}
            onClick={show}
            className="rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            Open the interactive viewer
          </button>
          <p role="status" className="text-zinc-600 dark:text-zinc-400">
            {state.status === "loading"
              ? "Loading the interactive viewer…"
              : state.status === "failed"
                ? "The interactive viewer could not be loaded; this reference is complete. Try again when you are back online."
                : ""}
          </p>
        </div>
      </header>
      {children}
    </>
  );
}
