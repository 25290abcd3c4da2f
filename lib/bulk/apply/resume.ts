import type { RunningJob } from "./job";
import type { Settler } from "./settler";

const CHECKED_APPLIED = {
  status: "succeeded" as const,
  message: "Applied before the console restarted (checked at the vendor).",
};
const NOT_RESENT = {
  status: "unknown" as const,
  message:
    "The console stopped while sending this row and the vendor cannot be asked whether it applied; " +
    "it was not resent. Check, then retry if needed.",
};

/**
 * Rows a crash left in flight ("sending"): a repeatable row goes back to
 * pending and is sent again; any other is checked at the vendor when the
 * operation can ask (applied: succeeded; not applied: resent), or else ends
 * unknown, never resent blindly.
 */
export async function resumeInDoubt(job: RunningJob, settler: Settler) {
  const { db, jobId, stepRows, op, ctx } = job;
  const inDoubt = await db.bulkRow.findMany({
    where: { jobId, ...stepRows, status: "sending" },
    select: { id: true, line: true, input: true, before: true, after: true },
  });
  if (inDoubt.length) {
    if (op.repeatable) {
      await db.bulkRow.updateMany({ where: { id: { in: inDoubt.map((r) => r.id) } }, data: { status: "pending" } });
    } else {
      const verdicts = await Promise.all(
        inDoubt.map((r) =>
          op.check
            ? op.check(ctx, op.row.parse(r.input), { before: r.before, after: r.after }).catch(() => null)
            : Promise.resolve(null),
        ),
      );
      const resend = inDoubt.filter((_, i) => verdicts[i] === false);
      if (resend.length) {
        await db.bulkRow.updateMany({ where: { id: { in: resend.map((r) => r.id) } }, data: { status: "pending" } });
      }
      const decided = inDoubt.map((r, i) => ({ r, v: verdicts[i] })).filter((x) => x.v !== false);
      if (decided.length) {
        const outcomes = decided.map((x) => (x.v === true ? CHECKED_APPLIED : NOT_RESENT));
        await settler.settle(
          decided.map((x) => x.r),
          outcomes,
        );
      }
    }
  }
}
