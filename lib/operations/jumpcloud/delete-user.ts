import { z } from "zod";
import { YesCell } from "../../bulk/cells";
import { cacheUserDeleted } from "../../jumpcloud/cache";
import { userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import { operation } from "../operation";
import { EMAIL_COLUMN, eachKnownUser, emailKey, JcId } from "./_user";
import { FormFlag } from "./activate-user";

type DeleteItem = { userId: string; clearManagerOnReports: boolean };
/** What the audit keeps of a deleted user: who they were, as the cache knew them. */
type Deleted = { userId: string; email: string; username: string; state: string | null } | null;

const Row = z.object({
  email: Upn,
  clearManagerOnReports: YesCell,
});
type Row = z.output<typeof Row>;

/** A sheet's email names one cached user; the row plans as who they were (the audit's before). */
const known = eachKnownUser<Row, Deleted>((u) => ({
  state: { userId: u.vendorId, email: u.email, username: u.username, state: u.state },
  plan: "update",
}));

/**
 * Deletes one user at JumpCloud, an admin's change (jumpcloud.destructive).
 * JumpCloud refuses to delete a manager while reports name them, unless
 * asked to clear that field on the reports.
 */
export default operation<DeleteItem, Deleted>({
  id: "jumpcloud.user.deleted",
  vendor: "jumpcloud",
  label: "Delete users",
  help:
    "Deletes each user from JumpCloud: they lose every system, application and group JumpCloud gave them. " +
    "This cannot be undone.",
  perm: "jumpcloud.destructive",
  risk: "destructive",
  // A second delete is refused (404): a resend would fail a change that took effect.
  idempotent: false,
  input: z.object({ userId: JcId, clearManagerOnReports: FormFlag.default(false) }),
  chunk: 1,
  name: (i) => i.userId,
  // The user may be unknown to the cache: JumpCloud decides.
  before: async (ctx, items) => {
    const users = await ctx.db.jumpcloudUser.findMany({
      where: { tenantId: ctx.tenantId, vendorId: { in: items.map((i) => i.userId) } },
      select: { vendorId: true, email: true, username: true, state: true },
    });
    return items.map((i) => {
      const u = users.find((x) => x.vendorId === i.userId);
      return { state: u ? { userId: u.vendorId, email: u.email, username: u.username, state: u.state } : null };
    });
  },
  expect: () => ({ deleted: true }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { userId, clearManagerOnReports } = s.item;
    await (ctx.client as JumpCloudClient).deleteUser(userId, { clearManagerOnReports });
    return [{ ok: true, message: `JumpCloud: ${s.state?.email || s.state?.username || userId} is deleted.` }];
  },
  // The sync drops a deleted user, with their memberships and associations.
  cache: async (ctx, done) => {
    for (const d of done) await cacheUserDeleted(ctx.db, ctx.tenantId, d.item.userId);
  },
  irreversible: "JumpCloud has no call that restores a deleted user.",
  // As the user page records it: who they were before, deleted after.
  audit: {
    targets: (i, s) => [userTarget(i.userId, s?.email || s?.username)],
    before: (sent) => {
      const s = sent[0]?.state;
      return s ? { email: s.email, username: s.username, state: s.state } : null;
    },
    after: (done) => done[0] && { deleted: true },
  },
  // A sheet of leavers' emails, each deleted as the user page deletes one.
  csv: {
    row: Row,
    columns: [
      EMAIL_COLUMN,
      {
        field: "clearManagerOnReports",
        header: "clearManagerOnReports",
        aliases: ["clear manager", "clearmanager"],
        required: false,
        example: "no",
        hint: "yes: JumpCloud clears this user as manager of their reports (else it refuses to delete a manager)",
      },
    ],
    key: emailKey,
    check: known,
    toItem: (r: Row, s: Deleted) => ({ userId: s?.userId ?? "", clearManagerOnReports: r.clearManagerOnReports }),
  },
  done: "Deleted",
  result: () => ({ deleted: true }),
});
