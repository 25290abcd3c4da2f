import { z } from "zod";
import { UPN_MAX, Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { assigneeTarget } from "../../trugrid/targets";
import { failureMessage } from "../../vendors/core/vendor-message";
import type { TruGridClient } from "../../vendors/trugrid";
import { type Checked, type Outcome, operation, type Sent } from "../operation";
import { assignedOn, knownResources, recordedAssignments, rounds } from "./_assignments";

/** A user (UPN) or user group, and the machines or machine groups it gets (the portal's Resource Assignments). */
type Item = { key: string; value: string[] };
const Item = z.object({
  key: z.string().trim().min(1, "Name a user or user group."),
  value: z.array(z.string().trim().min(1)).min(1, "Name at least one machine or machine group.").max(100),
});

/** A sheet's row: one pair. */
const Row = z.object({
  assignee: z
    .string()
    .trim()
    .min(1, "userOrGroup is empty")
    .max(UPN_MAX)
    .refine(
      (v) => !v.includes("@") || Upn.safeParse(v).success,
      "Not a valid UPN (name@domain); a user group is named without @",
    ),
  resource: z.string().trim().min(1, "machineOrGroup is empty").max(256),
});
type Row = z.infer<typeof Row>;

/** The plan's before: a pair this console assigned already, and when (TruGrid cannot be asked). */
type Recorded = Record<string, string> | null;

const lc = (s: string) => s.toLowerCase();
const isUpn = (key: string) => key.includes("@");
const described = (key: string, resource: string, kind?: string) => ({
  assignee: key,
  assigneeType: isUpn(key) ? "user" : "user group",
  resource,
  // The cache knows groups and machines only from associations: an unseen name is TruGrid's to check.
  resourceType:
    kind === "machine_group"
      ? "machine group"
      : kind === "machine"
        ? "machine"
        : "not seen in the cache (TruGrid checks it)",
});

/**
 * Each round is one request. A failure of the first is the call's (nothing
 * was sent that TruGrid took); of a later one, only that round's items fail,
 * since the rounds before were applied and keep TruGrid's answer.
 */
async function send(c: TruGridClient, chunk: Sent<Item, Recorded>[]): Promise<Outcome[]> {
  const out = new Array<Outcome>(chunk.length);
  const all = rounds(chunk.map((s) => s.item.key));
  for (const [n, idx] of all.entries()) {
    try {
      const res = await c.addUserMachineAssignment(idx.map((i) => chunk[i]?.item ?? { key: "", value: [] }));
      res.forEach((r, k) => {
        out[idx[k] ?? 0] = { ok: r.ok, message: r.status };
      });
    } catch (err) {
      if (n === 0) throw err;
      for (const i of idx) out[i] = { ok: false, message: failureMessage(err) };
    }
  }
  return out;
}

/** Grants access and adds to what a key has; TruGrid has no call to read or remove an assignment. */
export default operation<Item, Recorded>({
  id: "trugrid.assignment.created",
  vendor: "trugrid",
  label: "Add resource assignments",
  help:
    "Assigns, for each row, a machine or machine group to a user (UPN) or user group, as the Assignments page does: " +
    "it adds to what they have, and TruGrid checks every name. TruGrid cannot list assignments, so no row is " +
    "skipped as unchanged; the plan shows which pairs this console assigned before. TruGrid has no call to remove " +
    "an assignment.",
  perm: "trugrid.domain.write",
  risk: "irreversible",
  // Adding a pair again changes nothing at TruGrid.
  idempotent: true,
  input: Item,
  list: { field: "assignments", max: 100, empty: "Add at least one assignment." },
  chunk: 100,
  name: (i) => `${i.key} → ${i.value.join(", ")}`,
  // The page sends what it is given (TruGrid checks every name); the before says which pairs this console assigned.
  before: async (ctx, items) => {
    const recorded = await recordedAssignments(
      ctx.db,
      ctx.tenantId,
      items.map((i) => i.key),
    );
    return items.map((i) => {
      const already = Object.fromEntries(
        i.value.flatMap((v) => {
          const at = recorded.get(`${lc(i.key)}|${lc(v)}`);
          return at ? [[v, assignedOn(at)]] : [];
        }),
      );
      return { state: Object.keys(already).length ? already : null };
    });
  },
  expect: (i) => ({ ...described(i.key, i.value.join(", ")), assigned: "yes" }),
  call: (ctx, chunk) => send(ctx.client as TruGridClient, chunk),
  irreversible: "TruGrid has no call that removes an assignment.",
  audit: {
    targets: (i) => [assigneeTarget(i.key, i.value)],
    // A bulk row's before is its plan's; a page's names, per assignee, the pairs this console assigned already.
    before: (sent) =>
      sent.length === 1
        ? (sent[0]?.state ?? null)
        : { alreadyAssigned: Object.fromEntries(sent.flatMap((s) => (s.state ? [[s.item.key, s.state]] : []))) },
    // What the assignments page lists as history (and what recordedAssignments reads).
    after: (done) => ({
      assignments: done.map((d) => ({ key: d.item.key, value: d.item.value, status: d.outcome.message })),
    }),
  },
  csv: {
    row: Row,
    columns: [
      {
        field: "assignee",
        header: "userOrGroup",
        aliases: ["upn", "userupn", "user", "email", "usergroup", "user group", "key", "assignee"],
        required: true,
        example: "alice.smith@northwind.example",
        hint: "a UPN, or a user group's name",
      },
      {
        field: "resource",
        header: "machineOrGroup",
        aliases: ["machine", "machinename", "machinegroup", "machine group", "groupname", "resource", "value"],
        required: true,
        example: "Operations Workstations",
        hint: "a machine's or machine group's name",
      },
    ],
    key: (r: Row) => `${isUpn(r.assignee) ? normEmail(r.assignee) : lc(r.assignee)}|${lc(r.resource)}`,
    // A UPN must be a user of the domain; groups and machines are TruGrid's to check. Every pair is sent (create).
    check: async (ctx, rows: Row[]): Promise<Checked<Recorded>[]> => {
      const upns = rows.filter((r) => isUpn(r.assignee)).map((r) => normEmail(r.assignee));
      const where = { tenantId: ctx.tenantId, deletedAt: null, emailNorm: { in: upns } };
      const [users, resources, recorded] = await Promise.all([
        ctx.db.trugridUser.findMany({ where, select: { emailNorm: true } }),
        knownResources(
          ctx.db,
          ctx.tenantId,
          rows.map((r) => r.resource),
        ),
        recordedAssignments(
          ctx.db,
          ctx.tenantId,
          rows.map((r) => r.assignee),
        ),
      ]);
      const knownUsers = new Set(users.map((u) => u.emailNorm));
      return rows.map((r): Checked<Recorded> => {
        if (isUpn(r.assignee) && !knownUsers.has(normEmail(r.assignee))) {
          return { refused: `Unknown UPN: ${r.assignee} is not a TruGrid user of this domain (as of the last sync).` };
        }
        const pair = described(r.assignee, r.resource, resources.get(lc(r.resource)));
        const at = recorded.get(`${lc(r.assignee)}|${lc(r.resource)}`);
        const state = at ? { ...pair, assigned: assignedOn(at) } : null;
        return { state, plan: "create", after: { ...pair, assigned: "yes" } };
      });
    },
    toItem: (r: Row) => ({ key: r.assignee, value: [r.resource] }),
  },
  formerBulkId: "trugrid.assignments",
  done: "Assignment created",
});
