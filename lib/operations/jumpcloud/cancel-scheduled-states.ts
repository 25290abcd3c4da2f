import { z } from "zod";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import { operation } from "../operation";
import { MAX } from "./_bulk-job";
import { JcId } from "./_user";

type Scheduled = { scheduledJobId: string };

/**
 * Cancels scheduled state changes that have not run yet (v2 DELETE
 * /bulk/userstates/{id}): the undo of "Schedule a state change", with no
 * page of its own. One at a time, so that a failure says exactly which were
 * cancelled before it.
 */
export default operation<Scheduled, null>({
  id: "jumpcloud.bulk.states_cancelled",
  vendor: "jumpcloud",
  label: "Cancel scheduled state changes",
  help: "Cancels scheduled state changes that have not run yet.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  // A second cancel is refused (404): the first took it away.
  idempotent: false,
  input: z.object({ scheduledJobId: JcId }),
  list: { field: "scheduledJobIds", of: "scheduledJobId", max: MAX, empty: "Name at least one scheduled change." },
  chunk: 1,
  before: async (_ctx, items) => items.map(() => ({ state: null })),
  expect: () => ({ scheduled: false }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    await (ctx.client as JumpCloudClient).cancelScheduledUserState(s.item.scheduledJobId);
    return [{ ok: true, message: "Cancelled." }];
  },
  irreversible: "A cancelled change is gone at JumpCloud: schedule it again from the bulk page.",
  audit: {
    targets: (i) => [{ type: "jumpcloud_scheduled_state", id: i.scheduledJobId }],
    before: () => undefined,
    after: (done) => ({ cancelled: done.filter((d) => d.outcome.ok).map((d) => d.item.scheduledJobId) }),
  },
  done: "Cancelled",
  result: (done) => ({ count: done.filter((d) => d.outcome.ok).length }),
});
