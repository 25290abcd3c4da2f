// CPU time of processes from /proc (Linux), for benchmarks on a shared
// machine: wall time there is noisy, CPU time per unit of work much less so.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  } catch {
    return null; // exited
  }
}

/** CPU milliseconds (user + system) a process has used; with `reaped`, also its exited children's. */
export function cpuMs(pid: number, reaped = false): number {
  const f = stat(pid);
  if (!f) return 0;
  // After ") ": state ppid … utime(11) stime(12) cutime(13) cstime(14)
  return (Number(f[11]) + Number(f[12]) + (reaped ? Number(f[13]) + Number(f[14]) : 0)) * TICK_MS;
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
    const f = stat(Number(name));
    if (f && Number(f[1]) === postmaster) total += (Number(f[11]) + Number(f[12])) * TICK_MS;
  }
  return total;
}

/** This process's CPU milliseconds (user + system), finer than /proc's ticks. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
