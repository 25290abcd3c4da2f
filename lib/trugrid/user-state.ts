import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { normEmail } from "../sync/target";

type Client = Db | Prisma.TransactionClient;

/** What the console last set for each user, before a change: the audit "before" and the undo's fallback. */
export async function statesOf(db: Client, tenantId: string, upns: string[]) {
  const rows = await db.trugridUserState.findMany({ where: { tenantId, upn: { in: upns.map(normEmail) } } });
  const by = new Map(rows.map((r) => [r.upn, r]));
  return Object.fromEntries(
    upns.map((u) => {
      const r = by.get(normEmail(u));
      return [
        u,
        {
          mfa: r?.mfaOn == null ? "unknown" : r.mfaOn ? "on" : "off",
          udp: r?.udpOn == null ? "unknown" : r.udpOn ? "on" : "off",
        },
      ];
    }),
  );
}

export type StateChange = { mfaOn: boolean } | { mfaReset: true } | { udpOn: boolean };

/**
 * Records what TruGrid accepted for these users. Only items TruGrid answered
 * "Success." for reach here: a refused item keeps what was known before.
 */
export async function recordUserState(
  db: Client,
  tenantId: string,
  upns: string[],
  change: StateChange,
  staff: Staff,
  at = new Date(),
) {
  const who = staff.name || staff.email;
  const data =
    "mfaOn" in change
      ? { mfaOn: change.mfaOn, mfaSetAt: at, mfaSetBy: who }
      : "udpOn" in change
        ? { udpOn: change.udpOn, udpSetAt: at, udpSetBy: who }
        : { mfaResetAt: at, mfaResetBy: who };
  const list = [...new Set(upns.map(normEmail))];
  const [only] = list;
  if (only !== undefined && list.length === 1) {
    await db.trugridUserState.upsert({
      where: { tenantId_upn: { tenantId, upn: only } },
      create: { tenantId, upn: only, ...data },
      update: data,
    });
    return;
  }
  // Many users (a bulk chunk): one statement.
  const cols = Object.keys(data);
  const set = cols.map((c) => `"${c}" = EXCLUDED."${c}"`).join(", ");
  const values = Object.values(data);
  const pgType = (c: string) => (c.endsWith("On") ? "boolean" : c.endsWith("At") ? "timestamp(3)" : "text");
  const casts = cols.map((c, i) => `$${i + 3}::${pgType(c)}`).join(", ");
  await db.$executeRawUnsafe(
    `INSERT INTO "TrugridUserState" ("id", "tenantId", "upn", ${cols.map((c) => `"${c}"`).join(", ")})
     SELECT gen_random_uuid()::text, $1, u, ${casts} FROM unnest($2::text[]) AS u
     ON CONFLICT ("tenantId", "upn") DO UPDATE SET ${set}`,
    tenantId,
    list,
    ...values,
  );
}

/** Domain-wide UDP: every user the cache knows gets the state, in one statement. */
export async function recordDomainUdp(db: Client, tenantId: string, on: boolean, staff: Staff, at = new Date()) {
  const who = staff.name || staff.email;
  await db.$executeRaw`
    INSERT INTO "TrugridUserState" ("id", "tenantId", "upn", "udpOn", "udpSetAt", "udpSetBy")
    SELECT gen_random_uuid()::text, u."tenantId", u."emailNorm", ${on}, ${at}, ${who}
    FROM "TrugridUser" u WHERE u."tenantId" = ${tenantId} AND u."deletedAt" IS NULL
    ON CONFLICT ("tenantId", "upn") DO UPDATE
      SET "udpOn" = EXCLUDED."udpOn", "udpSetAt" = EXCLUDED."udpSetAt", "udpSetBy" = EXCLUDED."udpSetBy"`;
}
