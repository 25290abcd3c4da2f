// CPU time of processes from /proc (Linux), for benchmarks on a shared
// machine: wall time there is noisy, CPU time per unit of work much less so.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcStat {
  ppid: number;
  /** CPU milliseconds in user and system mode. */
  ownMs: number;
  /** CPU milliseconds of its exited children it reaped. */
  reapedMs: number;
}

/** A process's /proc/<pid>/stat, or null once it has exited. */
export function procStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null; // exited
  }
  // After the ") " that ends the command name: state ppid … utime(11) stime(12) cutime(13) cstime(14)
  const f = text
    .slice(text.lastIndexOf(") ") + 2)
    .split(" ")
    .map(Number);
  const at = (i: number) => f[i] ?? 0;
  return { ppid: at(1), ownMs: (at(11) + at(12)) * TICK_MS, reapedMs: (at(13) + at(14)) * TICK_MS };
}

/** CPU milliseconds (user + system) a process has used; with `reaped`, also its exited children's. */
export function cpuMs(pid: number, reaped = false): number {
  const s = procStat(pid);
  if (!s) return 0;
  return s.ownMs + (reaped ? s.reapedMs : 0);
}

/**
 * CPU milliseconds used by a Postgres server: the postmaster, its exited
 * children (reaped by it) and its live backends, autovacuum and writers.
 */
export function postgresCpuMs(pgDataDir: string): number {
  const postmaster = Number(readFileSync(path.join(pgDataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  let total = cpuMs(postmaster, true);
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(Number(name));
    if (s?.ppid === postmaster) total += s.ownMs;
  }
  return total;
}

/** This process's CPU milliseconds (user + system), finer than /proc's ticks. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
