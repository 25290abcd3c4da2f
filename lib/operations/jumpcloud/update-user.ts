import { z } from "zod";
import { absentIfBlank } from "../../bulk/cells";
import { userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import type { UndoableEvent } from "../../undo/inverse";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { SystemUser } from "../../vendors/jumpcloud/schemas";
import { operation } from "../operation";
import { cacheAnswers, eachKnownUser, emailKey, JcId } from "./_user";

const text = (max: number) => z.string().trim().max(max);
/** The details the user page edits, each optional: a field left out is left as it is. */
const Details = z.object({
  email: Upn,
  username: text(100)
    .min(1, "Required")
    .regex(/^[a-z0-9._-]+$/i, "Letters, digits, dot, underscore and hyphen"),
  firstname: text(100),
  lastname: text(100),
  displayname: text(200),
  department: text(100),
  jobTitle: text(100),
});
type Details = z.output<typeof Details>;
const DETAIL_KEYS = Object.keys(Details.shape) as (keyof Details)[];

type DetailsItem = { userId: string } & Partial<Details>;
/** The cached user's id and name, and the old value of each field the item changes (what an undo sends back). */
type DetailsState = { userId: string; name: string | null; was: Partial<Record<keyof Details, string>> };

type CachedUser = { vendorId: string; email: string; username: string; raw: unknown };

/** The fields an item changes on a cached user, with their old values; none: nothing to send. */
export function changesOf(u: CachedUser, i: Partial<Details>): DetailsState {
  const raw = u.raw as Record<string, unknown>;
  const changed = DETAIL_KEYS.filter((k) => i[k] !== undefined && (raw[k] ?? "") !== i[k]);
  const was = Object.fromEntries(changed.map((k) => [k, raw[k] ?? ""]));
  return { userId: u.vendorId, name: u.email || u.username || null, was };
}

/** A sheet's columns besides the email that finds the user; an empty cell leaves the field as it is. */
const SHEET_FIELDS = ["username", "firstname", "lastname", "displayname", "department", "jobTitle"] as const;
const Row = z.object({
  email: Upn,
  ...Object.fromEntries(SHEET_FIELDS.map((k) => [k, z.preprocess(absentIfBlank, Details.shape[k].optional())])),
}) as unknown as z.ZodType<{ email: string } & Partial<Omit<Details, "email">>>;
type Row = z.output<typeof Row>;

/** Names JumpCloud's user export and Update-JCUsersFromCSV use for the same columns. */
const ALIASES: Record<(typeof SHEET_FIELDS)[number], string[]> = {
  username: ["user name", "login", "samaccountname"],
  firstname: ["first name", "givenname", "given name"],
  lastname: ["last name", "surname", "familyname", "family name"],
  displayname: ["display name", "fullname", "full name"],
  department: ["dept"],
  jobTitle: ["job title", "title"],
};
const EXAMPLES: Record<(typeof SHEET_FIELDS)[number], string> = {
  username: "alice.smith",
  firstname: "Alice",
  lastname: "Smith",
  displayname: "Alice Smith",
  department: "Finance",
  jobTitle: "Accountant",
};

/** The fields the event recorded, with their old values: what "Restore details" sends. */
const restore = (e: UndoableEvent): DetailsItem[] | null => {
  const userId = ((e.targets ?? []) as { type: string; id: string }[]).find((t) => t.type === "jumpcloud_user")?.id;
  const was = e.before;
  return userId && was && typeof was === "object" ? [{ userId, ...(was as Partial<Details>) }] : null;
};

/**
 * Edits a user's details. Only what differs from the cache goes to
 * JumpCloud, and the audit holds exactly those fields, old and new; its undo
 * sends the old values back through the same operation.
 */
export default operation<DetailsItem, DetailsState, SystemUser>({
  id: "jumpcloud.user.updated",
  vendor: "jumpcloud",
  label: "Edit user details",
  help: "Changes a user's email, username, names, department or job title; fields left out are left as they are.",
  perm: "jumpcloud.write",
  risk: "reversible",
  idempotent: true,
  input: Details.partial().extend({ userId: JcId }),
  chunk: 1,
  name: (i) => i.userId,
  before: async (ctx, items) => {
    const users = await ctx.db.jumpcloudUser.findMany({
      where: { tenantId: ctx.tenantId, vendorId: { in: items.map((i) => i.userId) } },
    });
    return items.map((i) => {
      const u = users.find((x) => x.vendorId === i.userId);
      if (!u) return { refused: "Not found." };
      const state = changesOf(u, i);
      return Object.keys(state.was).length === 0 ? { refused: "Nothing changed." } : { state };
    });
  },
  expect: (i, s) => Object.fromEntries(Object.keys(s.was).map((k) => [k, i[k as keyof Details]])),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const changed = Object.keys(s.state.was) as (keyof Details)[];
    const body = Object.fromEntries(changed.map((k) => [k, s.item[k]]));
    // JumpCloud answers the PUT with the user as it now is: the cache and the audit take that.
    const answer = await (ctx.client as JumpCloudClient).updateUser(s.item.userId, body);
    return [{ ok: true, message: `JumpCloud: ${s.state.name ?? s.item.userId} saved: ${changed.join(", ")}.`, answer }];
  },
  cache: cacheAnswers,
  inverse: { op: "jumpcloud.user.updated", label: "Restore details", items: restore },
  // As the user page records it: the changed fields' old values before, JumpCloud's values after.
  audit: {
    targets: (i, s) => [userTarget(i.userId, s?.name)],
    before: (sent) => sent[0]?.state.was,
    after: (done) => {
      const d = done[0];
      const answer = d?.outcome.answer as Record<string, unknown> | undefined;
      return d && answer && Object.fromEntries(Object.keys(d.state.was).map((k) => [k, answer[k] ?? ""]));
    },
  },
  // JumpCloud's Update-JCUsersFromCSV, as a sheet: the email finds the user, each other column is a field to set.
  csv: {
    row: Row,
    columns: [
      {
        field: "email",
        header: "email",
        // Not "username": that column sets the username.
        aliases: ["upn", "userprincipalname", "emailaddress", "mail"],
        required: true,
        example: "alice.smith@northwind.example",
        hint: "finds the user; the other columns are what to set (an empty cell leaves it as it is)",
      },
      ...SHEET_FIELDS.map((k) => ({ field: k, header: k, aliases: ALIASES[k], required: false, example: EXAMPLES[k] })),
    ],
    key: emailKey,
    check: eachKnownUser<Row, DetailsState>((u, r) => {
      const { email: _finds, ...fields } = r;
      const state = changesOf(u, fields);
      return { state, plan: Object.keys(state.was).length ? "update" : "no_change" };
    }),
    toItem: (r: Row, s: DetailsState) => {
      const { email: _finds, ...fields } = r;
      return { userId: s.userId, ...fields };
    },
  },
  done: "Saved",
  result: ([d]) => ({ changed: Object.keys(d?.state.was ?? {}) }),
});
