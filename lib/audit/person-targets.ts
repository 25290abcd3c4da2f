import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";

/** Who the log's events about a person name: the person's tenant and every id. */
export interface PersonTargets {
  tenantId: string;
  label: string;
  ids: string[];
}

/** At most this many ids are matched: a person with more accounts and devices than this is not a real person. */
const MAX_IDS = 500;

/**
 * Every id under which the log may name a person: each of their addresses (a person target, a TruGrid user by UPN),
 * and every account and device any vendor holds for them, deleted ones too (the events about them stay). Null when
 * the person is not in a tenant the staff member can see.
 */
export async function personTargets(db: Db, staff: Staff, personId: string): Promise<PersonTargets | null> {
  const person = await db.person.findFirst({
    where: { id: personId, tenantId: { in: staff.tenantIds } },
    select: { tenantId: true, emailNorm: true, displayName: true },
  });
  if (!person) return null;
  const { tenantId } = person;
  const keys = (await db.personKey.findMany({ where: { tenantId, personId }, select: { key: true } })).map(
    (k) => k.key,
  );
  const emails = [...new Set([person.emailNorm, ...keys])];
  const byEmail = { tenantId, emailNorm: { in: emails } };
  const byUser = { tenantId, userEmailNorm: { in: emails } };
  const [tg, truu, tw, jc, truuDevices, twDevices] = await Promise.all([
    db.trugridUser.findMany({ where: byEmail, select: { upn: true } }),
    db.truuUser.findMany({ where: byEmail, select: { vendorId: true, upn: true } }),
    db.twingateUser.findMany({ where: byEmail, select: { vendorId: true } }),
    db.jumpcloudUser.findMany({ where: byEmail, select: { vendorId: true } }),
    db.truuDevice.findMany({ where: byUser, select: { vendorId: true } }),
    db.twingateDevice.findMany({ where: byUser, select: { vendorId: true } }),
  ]);
  const ids = [
    ...emails,
    ...tg.map((u) => u.upn),
    ...truu.flatMap((u) => [u.vendorId, u.upn]),
    ...[...tw, ...jc, ...truuDevices, ...twDevices].map((x) => x.vendorId),
  ];
  return { tenantId, label: person.displayName ?? person.emailNorm, ids: [...new Set(ids)].slice(0, MAX_IDS) };
}
