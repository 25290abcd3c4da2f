import { z } from "zod";
import type { Db } from "../../db/client";
import { cacheUser } from "../../jumpcloud/cache";
import { userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import type { JumpCloudClient, SystemUserPutPost } from "../../vendors/jumpcloud/client";
import type * as S from "../../vendors/jumpcloud/schemas";
import { loadConnection } from "../../vendors/load-connection";
import { defineOperation, type PlannedRow } from "../operation";
import { inDoubt, withoutIds, bulkJumpcloudClient, jumpcloudMessage } from "./jumpcloud-lookup";

const text = (max: number, field: string) => z.string().trim().max(max, `${field} is longer than ${max} characters`).optional();

const Row = z.object({
  username: z.string().trim().min(1, "username is empty").max(100, "username is longer than 100 characters")
    .regex(/^[a-z0-9._-]+$/i, "username may hold letters, digits, dot, underscore and hyphen only"),
  email: Upn,
  firstname: text(100, "firstname"),
  lastname: text(100, "lastname"),
  displayname: text(200, "displayname"),
  department: text(100, "department"),
  jobTitle: text(100, "jobTitle"),
  /** Left out: the organisation's default for new users (JumpCloud decides). */
  state: z.string().trim().toUpperCase().pipe(z.enum(["STAGED", "ACTIVATED", "SUSPENDED"], "state must be STAGED, ACTIVATED or SUSPENDED")).optional(),
});
type Row = z.infer<typeof Row>;

const FIELDS = ["firstname", "lastname", "displayname", "department", "jobTitle", "state"] as const;

/** What JumpCloud is asked to create: the row's own fields, nothing invented. */
function body(r: Row): SystemUserPutPost {
  const out: SystemUserPutPost = { username: r.username, email: r.email };
  for (const f of FIELDS) if (r[f] !== undefined && r[f] !== "") Object.assign(out, { [f]: r[f] });
  return out;
}

const userSummary = (u: { _id: string; username?: string | null; email?: string | null; state?: string | null }) =>
  ({ userId: u._id, username: u.username ?? "", email: u.email ?? "", state: u.state ?? null });

/** The user JumpCloud holds under this username, if any (usernames are unique in an organisation). */
async function byUsername(client: JumpCloudClient, username: string) {
  // Bounded on purpose: the exact username matches one user at most.
  const page = await client.listUsers({ filter: `username:$eq:${username}`, limit: 2 });
  return page.items.find((u) => u.username === username) ?? null;
}

/**
 * Creates users from a CSV (username, email, names, department, job title,
 * optional state). JumpCloud refuses a username or email that is taken, so the
 * plan refuses those too, except a row whose user already exists exactly
 * (same username and email): that is "no change", so a file can be uploaded
 * again after a partial run. Not repeatable: a row in doubt is looked up by
 * username at JumpCloud.
 */
export const jumpcloudCreateUsers = defineOperation<Row>({
  id: "jumpcloud.create_users", vendor: "jumpcloud", label: "JumpCloud: create users",
  description: "Creates each user in JumpCloud. Without a state column, JumpCloud gives new users the organisation's default state (often STAGED: activate them later). Usernames and emails already in use are refused, as JumpCloud refuses them; a row whose user already exists with that username and email is left as it is, so a file can be uploaded again.",
  destructive: false, repeatable: false, chunkSize: 1,
  columns: [
    { field: "username", header: "username", aliases: ["user name", "login", "samaccountname"], required: true, example: "alice.smith" },
    { field: "email", header: "email", aliases: ["emailaddress", "mail", "upn", "userprincipalname"], required: true, example: "alice.smith@northwind.example" },
    { field: "firstname", header: "firstname", aliases: ["first name", "givenname", "given name"], required: false, example: "Alice" },
    { field: "lastname", header: "lastname", aliases: ["last name", "surname", "familyname", "family name"], required: false, example: "Smith" },
    { field: "displayname", header: "displayname", aliases: ["display name", "name", "fullname", "full name"], required: false, example: "Alice Smith" },
    { field: "department", header: "department", aliases: ["dept"], required: false, example: "Finance" },
    { field: "jobTitle", header: "jobTitle", aliases: ["job title", "title"], required: false, example: "Accountant" },
    { field: "state", header: "state", aliases: ["status"], required: false, example: "STAGED", hint: "STAGED, ACTIVATED or SUSPENDED; empty = the organisation's default" },
  ],
  row: Row,
  key: (r) => normEmail(r.email),
  plan: async (db: Db, tenantId, rows) => {
    const existing = await db.jumpcloudUser.findMany({
      where: { tenantId, deletedAt: null, OR: [{ emailNorm: { in: rows.map((r) => normEmail(r.email)) } }, { username: { in: rows.map((r) => r.username), mode: "insensitive" } }] },
      select: { vendorId: true, username: true, email: true, emailNorm: true, state: true },
    });
    // Usernames compare without case here: two rows (or a row and a user) differing only in case are almost surely the same person.
    const seenUsername = new Map<string, string>();
    return rows.map((r): PlannedRow => {
      const uname = r.username.toLowerCase();
      const byEmail = existing.find((u) => u.emailNorm === normEmail(r.email));
      const byName = existing.find((u) => u.username.toLowerCase() === uname);
      if (byEmail && byName && byEmail.vendorId === byName.vendorId && byName.username === r.username) {
        const before = { userId: byName.vendorId, username: byName.username, email: byName.email, state: byName.state };
        return { plan: "no_change", before, after: before };
      }
      if (byName) return { plan: "error", error: `Username taken: ${byName.username} is already the JumpCloud user ${byName.email || byName.vendorId} (as of the last sync); JumpCloud refuses a second one.` };
      if (byEmail) return { plan: "error", error: `Email taken: ${r.email} already belongs to the JumpCloud user ${byEmail.username} (as of the last sync); JumpCloud refuses a second one.` };
      const earlier = seenUsername.get(uname);
      if (earlier) return { plan: "error", error: `Username ${r.username} is also on an earlier row of this file (for ${earlier}); JumpCloud would refuse the second.` };
      seenUsername.set(uname, r.email);
      return { plan: "create", before: null, after: body(r) };
    });
  },
  apply: async (ctx, rows) => {
    const client = bulkJumpcloudClient(ctx.connection);
    return Promise.all(rows.map(async (r) => {
      let user: S.SystemUser;
      try {
        user = await client.createUser(body(r));
      } catch (err) {
        // Unanswered: JumpCloud may have created it. The row ends "unknown" (or is looked up after a crash), never resent blindly.
        if (inDoubt(err)) throw err;
        return { ok: false, message: jumpcloudMessage(err) };
      }
      // The user as JumpCloud answered it is what the sync would write; if this write fails, afterSuccess reads the user again.
      await cacheUser(ctx.db, ctx.tenantId, user).catch(() => undefined);
      return { ok: true, message: `JumpCloud: created ${user.username} (${user.email}), ${user.state ?? "state not given"}.`, after: userSummary(user) };
    }));
  },
  check: async (ctx, r) => {
    const user = await byUsername(bulkJumpcloudClient(ctx.connection), r.username);
    if (!user) return false;
    // The username is taken by someone else (not this row's email): it was not this row, and it must not be resent either.
    return normEmail(user.email) === normEmail(r.email) ? true : null;
  },
  // Rows settled by `check` after a crash (or whose cache write failed) are not cached yet: read them from JumpCloud now.
  afterSuccess: async (db, tenantId, rows) => {
    const cached = new Set((await db.jumpcloudUser.findMany({
      where: { tenantId, deletedAt: null, emailNorm: { in: rows.map((r) => normEmail(r.email)) } }, select: { emailNorm: true },
    })).map((u) => u.emailNorm));
    const missing = rows.filter((r) => !cached.has(normEmail(r.email)));
    if (!missing.length) return;
    const connection = await loadConnection(db, tenantId, "jumpcloud");
    if (!connection) return;
    const client = bulkJumpcloudClient(connection);
    for (const r of missing) {
      const user = await byUsername(client, r.username).catch(() => null);
      if (user) await cacheUser(db, tenantId, user);
    }
  },
  audit: {
    action: "jumpcloud.user.created",
    target: (r, p) => userTarget((p.after as { userId?: string } | null)?.userId ?? r.username, r.email),
    values: (_r, p) => ({ before: null, after: withoutIds(p.after, "userId") }),
    irreversible: "Undoing a create would delete the user: an admin's destructive change, made on the user's page.",
  },
});
