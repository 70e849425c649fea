export default function Loading() {
  return (
    <div role="status" aria-label="Loading the key" className="animate-pulse space-y-4">
      <div className="h-4 w-24 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-8 w-64 max-w-full rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-32 rounded-lg bg-zinc-100 dark:bg-zinc-900" />
      <div className="h-64 rounded-lg bg-zinc-100 dark:bg-zinc-900" />
    </div>
  );
}
