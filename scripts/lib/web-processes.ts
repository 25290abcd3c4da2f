import { availableParallelism } from "node:os";

/**
 * How many web processes (scripts/web-server.ts) serve the console: CONSOLE_WEB_PROCESSES,
 * else one per core up to four. One Node process renders one page at a time,
 * so with one process a second core would idle while pages queue.
 */
export function webProcessCount(setting: string | undefined, cores = availableParallelism()): number {
  if (setting !== undefined && setting.trim() !== "") {
    const n = Number(setting);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`CONSOLE_WEB_PROCESSES must be a whole number of at least 1 (got "${setting}")`);
    return n;
  }
  return Math.max(1, Math.min(cores, 4));
}
