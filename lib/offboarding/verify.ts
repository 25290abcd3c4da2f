import type { AuditActor, AuditTarget } from "../audit/event";
import { recordAudit } from "../audit/record";
import { loadStaff } from "../auth/staff";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { normEmail } from "../sync/target";
import { clientOf, type Surface } from "../vendors/client-for";
import { VENDOR_IDS, type VendorId } from "../vendors/connection-fields";
import { failureMessage } from "../vendors/core/vendor-message";
import type { JumpCloudClient } from "../vendors/jumpcloud/client";
import { loadConnection } from "../vendors/load-connection";
import type { TruGridClient } from "../vendors/trugrid/client";
import type { TruuClient } from "../vendors/truu/client";
import type { TwingateClient } from "../vendors/twingate/client";
import { addressesOf } from "./addresses";
import {
  jumpcloudReadBack,
  type ReadBack,
  type ReadContext,
  type Remaining,
  trugridReadBack,
  truuReadBack,
  twingateReadBack,
} from "./read-back";

// The runbook's last step: every vendor read back for every person of the
// job, after the other steps have run, recorded as one audit event (the
// job page shows the latest). Nothing is changed here; what remains is
// shown with why, and "Verify again" reads everything anew.

export type VerdictStatus = "clear" | "remains" | "unread" | "not_connected";

export interface VendorVerdict {
  vendor: VendorId;
  status: VerdictStatus;
  read: string | null;
  remains: Remaining[];
  notes: string[];
  /** Why the vendor could not be read, in its words. */
  error?: string;
}

export interface PersonVerdict {
  person: string;
  vendors: VendorVerdict[];
}

export interface Verification {
  at: string;
  people: PersonVerdict[];
  counts: Record<VerdictStatus, number>;
}

const READERS: { [V in VendorId]: (ctx: ReadContext, client: never) => Promise<ReadBack> } = {
  jumpcloud: (ctx, c: JumpCloudClient) => jumpcloudReadBack(ctx, c),
  twingate: (ctx, c: TwingateClient) => twingateReadBack(ctx, c),
  trugrid: (ctx, c: TruGridClient) => trugridReadBack(ctx, c),
  truu: (ctx, c: TruuClient) => truuReadBack(ctx, c),
};

/** A vendor as a verification reads it: its client, or why there is none (not connected, or no client to be had). */
type VendorReader =
  | { vendor: VendorId; client: never }
  | { vendor: VendorId; verdict: Pick<VendorVerdict, "status" | "error"> };

/** Each vendor's client, opened once for the whole verification rather than once per person. */
async function vendorReaders(db: Db, tenantId: string, surface: Surface): Promise<VendorReader[]> {
  return Promise.all(
    VENDOR_IDS.map(async (vendor): Promise<VendorReader> => {
      try {
        const connection = await loadConnection(db, tenantId, vendor);
        if (!connection) return { vendor, verdict: { status: "not_connected" } };
        return { vendor, client: clientOf(db, connection, surface) as never };
      } catch (err) {
        return { vendor, verdict: { status: "unread", error: failureMessage(err) } };
      }
    }),
  );
}

/** Each vendor read back for one person (every address the people index links to them). */
async function readBackPerson(
  db: Db,
  tenantId: string,
  person: string,
  readers: VendorReader[],
): Promise<VendorVerdict[]> {
  const key = normEmail(person);
  const addresses = [...((await addressesOf(db, tenantId, [key])).get(key) ?? [key])];
  const ctx: ReadContext = { db, tenantId, addresses };
  return Promise.all(
    readers.map(async (r): Promise<VendorVerdict> => {
      const empty = { vendor: r.vendor, read: null, remains: [], notes: [] };
      if ("verdict" in r) return { ...empty, ...r.verdict };
      try {
        const read = await READERS[r.vendor](ctx, r.client);
        return { vendor: r.vendor, status: read.remains.length ? "remains" : "clear", ...read };
      } catch (err) {
        return { ...empty, status: "unread", error: failureMessage(err) };
      }
    }),
  );
}

/** The people a job offboards: every person a step was planned for (not the lines that named nobody known). */
export async function jobPeople(db: Db, jobId: string): Promise<string[]> {
  const rows = await db.bulkRow.findMany({
    where: { jobId, operation: { not: null } },
    select: { input: true },
    orderBy: { line: "asc" },
  });
  const people = rows.map((r) => (r.input as { person?: unknown }).person).filter((p) => typeof p === "string");
  return [...new Map(people.map((p) => [normEmail(p), p])).values()];
}

/** Reads every vendor back for every person of the job, one person after another (Twingate's reads are paced). */
export async function verifyJob(db: Db, tenantId: string, jobId: string, surface: Surface): Promise<Verification> {
  const readers = await vendorReaders(db, tenantId, surface);
  const people: PersonVerdict[] = [];
  for (const person of await jobPeople(db, jobId)) {
    people.push({ person, vendors: await readBackPerson(db, tenantId, person, readers) });
  }
  const counts: Record<VerdictStatus, number> = { clear: 0, remains: 0, unread: 0, not_connected: 0 };
  for (const p of people) for (const v of p.vendors) counts[v.status]++;
  return { at: new Date().toISOString(), people, counts };
}

/** The targets a verification event names: the job, then each person. */
export const verificationTargets = (jobId: string, v: Verification): AuditTarget[] => [
  { type: "bulk_job", id: jobId, label: "Offboarding" },
  ...v.people.map((p) => ({ type: "person", id: normEmail(p.person), label: p.person })),
];

/** Run by the worker once the steps have run: read back and recorded in the confirmer's name. */
export async function verifyAfterSteps(db: Db, jobId: string): Promise<void> {
  const job = await db.bulkJob.findUniqueOrThrow({ where: { id: jobId } });
  const staff = job.confirmedById ? await loadStaff(db, job.confirmedById) : null;
  const actor: AuditActor | null = staff && { id: staff.id, email: staff.email, name: staff.name };
  const v = await verifyJob(db, job.tenantId, jobId, "worker");
  await recordAudit(db, {
    action: "offboarding.verified",
    actor,
    tenantId: job.tenantId,
    jobId,
    targets: verificationTargets(jobId, v),
    after: v,
    outcome: "success",
  });
}

/** The latest verification of a job: the worker's (linked by jobId) or a "Verify again" (naming the job). */
export async function latestVerification(db: Db, jobId: string): Promise<Verification | null> {
  const [row] = await db.$queryRaw<{ after: Verification }[]>(Prisma.sql`
    SELECT after FROM "AuditEvent"
    WHERE action = 'offboarding.verified' AND outcome = 'success'
      AND ("jobId" = ${jobId} OR targets @> ${JSON.stringify([{ type: "bulk_job", id: jobId }])}::jsonb)
    ORDER BY seq DESC LIMIT 1`);
  return row?.after ?? null;
}
