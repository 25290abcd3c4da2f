import "server-only";
import type { Db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { pageWindow, type TableState } from "../../table/params";
import { type LookupKind, lookup } from "./lookup";
import { nodeNames, splitNode } from "./names";

export const PAIRS = ["user-system", "usergroup-systemgroup", "user-systemgroup", "usergroup-system"] as const;
export type Pair = (typeof PAIRS)[number];
export const PAIR_TYPES: Record<Pair, { from: "user" | "user_group"; to: "system" | "system_group"; label: string }> = {
  "user-system": { from: "user", to: "system", label: "User ↔ system" },
  "usergroup-systemgroup": { from: "user_group", to: "system_group", label: "User group ↔ system group" },
  "user-systemgroup": { from: "user", to: "system_group", label: "User ↔ system group" },
  "usergroup-system": { from: "user_group", to: "system", label: "User group ↔ system" },
};

export interface AssociationRow {
  key: string;
  fromType: string;
  fromId: string;
  fromName: string;
  toType: string;
  toId: string;
  toName: string;
  sudo: boolean;
}

export async function listAssociations(db: Db, tenantId: string, pair: Pair, state: TableState<"from">) {
  const { from, to } = PAIR_TYPES[pair];
  const where: Prisma.VendorEdgeWhereInput = {
    tenantId,
    vendor: "jumpcloud",
    kind: "association",
    deletedAt: null,
    fromId: { startsWith: `${from}:` },
    toId: { startsWith: `${to}:` },
  };
  if (state.q) {
    // Search by either side's name: resolve matching ids from the cache first.
    const ids = await matchingIds(db, tenantId, [from, to], state.q);
    where.OR = [{ fromId: { in: ids.map((i) => `${from}:${i}`) } }, { toId: { in: ids.map((i) => `${to}:${i}`) } }];
  }
  const [edges, total] = await Promise.all([
    db.vendorEdge.findMany({
      where,
      orderBy: [{ fromId: state.dir }, { toId: "asc" }],
      ...pageWindow(state),
      select: { fromId: true, toId: true, attributes: true },
    }),
    db.vendorEdge.count({ where }),
  ]);
  const nodes = edges.flatMap((e) => [splitNode(e.fromId), splitNode(e.toId)]);
  const names = await nodeNames(db, tenantId, nodes);
  const rows: AssociationRow[] = edges.map((e) => {
    const f = splitNode(e.fromId);
    const t = splitNode(e.toId);
    const sudo = Boolean((e.attributes as { sudo?: { enabled?: boolean } } | null)?.sudo?.enabled);
    return {
      key: `${e.fromId}|${e.toId}`,
      fromType: f.type,
      fromId: f.id,
      fromName: names.get(f.id) ?? f.id,
      toType: t.type,
      toId: t.id,
      toName: names.get(t.id) ?? t.id,
      sudo,
    };
  });
  return { rows, total };
}

async function matchingIds(db: Db, tenantId: string, types: string[], q: string): Promise<string[]> {
  const out: string[] = [];
  for (const t of types) out.push(...(await lookup(db, tenantId, t as LookupKind, q, 500)).map((r) => r.id));
  return out;
}
