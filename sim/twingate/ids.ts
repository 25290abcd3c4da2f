// Twingate exposes Relay global ids (base64 "<Type>:<n>") and graphene-style
// cursors (base64 "arrayconnection:<index>"); clients treat both as opaque.

export type NodeType =
  | "User"
  | "Device"
  | "Group"
  | "Resource"
  | "RemoteNetwork"
  | "SecurityPolicy"
  | "ServiceAccount"
  | "ServiceAccountKey"
  | "Connector"
  | "AccessRequest";

export const globalId = (type: NodeType, n: number): string => Buffer.from(`${type}:${n}`).toString("base64");

/** The number behind a global id of the expected type, or null for anything else. */
export function idNumber(id: string | null | undefined, type: NodeType): number | null {
  if (!id) return null;
  const decoded = Buffer.from(id, "base64").toString("utf8");
  const m = /^(\w+):(\d+)$/.exec(decoded);
  if (!m || m[1] !== type) return null;
  return Number(m[2]);
}

export function idType(id: string): string | null {
  const m = /^(\w+):\d+$/.exec(Buffer.from(id, "base64").toString("utf8"));
  return m?.[1] ?? null;
}

export const cursorOf = (index: number): string => Buffer.from(`arrayconnection:${index}`).toString("base64");

export function cursorIndex(cursor: string): number | null {
  const m = /^arrayconnection:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  return m ? Number(m[1]) : null;
}
