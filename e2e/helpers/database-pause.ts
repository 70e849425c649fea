// Hanging the e2e run's database: SIGSTOP of the postmaster and its backends (connections stay
// open, nothing answers), as a stalled disk or a paused VM would; `resume` sends SIGCONT.
import { databaseProcesses } from "./db";

/** Stops the database's processes; the returned function starts them again (call it in `finally`). */
export function pauseDatabase(): () => void {
  const pids = databaseProcesses();
  for (const pid of pids) process.kill(pid, "SIGSTOP");
  return () => {
    for (const pid of pids) process.kill(pid, "SIGCONT");
  };
}
