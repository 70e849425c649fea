// CPU time of process trees from /proc (Linux): user + system time of a process and all its
// descendants, plus the time of children it has already reaped (PostgreSQL's postmaster
// reaps backends that exit). Sampled before and after a load run, the difference divided by
// the requests served is the CPU cost of one request.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

type Stat = { pid: number; ppid: number; ticks: number; reapedTicks: number };

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name "(…)", which may contain spaces: state is field 3.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const num = (field: number) => Number(fields[field - 3]);
    return { pid, ppid: num(4), ticks: num(14) + num(15), reapedTicks: num(16) + num(17) };
  } catch {
    return null; // exited in the meantime
  }
}

/** CPU milliseconds used so far by the trees rooted at these processes. */
export function treeCpuMs(roots: number[]): number {
  const stats = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is Stat => s !== null);
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const visit = (stat: Stat, isRoot: boolean) => {
    ticks += stat.ticks + (isRoot ? stat.reapedTicks : 0);
    for (const child of children.get(stat.pid) ?? []) visit(child, false);
  };
  for (const root of roots) {
    const stat = stats.find((s) => s.pid === root);
    if (stat) visit(stat, true);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** PostgreSQL's postmaster, from the first line of postmaster.pid in its data folder. */
export function postmasterPid(pgDir: string): number {
  return Number(readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
}
