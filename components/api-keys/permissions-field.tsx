"use client";
// Choosing what a key may do: Full access (the default), Read only, or Custom (per resource: No
// access, Read, or Read and write). The resources and their levels come from the permission table
// (lib/api-keys/permissions.ts), so a new resource appears here without a change to this file.
// Used by the Add key dialog (behind a disclosure) and the key's Permissions section.
import { useId } from "react";
import { KEY_RESOURCES, levelOf, permissionsFromLevels, READ_ONLY, type ResourceLevel } from "@/lib/api-keys/permissions";

type Preset = "full" | "read" | "custom";
export type PermissionsChoice = { preset: Preset; levels: Record<string, ResourceLevel> };

const PRESETS: { value: Preset; label: string; help: string }[] = [
  { value: "full", label: "Full access", help: "Everything a key can do, now and as new resources are added." },
  { value: "read", label: "Read only", help: "Read tasks; cannot change anything." },
  { value: "custom", label: "Custom", help: "Choose the access per resource." },
];

const LEVELS: { value: ResourceLevel; label: string }[] = [
  { value: "none", label: "No access" },
  { value: "read", label: "Read" },
  { value: "write", label: "Read and write" },
];

const RESOURCE_LABELS: Record<string, string> = { tasks: "Tasks" };
const resourceLabel = (resource: string) => RESOURCE_LABELS[resource] ?? resource;

/** The choice that shows `permissions` (null: full access). */
export function choiceOf(permissions: readonly string[] | null): PermissionsChoice {
  const levels = Object.fromEntries(KEY_RESOURCES.map((resource) => [resource, levelOf(permissions, resource)]));
  if (permissions === null) return { preset: "full", levels };
  if (JSON.stringify(permissions) === JSON.stringify(READ_ONLY)) return { preset: "read", levels };
  return { preset: "custom", levels };
}

/** What to send for a choice, or why it cannot be sent (a custom choice with no access at all). */
export function permissionsOfChoice(choice: PermissionsChoice): { permissions: string[] | null } | { error: string } {
  if (choice.preset === "full") return { permissions: null };
  if (choice.preset === "read") return { permissions: READ_ONLY };
  const permissions = permissionsFromLevels(choice.levels);
  return permissions.length ? { permissions } : { error: "Give the key access to at least one resource, or choose Full access." };
}

/** A key's access in words for its page, e.g. "Tasks: Read". */
export const describeLevels = (permissions: readonly string[] | null) =>
  KEY_RESOURCES.map(
    (resource) => `${resourceLabel(resource)}: ${LEVELS.find((l) => l.value === levelOf(permissions, resource))!.label}`,
  ).join(", ");

export function PermissionsField({
  value,
  onChange,
  error,
  errorId,
  legendHidden = false,
  legend = "Permissions",
  disabled = false,
}: {
  value: PermissionsChoice;
  onChange: (next: PermissionsChoice) => void;
  /** Why the choice cannot be sent, shown under it. */
  error: string | null;
  errorId: string;
  /** When a visible heading already says "Permissions" (the Add key dialog's disclosure): the legend is for screen readers only. */
  legendHidden?: boolean;
  /** The group's name (the key page's editor says "Change permissions" under its "Permissions" heading). */
  legend?: string;
  /** Shown but not changeable (e.g. a key policy read by someone who may not change it). */
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined} disabled={disabled}>
      <legend className={legendHidden ? "sr-only" : "text-sm font-medium"}>{legend}</legend>
      {PRESETS.map((preset) => (
        <label key={preset.value} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={name}
            value={preset.value}
            checked={value.preset === preset.value}
            onChange={() => onChange({ ...value, preset: preset.value })}
            className="mt-1 size-4 accent-blue-600"
          />
          <span>
            <span className="font-medium">{preset.label}</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">{preset.help}</span>
          </span>
        </label>
      ))}
      {value.preset === "custom" && (
        <div className="space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
          {KEY_RESOURCES.map((resource) => (
            <ResourceLevelSelect
              key={resource}
              resource={resource}
              level={value.levels[resource] ?? "none"}
              invalid={!!error}
              onChange={(level) => onChange({ ...value, levels: { ...value.levels, [resource]: level } })}
            />
          ))}
        </div>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function ResourceLevelSelect({
  resource,
  level,
  invalid,
  onChange,
}: {
  resource: string;
  level: ResourceLevel;
  invalid: boolean;
  onChange: (level: ResourceLevel) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <label htmlFor={id} className="min-w-16 text-sm">
        {resourceLabel(resource)}
      </label>
      <select
        id={id}
        value={level}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value as ResourceLevel)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950"
      >
        {LEVELS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
