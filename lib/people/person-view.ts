import type { Db } from "../db/client";

/** A person's keys: its own address and every alias linkPeople linked to it. */
export async function personKeys(db: Db, person: { id: string; emailNorm: string }): Promise<string[]> {
  const rows = await db.personKey.findMany({ where: { personId: person.id }, select: { key: true } });
  return [...new Set([person.emailNorm, ...rows.map((r) => r.key)])];
}

/** The tenant a person belongs to, whoever asks (for the page's scope check), or null when there is no such person. */
export async function personTenant(db: Db, personId: string): Promise<string | null> {
  return (await db.person.findUnique({ where: { id: personId }, select: { tenantId: true } }))?.tenantId ?? null;
}

/**
 * Everything the cache knows about one person, across the four vendors,
 * matched on any of the person's keys (normalised UPN/email and aliases)
 * within the person's tenant. A person merged into another through an alias
 * answers `{ mergedInto }` so the page can redirect.
 */
export async function loadPersonView(db: Db, tenantIds: string[], personId: string) {
  const person = await db.person.findFirst({ where: { id: personId, tenantId: { in: tenantIds } } });
  if (!person) return null;
  if (person.mergedIntoId) return { mergedInto: person.mergedIntoId } as const;
  const { tenantId } = person;
  const live = { tenantId, deletedAt: null };
  const keys = await personKeys(db, person);
  const emailNorm = { in: keys };

  const [trugridUsers, truuUsers, truuDevices, twingateUsers, twingateDevices, jumpcloudUsers] = await Promise.all([
    db.trugridUser.findMany({ where: { ...live, emailNorm }, orderBy: { syncedAt: "desc" } }),
    db.truuUser.findMany({ where: { ...live, emailNorm } }),
    db.truuDevice.findMany({
      where: { ...live, userEmailNorm: emailNorm },
      orderBy: { lastHeardFrom: "desc" },
      take: 200,
    }),
    db.twingateUser.findMany({ where: { ...live, emailNorm } }),
    db.twingateDevice.findMany({ where: { ...live, userEmailNorm: emailNorm }, take: 200 }),
    db.jumpcloudUser.findMany({ where: { ...live, emailNorm } }),
  ]);
  // One TruGrid domain per tenant: the person's own address first, else the alias TruGrid knows.
  const trugrid = trugridUsers.find((u) => u.emailNorm === person.emailNorm) ?? trugridUsers[0] ?? null;

  const tgIds = twingateUsers.map((u) => u.vendorId);
  const jcIds = jumpcloudUsers.map((u) => u.vendorId);
  const [associations, tgMemberships, jcMemberships, jcAssociations] = await Promise.all([
    trugrid
      ? db.vendorEdge.findMany({
          where: {
            ...live,
            vendor: "trugrid",
            kind: "machine_association",
            fromId: { equals: trugrid.upn, mode: "insensitive" },
          },
          orderBy: { toId: "asc" },
        })
      : [],
    tgIds.length
      ? db.vendorEdge.findMany({ where: { ...live, vendor: "twingate", kind: "group_member", toId: { in: tgIds } } })
      : [],
    jcIds.length
      ? db.vendorEdge.findMany({
          where: { ...live, vendor: "jumpcloud", kind: "user_group_member", toId: { in: jcIds } },
        })
      : [],
    jcIds.length
      ? db.vendorEdge.findMany({
          where: {
            ...live,
            vendor: "jumpcloud",
            kind: "association",
            OR: [
              { fromId: { in: jcIds.map((id) => `user:${id}`) } },
              { toId: { in: jcIds.map((id) => `user:${id}`) } },
            ],
          },
        })
      : [],
  ]);
  const systemIds = jcAssociations
    .flatMap((e) => [e.fromId, e.toId])
    .filter((id) => id.startsWith("system:"))
    .map((id) => id.slice("system:".length));
  const [tgGroups, jcGroups, jcSystems] = await Promise.all([
    db.vendorObject.findMany({
      where: { ...live, vendor: "twingate", kind: "group", vendorId: { in: tgMemberships.map((m) => m.fromId) } },
      orderBy: { name: "asc" },
    }),
    db.vendorObject.findMany({
      where: { ...live, vendor: "jumpcloud", kind: "user_group", vendorId: { in: jcMemberships.map((m) => m.fromId) } },
      orderBy: { name: "asc" },
    }),
    systemIds.length
      ? db.jumpcloudSystem.findMany({ where: { ...live, vendorId: { in: systemIds } }, orderBy: { hostname: "asc" } })
      : [],
  ]);

  return {
    mergedInto: null,
    person,
    keys,
    trugrid: trugrid && {
      user: trugrid,
      associations: associations.map((e) => ({
        id: e.id,
        group: e.toId,
        machine: (e.attributes as { machineName?: string } | null)?.machineName ?? null,
      })),
    },
    truu: { users: truuUsers, devices: truuDevices },
    twingate: {
      users: twingateUsers,
      devices: twingateDevices,
      groups: tgGroups.map((g) => ({ id: g.vendorId, name: g.name })),
    },
    jumpcloud: {
      users: jumpcloudUsers,
      groups: jcGroups.map((g) => ({ id: g.vendorId, name: g.name })),
      systems: jcSystems,
    },
  };
}

export type PersonView = Extract<NonNullable<Awaited<ReturnType<typeof loadPersonView>>>, { mergedInto: null }>;

/** People whose name, UPN, email or any alias contains the text, across the tenants in scope, for the quick finder. */
export async function findPeople(db: Db, tenantIds: string[], text: string, take = 12) {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  return db.person.findMany({
    where: {
      tenantId: { in: tenantIds },
      mergedIntoId: null,
      OR: [
        { emailNorm: { contains: q } },
        { displayName: { contains: q, mode: "insensitive" } },
        { keys: { some: { key: { contains: q } } } },
      ],
    },
    orderBy: [{ emailNorm: "asc" }],
    take,
    select: { id: true, emailNorm: true, displayName: true, tenantId: true },
  });
}
