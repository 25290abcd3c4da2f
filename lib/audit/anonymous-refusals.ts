/**
 * Refusals of requests without a session (an expired tab polling, a scanner)
 * are recorded at most PER_WINDOW a minute per client address: each is a
 * link in the one hash chain, written under its lock, so an unauthenticated
 * flood would otherwise fill the log and queue every real event behind it.
 * What is left out is counted and named in the next one recorded. Kept per
 * web process: a limit on noise, not a security decision, so several
 * processes each recording their share is fine.
 */
const WINDOW_MS = 60_000;
const PER_WINDOW = 20;
const MAX_ADDRESSES = 10_000;

interface Count {
  windowStart: number;
  recorded: number;
  suppressed: number;
}

const byAddress = new Map<string, Count>();

/** Whether to record this refusal, and how many from the same address were left out since the last one recorded. */
export function anonymousRefusal(
  ip: string | null,
  now = Date.now(),
): { record: false } | { record: true; leftOut: number } {
  const key = ip ?? "unknown";
  const count = byAddress.get(key);
  if (!count || now - count.windowStart >= WINDOW_MS) {
    const leftOut = count?.suppressed ?? 0;
    if (!count && byAddress.size >= MAX_ADDRESSES) byAddress.delete(byAddress.keys().next().value!);
    byAddress.set(key, { windowStart: now, recorded: 1, suppressed: 0 });
    return { record: true, leftOut };
  }
  if (count.recorded >= PER_WINDOW) {
    count.suppressed++;
    return { record: false };
  }
  count.recorded++;
  const leftOut = count.suppressed;
  count.suppressed = 0;
  return { record: true, leftOut };
}

/** A refusal's reason, saying how many from the same address were left out before it. */
export function withLeftOut(reason: string, leftOut: number): string {
  return leftOut ? `${reason} (and ${leftOut} more from this address not recorded)` : reason;
}
