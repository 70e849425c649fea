// Work to finish before the process exits (e.g. writing the usage counts kept in memory). The
// server (scripts/serve-next.ts) runs these hooks on SIGTERM/SIGINT after it stops accepting
// requests. Kept on globalThis because the server and the app's bundled modules share the
// process but not their module instances.
type Hook = { name: string; run: () => Promise<unknown> };
const globalForShutdown = globalThis as unknown as { oneShutdownHooks?: Hook[] };

export function onShutdown(name: string, run: () => Promise<unknown>): void {
  const hooks = (globalForShutdown.oneShutdownHooks ??= []);
  if (!hooks.some((hook) => hook.name === name)) hooks.push({ name, run });
}

/** Runs every hook (and forgets them, unless `keep`); failures are logged, never thrown. */
export async function runShutdownHooks(options: { keep?: boolean } = {}): Promise<void> {
  const registered = globalForShutdown.oneShutdownHooks ?? [];
  const hooks = options.keep ? [...registered] : registered.splice(0);
  await Promise.all(
    hooks.map((hook) => hook.run().catch((error) => console.error(`Shutdown: ${hook.name} failed: ${(error as Error).message}`))),
  );
}
