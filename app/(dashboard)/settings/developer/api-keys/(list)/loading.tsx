export default function Loading() {
  return (
    <div role="status" aria-label="Loading API keys" className="space-y-4 motion-safe:animate-pulse">
      <div className="h-8 w-40 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-4 w-2/3 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-48 rounded-lg bg-zinc-100 dark:bg-zinc-900" />
    </div>
  );
}
