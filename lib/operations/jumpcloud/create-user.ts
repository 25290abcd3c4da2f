import { z } from "zod";
import { cacheUser } from "../../jumpcloud/cache";
import { userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { clientOf } from "../../vendors/client-for";
import { failureMessage, inDoubt } from "../../vendors/core/vendor-message";
import type { JumpCloudClient, SystemUserPutPost } from "../../vendors/jumpcloud/client";
import type { SystemUser } from "../../vendors/jumpcloud/schemas";
import { loadConnection } from "../../vendors/load-connection";
import { type CacheContext, type Checked, operation } from "../operation";
import { createdObject } from "../targets";

const text = (max: number, field: string) =>
  z.string().trim().max(max, `${field} is longer than ${max} characters`).optional();

/** A new user, as a sheet's row gives one: a username and an email, the rest optional. */
const NewUser = z.object({
  username: z
    .string()
    .trim()
    .min(1, "username is empty")
    .max(100, "username is longer than 100 characters")
    .regex(/^[a-z0-9._-]+$/i, "username may hold letters, digits, dot, underscore and hyphen only"),
  email: Upn,
  firstname: text(100, "firstname"),
  lastname: text(100, "lastname"),
  displayname: text(200, "displayname"),
  department: text(100, "department"),
  jobTitle: text(100, "jobTitle"),
  /** Left out: the organisation's default for new users (JumpCloud decides). */
  state: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(["STAGED", "ACTIVATED", "SUSPENDED"], "state must be STAGED, ACTIVATED or SUSPENDED"))
    .optional(),
});
type NewUser = z.infer<typeof NewUser>;

/** The user a row names when it exists already, exactly (same username and email): the row is then no change. */
type Existing = { userId: string; username: string; email: string; state: string | null } | null;

const FIELDS = ["firstname", "lastname", "displayname", "department", "jobTitle", "state"] as const;

/** What JumpCloud is asked to create: the row's own fields, nothing invented. */
function body(r: NewUser): SystemUserPutPost {
  const out: SystemUserPutPost = { username: r.username, email: r.email };
  for (const f of FIELDS) if (r[f] !== undefined && r[f] !== "") Object.assign(out, { [f]: r[f] });
  return out;
}

/** The user JumpCloud holds under this username, if any (usernames are unique in an organisation). */
async function byUsername(client: JumpCloudClient, username: string) {
  // Bounded on purpose: the exact username matches one user at most.
  const page = await client.listUsers({ filter: `username:$eq:${username}`, limit: 2 });
  return page.items.find((u) => u.username === username) ?? null;
}

/**
 * JumpCloud refuses a username or an email that is taken, so the plan
 * refuses those too, except a row whose user exists exactly: that is no
 * change, so a file can be uploaded again after a partial run.
 */
async function plannable(ctx: CacheContext, rows: NewUser[]): Promise<Checked<Existing>[]> {
  const existing = await ctx.db.jumpcloudUser.findMany({
    where: {
      tenantId: ctx.tenantId,
      deletedAt: null,
      OR: [
        { emailNorm: { in: rows.map((r) => normEmail(r.email)) } },
        { username: { in: rows.map((r) => r.username), mode: "insensitive" } },
      ],
    },
    select: { vendorId: true, username: true, email: true, emailNorm: true, state: true },
  });
  // Usernames compare without case: two rows (or a row and a user) differing only in case are almost surely one person.
  const seenUsername = new Map<string, string>();
  return rows.map((r): Checked<Existing> => {
    const uname = r.username.toLowerCase();
    const byEmail = existing.find((u) => u.emailNorm === normEmail(r.email));
    const byName = existing.find((u) => u.username.toLowerCase() === uname);
    if (byEmail && byName && byEmail.vendorId === byName.vendorId && byName.username === r.username) {
      const state = { userId: byName.vendorId, username: byName.username, email: byName.email, state: byName.state };
      return { state, plan: "no_change", after: state };
    }
    if (byName) {
      const who = byName.email || byName.vendorId;
      return {
        refused:
          `Username taken: ${byName.username} is already the JumpCloud user ${who} (as of the last sync); ` +
          "JumpCloud refuses a second one.",
      };
    }
    if (byEmail) {
      return {
        refused:
          `Email taken: ${r.email} already belongs to the JumpCloud user ${byEmail.username} (as of the last sync); ` +
          "JumpCloud refuses a second one.",
      };
    }
    const earlier = seenUsername.get(uname);
    if (earlier) {
      return {
        refused:
          `Username ${r.username} is also on an earlier row of this file (for ${earlier}); ` +
          "JumpCloud would refuse the second.",
      };
    }
    seenUsername.set(uname, r.email);
    return { state: null, plan: "create" };
  });
}

/** What the audit records of the user: JumpCloud's answer without its id (the target holds that), else the ask. */
const created = (item: NewUser, answer: SystemUser | SystemUserPutPost | undefined) =>
  answer && "_id" in answer
    ? { username: answer.username ?? "", email: answer.email ?? "", state: answer.state ?? null }
    : body(item);

/**
 * Creates users from a sheet (no page creates one user: the JumpCloud bulk
 * page hands a list to JumpCloud's own bulk job, a different operation). Not
 * repeatable: a row in doubt is looked up by username at JumpCloud.
 */
export default operation<NewUser, Existing, SystemUser>({
  id: "jumpcloud.user.created",
  vendor: "jumpcloud",
  label: "Create users",
  help:
    "Creates each user in JumpCloud. Without a state column, JumpCloud gives new users the organisation's default " +
    "state (often STAGED: activate them later). Usernames and emails already in use are refused, as JumpCloud " +
    "refuses them; a row whose user already exists with that username and email is left as it is, so a file can " +
    "be uploaded again.",
  perm: "jumpcloud.write",
  surfaces: ["csv"],
  risk: "reversible",
  idempotent: false,
  input: NewUser,
  chunk: 1,
  name: (i) => i.username,
  // Something new: the cache has nothing before (a sheet's check plans what exists already).
  before: async (_ctx, items) => items.map(() => ({ state: null, plan: "create" as const })),
  expect: (i) => body(i),
  call: async (ctx, [s]) => {
    if (!s) return [];
    let user: SystemUser;
    try {
      user = await (ctx.client as JumpCloudClient).createUser(body(s.item));
    } catch (err) {
      // Unanswered: JumpCloud may have created it. The row ends "unknown" (or is looked up after a crash).
      if (ctx.surface === "interactive" || inDoubt(err)) throw err;
      return [{ ok: false, message: failureMessage(err) }];
    }
    const said = `JumpCloud: created ${user.username} (${user.email}), ${user.state ?? "state not given"}.`;
    return [{ ok: true, message: said, answer: user }];
  },
  verify: async (ctx, { item }) => {
    const user = await byUsername(ctx.client as JumpCloudClient, item.username);
    if (!user) return false;
    // The username is someone else's (not this row's email): not this row, and it must not be resent either.
    return normEmail(user.email) === normEmail(item.email) ? true : null;
  },
  // The user as JumpCloud answered, as the sync writes it; a row settled by the in-doubt check is read again.
  cache: async (ctx, done) => {
    const unanswered = done.filter((d) => !d.outcome.answer?._id);
    for (const d of done) if (d.outcome.answer?._id) await cacheUser(ctx.db, ctx.tenantId, d.outcome.answer);
    if (!unanswered.length) return;
    const connection = await loadConnection(ctx.db, ctx.tenantId, "jumpcloud");
    if (!connection) return;
    const client = clientOf(ctx.db, connection, "worker") as JumpCloudClient;
    for (const d of unanswered) {
      const user = await byUsername(client, d.item.username).catch(() => null);
      if (user) await cacheUser(ctx.db, ctx.tenantId, user);
    }
  },
  // Undone by deleting the user JumpCloud made, which is an admin's change (jumpcloud.destructive), checked as the
  // delete is checked anywhere: an operator who created the user asks an admin to undo it.
  inverse: { op: "jumpcloud.user.deleted", label: "Delete the user", items: createdObject("jumpcloud_user", "userId") },
  audit: {
    // The new user's id once JumpCloud answered; the username until then.
    targets: (i, _s, answer) => [userTarget(answer?._id ?? i.username, i.email)],
    before: () => null,
    after: (done) => done[0] && created(done[0].item, done[0].outcome.answer),
  },
  csv: {
    row: NewUser,
    columns: [
      {
        field: "username",
        header: "username",
        aliases: ["user name", "login", "samaccountname"],
        required: true,
        example: "alice.smith",
      },
      {
        field: "email",
        header: "email",
        aliases: ["emailaddress", "mail", "upn", "userprincipalname"],
        required: true,
        example: "alice.smith@northwind.example",
      },
      {
        field: "firstname",
        header: "firstname",
        aliases: ["first name", "givenname", "given name"],
        required: false,
        example: "Alice",
      },
      {
        field: "lastname",
        header: "lastname",
        aliases: ["last name", "surname", "familyname", "family name"],
        required: false,
        example: "Smith",
      },
      {
        field: "displayname",
        header: "displayname",
        aliases: ["display name", "name", "fullname", "full name"],
        required: false,
        example: "Alice Smith",
      },
      { field: "department", header: "department", aliases: ["dept"], required: false, example: "Finance" },
      {
        field: "jobTitle",
        header: "jobTitle",
        aliases: ["job title", "title"],
        required: false,
        example: "Accountant",
      },
      {
        field: "state",
        header: "state",
        aliases: ["status"],
        required: false,
        example: "STAGED",
        hint: "STAGED, ACTIVATED or SUSPENDED; empty = the organisation's default",
      },
    ],
    key: (r) => normEmail(r.email),
    check: plannable,
  },
  formerBulkId: "jumpcloud.create_users",
  done: "Created",
});
