import { z } from "zod";
import { BULK_ACTIONS } from "../../jumpcloud/bulk-kinds";
import { readNewUsers } from "../../jumpcloud/bulk-new-users";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { BulkUserCreate } from "../../vendors/jumpcloud/schemas";
import { operation } from "../operation";
import { MAX, oneJob } from "./_bulk-job";

/** email,username[,firstname[,lastname]] per line, read as CSV (bulk-new-users.ts); a header line is skipped. */
const NewUsers = z
  .string()
  .max(200_000)
  .transform((text, ctx) => {
    const { users, problems } = readNewUsers(text);
    for (const message of problems) ctx.addIssue({ code: "custom", message });
    if (users.length === 0 && problems.length === 0) ctx.addIssue({ code: "custom", message: "No users to create." });
    if (users.length > MAX) ctx.addIssue({ code: "custom", message: `At most ${MAX} users in one job.` });
    return users;
  });

type NewUsersItem = { users: BulkUserCreate[] };

const started = (done: { item: NewUsersItem; outcome: { ok: boolean; answer?: string } }[]) => {
  const d = done.find((x) => x.outcome.ok);
  return d && { jobId: d.outcome.answer ?? "", count: d.item.users.length };
};

/**
 * Creates users through JumpCloud's own bulk job (v2 POST /bulk/users):
 * the bulk page's paste, distinct from the CSV upload's per-user create
 * (jumpcloud.user.created). The job's results say which were created.
 */
export default operation<NewUsersItem, null, string>({
  ...oneJob,
  id: BULK_ACTIONS.create,
  label: "Create users (JumpCloud bulk job)",
  help: "One JumpCloud bulk job creates these users, in the organisation's default state for imports.",
  risk: "irreversible",
  // A resend starts a second job, whose users JumpCloud refuses as existing.
  idempotent: false,
  input: z.object({ users: NewUsers }),
  before: async (_ctx, items) => items.map(() => ({ state: null, plan: "create" as const })),
  expect: (i) => ({ kind: "create", count: i.users.length }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const jobId = await (ctx.client as JumpCloudClient).bulkCreateUsers(s.item.users);
    return [{ ok: true, message: `JumpCloud started job ${jobId}.`, answer: jobId }];
  },
  // The job starts with no user ids (they come with its results, later), so nothing here names whom to delete; the
  // CSV upload's per-user create (jumpcloud.user.created) is the undoable way to create users.
  irreversible: "The job answers with no user ids: each user it created is deleted on their page.",
  audit: {
    targets: (i) => i.users.slice(0, 100).map((u) => ({ type: "jumpcloud_user", id: u.email, label: u.username })),
    before: () => undefined,
    after: (done) => {
      const s = started(done);
      return s && { kind: "create", ...s, emails: done[0]?.item.users.map((u) => u.email) };
    },
  },
  done: "Job started",
  result: started,
});
