import { parseCsv } from "../bulk/csv";
import { type ColumnSpec, malformedInput, mapHeaders, rowObject, UPN_ALIASES } from "../bulk/headers";
import type { PlannedRow } from "../bulk/operation";
import type { RunbookPlan } from "../bulk/runbook";
import { type StoredRow, storePlan } from "../bulk/store-plan";
import type { Db } from "../db/client";
import { nodeNames, splitNode } from "../jumpcloud/queries/names";
import { Upn } from "../people/upn";
import { normEmail } from "../sync/target";
import { VENDOR_LABEL, type VendorId } from "../vendors/connection-fields";
import { addressesOf } from "./addresses";
import { OFFBOARDING_ID, OFFBOARDING_STEPS } from "./step-list";

export const PERSON_COLUMN: ColumnSpec = {
  field: "person",
  header: "email",
  aliases: UPN_ALIASES,
  required: true,
  example: "alice.smith@northwind.example",
  hint: "UPN or email",
};

export type OffboardingPlan = RunbookPlan;

interface Person {
  line: number;
  given: string;
  emailNorm: string;
}

type Step = (typeof OFFBOARDING_STEPS)[number];
/** A row before it is numbered: its step (null for a person-level error) and what it sends. */
interface Draft {
  step: number;
  person: number;
  input: Record<string, unknown>;
  planned?: PlannedRow;
}

/**
 * Expands each person into one row per step per vendor they are known to
 * (from the cache, matched on any of the person's addresses), each planned by its
 * step's operation against the cache: a step already done plans as "no
 * change" and is not sent. Rows are numbered step by step (every person's
 * identity is suspended before anyone's devices go), and nothing is sent.
 */
export async function planOffboarding(
  db: Db,
  p: {
    tenantId: string;
    staffId: string;
    fileName: string;
    headers?: string[];
    people: { line: number; value: string; error?: string }[];
  },
): Promise<OffboardingPlan> {
  const drafts: Draft[] = [];
  const people: Person[] = [];
  const seen = new Map<string, number>();
  let duplicates = 0;
  for (const raw of p.people) {
    const given = raw.value.trim();
    if (raw.error) {
      drafts.push({
        step: -1,
        person: people.length,
        input: { person: given },
        planned: { plan: "error", error: raw.error },
      });
      continue;
    }
    const parsed = Upn.safeParse(given);
    if (!parsed.success) {
      drafts.push({
        step: -1,
        person: people.length,
        input: { person: given },
        planned: { plan: "error", error: parsed.error.issues[0]?.message ?? "Not a UPN." },
      });
      continue;
    }
    const key = normEmail(given);
    if (seen.has(key)) {
      duplicates++;
      drafts.push({
        step: -1,
        person: people.length,
        input: { person: given },
        planned: { plan: "error", error: `Duplicate of row ${seen.get(key)} in this file.` },
      });
      continue;
    }
    seen.set(key, raw.line);
    people.push({ line: raw.line, given, emailNorm: key });
  }
  if (people.length === 0 && drafts.length === 0) return { ok: false, error: "No people to offboard." };

  const tenantId = p.tenantId;
  // Each given address reaches every address of its person (case, domain aliases, vendor-known alternates).
  const given = people.map((x) => x.emailNorm);
  const keysOf = await addressesOf(db, tenantId, given);
  const emails = [...new Set([...keysOf.values()].flatMap((k) => [...k]))];
  const live = { tenantId, deletedAt: null };
  const [connections, tgUsers, jcUsers, twUsers, truuDevices, twDevices] = await Promise.all([
    db.vendorConnection.findMany({ where: { tenantId }, select: { vendor: true } }),
    db.trugridUser.findMany({ where: { ...live, emailNorm: { in: emails } }, select: { upn: true, emailNorm: true } }),
    db.jumpcloudUser.findMany({
      where: { ...live, emailNorm: { in: emails } },
      select: { vendorId: true, emailNorm: true, email: true },
    }),
    db.twingateUser.findMany({
      where: { ...live, emailNorm: { in: emails } },
      select: { vendorId: true, emailNorm: true, email: true },
    }),
    db.truuDevice.findMany({
      where: { ...live, userEmailNorm: { in: emails } },
      select: { vendorId: true, userEmailNorm: true },
    }),
    db.twingateDevice.findMany({
      where: { ...live, userEmailNorm: { in: emails } },
      select: { vendorId: true, userEmailNorm: true },
    }),
  ]);
  const connected = new Set(connections.map((c) => c.vendor as VendorId));
  const [associations, jcMemberships, jcBindings, twMemberships] = await Promise.all([
    tgUsers.length
      ? db.vendorEdge.findMany({
          where: {
            ...live,
            vendor: "trugrid",
            kind: "machine_association",
            fromId: { in: tgUsers.map((u) => u.upn), mode: "insensitive" },
          },
          select: { fromId: true, toId: true },
          orderBy: { toId: "asc" },
        })
      : [],
    jcUsers.length
      ? db.vendorEdge.findMany({
          where: {
            ...live,
            vendor: "jumpcloud",
            kind: "user_group_member",
            toId: { in: jcUsers.map((u) => u.vendorId) },
          },
          select: { fromId: true, toId: true },
        })
      : [],
    // Bindings made to the user directly: those through a user group go with its membership.
    jcUsers.length
      ? db.vendorEdge.findMany({
          where: {
            ...live,
            vendor: "jumpcloud",
            kind: "association",
            fromId: { in: jcUsers.map((u) => `user:${u.vendorId}`) },
            toId: { startsWith: "system:" },
          },
          select: { fromId: true, toId: true },
        })
      : [],
    twUsers.length
      ? db.vendorEdge.findMany({
          where: { ...live, vendor: "twingate", kind: "group_member", toId: { in: twUsers.map((u) => u.vendorId) } },
          select: { fromId: true, toId: true },
        })
      : [],
  ]);
  const [systemNames, twGroups] = await Promise.all([
    nodeNames(
      db,
      tenantId,
      jcBindings.map((b) => splitNode(b.toId)),
    ),
    twMemberships.length
      ? db.vendorObject.findMany({
          where: {
            ...live,
            vendor: "twingate",
            kind: "group",
            vendorId: { in: [...new Set(twMemberships.map((m) => m.fromId))] },
          },
          select: { vendorId: true, name: true, attributes: true },
        })
      : [],
  ]);
  // Everyone (Twingate's system group) holds every user and cannot be edited: disabling the user is what closes it.
  const systemGroups = new Set(
    twGroups.filter((g) => (g.attributes as { type?: string } | null)?.type === "SYSTEM").map((g) => g.vendorId),
  );
  const twGroupName = new Map(twGroups.map((g) => [g.vendorId, g.name ?? g.vendorId]));
  const jcGroups = jcMemberships.length
    ? await db.vendorObject.findMany({
        where: {
          ...live,
          vendor: "jumpcloud",
          kind: "user_group",
          vendorId: { in: [...new Set(jcMemberships.map((m) => m.fromId))] },
        },
        select: { vendorId: true, name: true },
      })
    : [];
  const groupName = new Map(jcGroups.map((g) => [g.vendorId, g.name ?? g.vendorId]));
  const by =
    <T>(rows: T[], key: (r: T) => string | null) =>
    (e: string) =>
      rows.filter((r) => keysOf.get(e)!.has(key(r) ?? ""));

  const stepIndex = (id: string) => OFFBOARDING_STEPS.findIndex((s) => s.op.id === id);
  const S = {
    suspend: stepIndex("jumpcloud.user.suspended"),
    disable: stepIndex("twingate.user.state_changed"),
    mfa: stepIndex("trugrid.mfa.turned_off"),
    assoc: stepIndex("trugrid.machine_association.removed"),
    groups: stepIndex("jumpcloud.group.member_removed"),
    systems: stepIndex("jumpcloud.association.removed"),
    twGroups: stepIndex("twingate.group.members_removed"),
    block: stepIndex("twingate.device.blocked"),
    truu: stepIndex("truu.device.deleted"),
  };
  const notConnected = (vendor: VendorId, what: string): PlannedRow => ({
    plan: "error",
    error: `${VENDOR_LABEL[vendor]} is not connected for this tenant: ${what} cannot be changed.`,
  });
  // A step with nothing left to do for a person known to the vendor: shown as "no change", never sent.
  const none = (what: string): PlannedRow => ({
    plan: "no_change",
    before: { nothing: `no ${what} left` },
    after: { nothing: `no ${what} left` },
  });

  people.forEach((person, pi) => {
    const e = person.emailNorm;
    const add = (step: number, input: Record<string, unknown>, planned?: PlannedRow) =>
      drafts.push({ step, person: pi, input: { person: person.given, ...input }, planned });
    const tg = by(tgUsers, (u) => u.emailNorm)(e)[0];
    const jc = by(jcUsers, (u) => u.emailNorm)(e);
    const tw = by(twUsers, (u) => u.emailNorm)(e);
    const truu = by(truuDevices, (d) => d.userEmailNorm)(e);
    const twd = by(twDevices, (d) => d.userEmailNorm)(e);
    if (!tg && !jc.length && !tw.length && !truu.length && !twd.length) {
      add(
        -1,
        {},
        {
          plan: "error",
          error: `Unknown person: ${person.given} is not known to any vendor of this tenant (as of the last sync).`,
        },
      );
      return;
    }
    // Refused in the vendor's name when the tenant has no connection to it; else planned by the step's operation.
    const unless = (vendor: VendorId, what: string) => (connected.has(vendor) ? undefined : notConnected(vendor, what));
    // One row per link still to remove, or one "no change" row saying none is left.
    const addEach = (
      step: number,
      vendor: VendorId,
      what: string,
      base: Record<string, unknown>,
      inputs: Record<string, unknown>[],
    ) => {
      for (const input of inputs) add(step, { ...base, ...input }, unless(vendor, what));
      if (!inputs.length) add(step, base, none(what));
    };
    const [jcFirst] = jc;
    if (jcFirst) {
      const base = { email: jcFirst.email };
      add(S.suspend, base, unless("jumpcloud", "the user"));
      if (jc.length === 1) {
        const groups = jcMemberships.filter((m) => m.toId === jcFirst.vendorId);
        addEach(
          S.groups,
          "jumpcloud",
          "groups",
          base,
          groups.map((g) => ({ group: groupName.get(g.fromId) ?? g.fromId, groupId: g.fromId })),
        );
        const bound = jcBindings.filter((b) => b.fromId === `user:${jcFirst.vendorId}`);
        addEach(
          S.systems,
          "jumpcloud",
          "systems",
          base,
          bound.map((b) => {
            const systemId = b.toId.slice("system:".length);
            return { system: systemNames.get(systemId) ?? systemId, systemId };
          }),
        );
      }
    }
    const [twFirst] = tw;
    if (twFirst) {
      const base = { email: twFirst.email };
      add(S.disable, { ...base, state: "disabled" }, unless("twingate", "the user"));
      if (tw.length === 1) {
        const groups = twMemberships.filter((m) => m.toId === twFirst.vendorId && !systemGroups.has(m.fromId));
        addEach(
          S.twGroups,
          "twingate",
          "groups",
          base,
          groups.map((g) => ({ group: twGroupName.get(g.fromId) ?? g.fromId, groupId: g.fromId })),
        );
      }
    }
    if (tg) {
      add(S.mfa, { upn: tg.upn }, unless("trugrid", "MFA"));
      const mine = associations.filter((a) => normEmail(a.fromId) === e);
      addEach(
        S.assoc,
        "trugrid",
        "associations",
        { upn: tg.upn },
        mine.map((a) => ({ groupName: a.toId })),
      );
    }
    for (const d of twd) add(S.block, { device: d.vendorId }, unless("twingate", "devices"));
    for (const d of truu) add(S.truu, { deviceId: d.vendorId }, unless("truu", "devices"));
  });

  // Each step's operation plans its rows against the cache, as it does for a CSV of its own.
  for (const [i, step] of OFFBOARDING_STEPS.entries()) {
    const todo = drafts.filter((d) => d.step === i && !d.planned);
    if (!todo.length) continue;
    const planned = await step.op.plan(
      db,
      tenantId,
      todo.map((d) => step.op.row.parse(d.input)),
    );
    todo.forEach((d, k) => {
      d.planned = adjust(step, planned[k] ?? { plan: "error", error: "The step planned nothing for this row." });
    });
  }

  drafts.sort((a, b) => a.step - b.step || a.person - b.person);
  const rows: StoredRow[] = drafts.map((d, i) => ({
    line: i + 1,
    input: d.input,
    planned: d.planned!,
    operation: OFFBOARDING_STEPS[d.step]?.op.id,
  }));
  const counts = { create: 0, update: 0, no_change: 0, error: 0, duplicate: duplicates };
  for (const r of rows) counts[r.planned.plan]++;
  const jobId = await storePlan(db, {
    tenantId,
    operation: OFFBOARDING_ID,
    fileName: p.fileName,
    staffId: p.staffId,
    counts,
    headers: p.headers ?? [],
    rows,
  });
  return { ok: true, jobId, counts };
}

/**
 * TruGrid does not report MFA state: "off" is what this console last set.
 * A person it already turned off plans as done, like any other step.
 */
/** A row its step says is already done (`skipWhen`, from what the cache knows before) is planned as no change. */
function adjust(step: Step, planned: PlannedRow): PlannedRow {
  if (planned.plan === "update" && step.skipWhen?.(planned.before)) {
    return { ...planned, plan: "no_change", after: planned.before };
  }
  return planned;
}

/** A CSV of people (one UPN or email per row; the column may be named upn, email, userPrincipalName, mail, …). */
export async function planOffboardingCsv(
  db: Db,
  p: { tenantId: string; staffId: string; fileName: string; bytes: Uint8Array },
): Promise<OffboardingPlan> {
  const csv = parseCsv(p.bytes);
  if (!csv.ok) return csv;
  const mapped = mapHeaders(csv.headers, [PERSON_COLUMN]);
  if (!mapped.ok) return mapped;
  // A line the file could not read is an error row of its own, named by its line
  // (the plan's rows are numbered by step, not by line).
  const people = csv.rows.map((r) => ({
    line: r.line,
    value: r.error
      ? Object.values(malformedInput(r, mapped.index)).join(" · ")
      : String(rowObject(r.cells, mapped.index).person ?? ""),
    error: r.error,
  }));
  return planOffboarding(db, { ...p, headers: csv.headers, people });
}
