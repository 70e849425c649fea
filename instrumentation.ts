// Runs once when a server process starts (Next.js instrumentation hook): starts the background
// jobs every instance runs (lib/jobs.ts). Not during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundJobs } = await import("./lib/jobs");
  startBackgroundJobs();
}
