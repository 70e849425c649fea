// Hanging the e2e run's database: SIGSTOP of the postmaster and its backends (connections stay
// open, nothing answers), as a stalled disk or a paused VM would; `resume` sends SIGCONT.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E_DATA_DIR } from "../env";

function databaseProcesses(): number[] {
  const postmaster = Number(readFileSync(path.join(E2E_DATA_DIR, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], { encoding: "utf8" })
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  return [postmaster, ...children];
}

/** Stops the database's processes; the returned function starts them again (call it in `finally`). */
export function pauseDatabase(): () => void {
  const pids = databaseProcesses();
  for (const pid of pids) process.kill(pid, "SIGSTOP");
  return () => {
    for (const pid of pids) process.kill(pid, "SIGCONT");
  };
}
