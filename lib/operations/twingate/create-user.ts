import { z } from "zod";
import { OptionalText, YesCell } from "../../bulk/cells";
import { twingateUsersByEmail } from "../../bulk/operations/twingate-lookup";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { userTarget } from "../../sync/twingate/targets";
import { cacheWrite } from "../../twingate/cache";
import { TWINGATE_ROLES } from "../../twingate/constants";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { User } from "../../vendors/twingate/schemas";
import { type Checked, operation } from "../operation";
import { createdObject } from "../targets";
import { EMAIL_COLUMN, nameColumns } from "./_user";

const optionalName = OptionalText(100);

/** A form's checkbox says "on"; an API caller true or "true". */
const Invite = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const Item = z.object({
  email: Upn,
  firstName: optionalName,
  lastName: optionalName,
  role: z.enum(TWINGATE_ROLES).default("MEMBER"),
  invite: Invite,
});
type Item = z.output<typeof Item>;

/**
 * A sheet's row: a member to add, named as the form names them. A sheet adds members only: a role reaches the whole
 * network, so an admin sets it afterwards ("Set user roles"), which keeps a CSV from granting more than its uploader
 * may.
 */
const Row = z.object({
  email: Upn,
  firstName: optionalName,
  lastName: optionalName,
  invite: YesCell,
});
type Row = z.output<typeof Row>;

/** Operators add members; any other role is an admin's call (as set-user-role.ts is). */
export default operation<Item, null, User>({
  id: "twingate.user.created",
  vendor: "twingate",
  label: "Add user",
  help: "Twingate creates the user as pending until they first sign in, and may send them an invitation.",
  perm: "twingate.write",
  // A role other than Member is a network-wide grant.
  permFor: (items) => (items.some((i) => i.role !== "MEMBER") ? "twingate.network.write" : null),
  risk: "reversible",
  // Twingate refuses a second user with the same email.
  idempotent: false,
  input: Item,
  chunk: 1,
  name: (i) => i.email,
  before: async (_ctx, items) => items.map(() => ({ state: null, plan: "create" })),
  expect: (i) => ({ email: i.email, role: i.role, state: "PENDING" }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { email, firstName, lastName, role, invite } = s.item;
    const user = await (ctx.client as TwingateClient).userCreate({
      email,
      firstName,
      lastName,
      role,
      shouldSendInvite: invite,
    });
    return [{ ok: true, message: `Twingate: ${user.email} added (${user.state.toLowerCase()}).`, answer: user }];
  },
  cache: async (ctx, done) => {
    for (const d of done) if (d.outcome.answer) await cacheWrite(ctx.db, ctx.tenantId, userTarget, d.outcome.answer);
  },
  // Undone by deleting the user Twingate made (an invitation already sent stays sent, but no longer leads anywhere).
  inverse: { op: "twingate.user.deleted", label: "Delete the user", items: createdObject("twingate_user", "userId") },
  audit: {
    // By email until Twingate answers, then by the id it gave the user (what the user's history reads).
    targets: (i, _s, user) => [{ type: "twingate_user", id: user?.id ?? i.email, label: user?.email ?? i.email }],
    before: () => undefined,
    after: ([d]) => {
      const user = d?.outcome.answer;
      return user && { email: user.email, role: user.role, state: user.state, invited: d.item.invite };
    },
  },
  csv: {
    row: Row,
    columns: [
      EMAIL_COLUMN,
      ...nameColumns(false),
      {
        field: "invite",
        header: "invite",
        required: false,
        aliases: ["send invite", "sendinvite"],
        example: "yes",
        hint: "yes or no",
      },
    ],
    key: (r: Row) => normEmail(r.email),
    // Someone Twingate already has (as of the last sync) needs nothing: Twingate would refuse a second user.
    check: async (ctx, rows: Row[]): Promise<Checked<null>[]> => {
      const find = await twingateUsersByEmail(
        ctx.db,
        ctx.tenantId,
        rows.map((r) => r.email),
      );
      return rows.map((r) =>
        find(r.email).length ? { state: null, plan: "no_change" } : { state: null, plan: "create" },
      );
    },
    toItem: (r: Row) => ({
      email: r.email,
      firstName: r.firstName,
      lastName: r.lastName,
      role: "MEMBER",
      invite: r.invite,
    }),
  },
  done: "Added",
  result: ([d]) => {
    const user = d?.outcome.answer;
    return user && { id: user.id, email: user.email, state: user.state, invited: d.item.invite };
  },
});
