import type { Db } from "../db/client";
import { type Queryable, rawRows } from "../db/raw-query";
import { Prisma } from "../generated/prisma/client";
import type { Role } from "./permissions";

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The tenants this staff user may read and act in. */
  tenantIds: string[];
  /** Whether tenantIds holds every tenant there is: what managing admins and tenants needs (lib/staff/reach.ts). */
  allTenants: boolean;
  sessionVersion: number;
  /** The IANA zone they chose to see dates in; null follows their browser (lib/format/time-zone.ts). */
  timeZone: string | null;
  /** How dense tables are: "compact" rows are one line of about 36 px (Settings → Your account). */
  density: Density;
  /** Set when the caller is a script with one of this staff member's API tokens (lib/api-tokens/principal.ts). */
  apiToken?: { id: string; name: string };
}

export type Density = "comfortable" | "compact";
const densityOf = (v: string | null | undefined): Density => (v === "compact" ? "compact" : "comfortable");

/** Loads an active staff user, or null when missing or disabled. */
export async function loadStaff(db: Db, id: string): Promise<Staff | null> {
  const [row, tenantCount] = await Promise.all([
    db.staffUser.findUnique({ where: { id }, include: { tenants: { select: { tenantId: true } } } }),
    db.tenant.count(),
  ]);
  if (!row || row.disabled) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tenantIds: row.tenants.map((t) => t.tenantId),
    allTenants: row.tenants.length >= tenantCount,
    sessionVersion: row.sessionVersion,
    timeZone: row.timeZone,
    density: densityOf(row.density),
  };
}

/** A tenant as the header's switcher lists it. */
export interface TenantSummary {
  id: string;
  name: string;
  isDemo: boolean;
  /** Every change in the tenant must give a reason or ticket number. */
  requireChangeReason: boolean;
}

/**
 * The tenants a staff user may see, by name, when they were read in the same
 * statement as the staff row (readStaff): the console frame needs both on
 * every page, so one round trip instead of two. Keyed by the Staff object, so
 * it lives exactly as long as that request's copy of the staff row.
 */
export const tenantsReadWith = new WeakMap<Staff, TenantSummary[]>();

/**
 * loadStaff in one statement on node-postgres, with the staff user's tenants
 * (see tenantsReadWith): every console request reads the staff row, and
 * Prisma's two queries (user, then tenants) cost several times the CPU of this one.
 */
export async function readStaff(db: Queryable, id: string): Promise<Staff | null> {
  const [row] = await rawRows<Staff & { disabled: boolean; tenants: TenantSummary[] }>(
    db,
    Prisma.sql`
    SELECT s."id", s."email", s."name", s."role"::text AS "role", s."disabled", s."sessionVersion", s."timeZone",
      s."density",
      coalesce(array_agg(t."tenantId") FILTER (WHERE t."tenantId" IS NOT NULL), '{}') AS "tenantIds",
      coalesce(json_agg(json_build_object('id', n."id", 'name', n."name", 'isDemo', n."isDemo",
        'requireChangeReason', n."requireChangeReason") ORDER BY n."name" ASC)
        FILTER (WHERE n."id" IS NOT NULL), '[]') AS "tenants",
      count(t."tenantId") >= (SELECT count(*) FROM "Tenant") AS "allTenants"
    FROM "StaffUser" s LEFT JOIN "StaffTenant" t ON t."staffId" = s."id" LEFT JOIN "Tenant" n ON n."id" = t."tenantId"
    WHERE s."id" = ${id}
    GROUP BY s."id"`,
  );
  if (!row || row.disabled) return null;
  const staff: Staff = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tenantIds: row.tenantIds,
    allTenants: row.allTenants,
    sessionVersion: row.sessionVersion,
    timeZone: row.timeZone,
    density: densityOf(row.density),
  };
  tenantsReadWith.set(staff, row.tenants);
  return staff;
}
