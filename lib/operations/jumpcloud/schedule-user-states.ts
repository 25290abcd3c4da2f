import { z } from "zod";
import { BULK_ACTIONS } from "../../jumpcloud/bulk-kinds";
import type { UndoableEvent } from "../../undo/inverse";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { ScheduledUserState } from "../../vendors/jumpcloud/schemas";
import { operation } from "../operation";
import { type JobUsers, jobTargets, jobUsers, oneJob, usersBefore, Who } from "./_bulk-job";

const ScheduleItem = Who.extend({
  state: z.enum(["ACTIVATED", "SUSPENDED"]),
  /** From a datetime-local field, in the operator's browser time, sent as ISO. */
  startDate: z.iso.datetime({ offset: true, error: "A date and time" }),
  sendActivationEmails: z
    .union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")])
    .default(false),
});
type ScheduleItem = z.output<typeof ScheduleItem>;

const iso = (i: ScheduleItem) => new Date(i.startDate).toISOString();

/** The scheduled changes an undo cancels: the ids JumpCloud gave them, as the event recorded them. */
const scheduledOf = (e: UndoableEvent) => {
  const ids = (e.after as { scheduledJobIds?: unknown } | null)?.scheduledJobIds;
  const items = Array.isArray(ids)
    ? ids.filter((id) => typeof id === "string").map((id) => ({ scheduledJobId: id }))
    : [];
  return items.length ? items : null;
};

/**
 * JumpCloud suspends or activates the users at the given time (v2 POST
 * /bulk/userstates, one scheduled change per user): for leavers and joiners.
 * Until then each change can be cancelled, which is its undo.
 */
export default operation<ScheduleItem, JobUsers, ScheduledUserState[]>({
  ...oneJob,
  id: BULK_ACTIONS.states,
  label: "Schedule a state change",
  help: "JumpCloud suspends or activates these users at the given time (for leavers and joiners).",
  risk: "reversible",
  // A resend schedules each user twice.
  idempotent: false,
  input: ScheduleItem,
  before: jobUsers,
  expect: (i, s) => ({ kind: "states", state: i.state, startDate: iso(i), count: s.users.length }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { item } = s;
    const scheduled = await (ctx.client as JumpCloudClient).scheduleUserStates({
      user_ids: s.state.users.map((u) => u.vendorId),
      state: item.state,
      start_date: iso(item),
      ...(item.state === "ACTIVATED" ? { send_activation_emails: item.sendActivationEmails } : {}),
    });
    return [{ ok: true, message: `JumpCloud scheduled ${scheduled.length} user(s).`, answer: scheduled }];
  },
  inverse: { op: "jumpcloud.bulk.states_cancelled", label: "Cancel the scheduled change", items: scheduledOf },
  audit: {
    targets: jobTargets,
    before: ([s]) => s && usersBefore(s.state),
    after: (done) => {
      const d = done.find((x) => x.outcome.ok);
      const scheduled = d?.outcome.answer ?? [];
      return (
        d && {
          kind: "states",
          state: d.item.state,
          startDate: iso(d.item),
          count: scheduled.length,
          scheduledJobIds: scheduled.map((x) => x.scheduledJobId),
        }
      );
    },
  },
  done: "Scheduled",
  result: (done) => {
    const scheduled = done.find((x) => x.outcome.ok)?.outcome.answer ?? [];
    return { count: scheduled.length, scheduledDate: scheduled[0]?.scheduledDate ?? null };
  },
});
