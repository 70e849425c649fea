"use client";
// The key's name as the page's heading, renamable in place by owners and admins: *Rename* turns
// it into a labelled field with Save and Cancel (Escape cancels too); focus comes back to
// *Rename* afterwards. The heading stays for screen readers while the field is shown. In the key
// list (`inList`), the row's own name is shown instead of a heading and is hidden while editing;
// the row's actions menu starts the rename, a one-line field takes the name's place, and focus
// goes back to the menu's button afterwards.
// When saving fails, the field stays with what was typed and the failure says whether the key was
// renamed (key-changes.ts) and what to do next.
import { forwardRef, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { descriptionSchema, DESCRIPTION_MAX } from "@/lib/api-keys/schemas";
import { mayRetry } from "@/lib/ui/browser/request-failure";
import { Button } from "@/components/ui/button";
import { FailureMessage } from "@/components/ui/failure-message";
import type { OnDone } from "@/components/ui/hand-over";
import { useRenameKey } from "./mutations";
import type { ApiKeyDto } from "./types";

type Props = {
  apiKey: ApiKeyDto;
  workspaceId: string;
  /** false: this person may not rename the key (or it cannot be renamed any more). */
  canRename: boolean;
  /** After a rename was saved and the field closed: the key as renamed. */
  onDone?: OnDone<ApiKeyDto>;
  /** In a list row: what names the key there (a link); the row says when the field is shown. */
  inList?: { name: ReactNode; editing: boolean; onEditingChange: (editing: boolean) => void; returnFocus: () => void };
};

function validate(value: string): string | null {
  const result = descriptionSchema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "Enter a valid description.");
}

export const KeyDescriptionEditor = forwardRef<HTMLHeadingElement, Props>(function KeyDescriptionEditor(
  { apiKey, workspaceId, canRename, onDone, inList },
  headingRef,
) {
  const description = apiKey.description;
  const [ownEditing, setOwnEditing] = useState(false);
  const editing = inList ? inList.editing : ownEditing;
  const setEditing = inList ? inList.onEditingChange : setOwnEditing;
  const [value, setValue] = useState(description);
  // The field's own check (before sending); what the server said is the mutation's error.
  const [invalid, setInvalid] = useState<string | null>(null);
  const mutation = useRenameKey(workspaceId, apiKey);
  const pending = mutation.isPending;
  const failure = mutation.error;
  const fieldError = invalid ?? failure?.fields?.description ?? null;
  const renameButton = useRef<HTMLButtonElement>(null);
  const ids = { input: useId(), help: useId(), error: useId() };

  function start() {
    setValue(description);
    setInvalid(null);
    mutation.reset();
    setEditing(true);
  }

  // Started by the row's menu: the field starts from the key's description (the mutation was
  // reset when the previous rename ended).
  const [wasEditing, setWasEditing] = useState(editing);
  if (editing !== wasEditing) {
    setWasEditing(editing);
    if (editing && inList) {
      setValue(description);
      setInvalid(null);
    }
  }

  // Focus goes back to the Rename button (or the row's menu) once React has rendered it again.
  const refocus = useRef(false);
  const returnFocus = inList?.returnFocus;
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    if (returnFocus) returnFocus();
    else renameButton.current?.focus();
  }, [editing, returnFocus]);

  function stop() {
    refocus.current = true;
    setEditing(false);
    setInvalid(null);
    mutation.reset();
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!canRename || pending) return;
    const problem = validate(value);
    // An invalid submit (Save pressed) takes focus back to the field, which now says what is wrong.
    const focusInput = () => document.getElementById(ids.input)?.focus();
    if (problem) {
      setInvalid(problem);
      return focusInput();
    }
    if (value.trim() === description) return stop();
    mutation.mutate(value, {
      onError: (failure) => {
        if (failure.fields?.description) focusInput();
      },
      onSuccess: (renamed) => {
        toast.success(`Renamed to “${renamed.description}”.`);
        stop();
        onDone?.(renamed);
      },
    });
  }

  return (
    <div className="min-w-0">
      {inList ? (
        !editing && inList.name
      ) : (
        <h1
          ref={headingRef}
          tabIndex={-1}
          className={editing ? "sr-only" : "text-2xl font-semibold break-words whitespace-pre-wrap focus:outline-none"}
        >
          {description}
        </h1>
      )}
      {editing ? (
        <form
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key === "Escape" && !pending) {
              event.preventDefault();
              stop();
            }
          }}
          noValidate
          aria-label={inList ? `Rename ${description}` : "Rename key"}
          className="space-y-1.5"
        >
          <label htmlFor={ids.input} className={inList ? "sr-only" : "block text-sm font-medium"}>
            Description
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id={ids.input}
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
                setInvalid(null);
                if (mutation.isError) mutation.reset();
              }}
              autoFocus
              onFocus={(event) => event.currentTarget.select()}
              maxLength={DESCRIPTION_MAX + 50}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={!!fieldError}
              aria-describedby={`${ids.help}${fieldError || failure ? ` ${ids.error}` : ""}`}
              className={`block w-full max-w-md min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 ${inList ? "basis-32 py-1 text-sm font-normal" : "py-2 text-lg font-semibold"} focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950`}
            />
            <div className="flex gap-2">
              <Button type="submit" disabled={pending} aria-busy={pending}>
                {pending ? "Saving…" : failure && !failure.fields && mayRetry(failure) ? "Save again" : "Save"}
              </Button>
              <Button variant="secondary" onClick={stop} disabled={pending}>
                Cancel
              </Button>
            </div>
          </div>
          <p id={ids.help} className={inList ? "sr-only" : "text-xs text-zinc-600 dark:text-zinc-400"}>
            Name the service and environment that use it. Up to {DESCRIPTION_MAX} characters. Escape cancels.
          </p>
          {fieldError ? (
            <p id={ids.error} role="alert" className="text-sm text-red-700 dark:text-red-400">
              {fieldError}
            </p>
          ) : (
            failure && <FailureMessage id={ids.error} failure={failure} className="max-w-md" />
          )}
        </form>
      ) : (
        canRename &&
        !inList && (
          <button
            ref={renameButton}
            type="button"
            onClick={start}
            className="mt-1 text-sm font-medium text-blue-700 underline underline-offset-2 hover:text-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-400 dark:hover:text-blue-300"
          >
            Rename<span className="sr-only"> key</span>
          </button>
        )
      )}
    </div>
  );
});
