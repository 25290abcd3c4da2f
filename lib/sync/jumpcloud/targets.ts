import type * as S from "../../vendors/jumpcloud/schemas";
import { isoTime, normEmail, type SyncTarget } from "../target";

// JumpCloud cache targets. Tracked columns are what a helpdesk acts on (access
// state, lock, MFA, password, identity); the rest (names, OS, last contact)
// refresh silently.

export const userTarget: SyncTarget<S.SystemUser> = {
  vendor: "jumpcloud",
  resource: "user",
  table: "JumpcloudUser",
  vendorId: (u) => u._id,
  label: (u) => u.email || u.username,
  columns: [
    { name: "username", type: "text", value: (u) => u.username ?? "" },
    { name: "email", type: "text", value: (u) => u.email ?? "" },
    // JumpCloud signs people in by email; the username is not a UPN.
    { name: "emailNorm", type: "text", value: (u) => normEmail(u.email) },
    { name: "firstname", type: "text", value: (u) => u.firstname },
    { name: "lastname", type: "text", value: (u) => u.lastname },
    { name: "displayname", type: "text", value: (u) => u.displayname },
    { name: "state", type: "text", value: (u) => u.state },
    { name: "suspended", type: "bool", value: (u) => u.suspended },
    { name: "accountLocked", type: "bool", value: (u) => u.account_locked },
    { name: "mfaConfigured", type: "bool", value: (u) => u.mfa?.configured },
    { name: "totpEnabled", type: "bool", value: (u) => u.totp_enabled },
    { name: "mfaStatus", type: "text", value: (u) => u.mfaEnrollment?.overallStatus },
    { name: "passwordExpired", type: "bool", value: (u) => u.password_expired },
    { name: "createdAtVendor", type: "timestamptz", value: (u) => isoTime(u.created) },
  ],
  tracked: [
    "state",
    "suspended",
    "accountLocked",
    "mfaConfigured",
    "totpEnabled",
    "mfaStatus",
    "passwordExpired",
    "email",
  ],
};

/** The agent version is not in the typed schema, but JumpCloud sends it and the loose schema keeps it. */
const agentVersion = (s: S.System) => (typeof s.agentVersion === "string" ? s.agentVersion : null);

export const systemTarget: SyncTarget<S.System> = {
  vendor: "jumpcloud",
  resource: "system",
  table: "JumpcloudSystem",
  vendorId: (s) => s._id,
  label: (s) => s.displayName || s.hostname,
  columns: [
    { name: "hostname", type: "text", value: (s) => s.hostname },
    { name: "displayName", type: "text", value: (s) => s.displayName },
    { name: "os", type: "text", value: (s) => s.os },
    { name: "osVersion", type: "text", value: (s) => s.version },
    { name: "serialNumber", type: "text", value: (s) => s.serialNumber },
    { name: "active", type: "bool", value: (s) => s.active },
    { name: "lastContact", type: "timestamptz", value: (s) => isoTime(s.lastContact) },
    { name: "agentVersion", type: "text", value: agentVersion },
  ],
  tracked: ["hostname", "displayName", "active"],
};

const groupTarget = (kind: "user_group" | "system_group"): SyncTarget<S.Group> => ({
  vendor: "jumpcloud",
  resource: kind,
  table: "VendorObject",
  kind,
  vendorId: (g) => g.id,
  label: (g) => g.name,
  columns: [{ name: "name", type: "text", value: (g) => g.name }],
  tracked: ["name"],
});

export const userGroupTarget = groupTarget("user_group");
export const systemGroupTarget = groupTarget("system_group");

/** One graph relation as cached: ids as the edge kind defines them, the vendor's connection as raw. */
export interface JcEdge {
  fromId: string;
  toId: string;
  attributes: Record<string, unknown> | null;
  connection: S.GraphConnection;
  /** "<from name> → <to name>", for audit targets. */
  label: string;
}

const edgeTarget = (kind: string, tracked: string[]): SyncTarget<JcEdge> => ({
  vendor: "jumpcloud",
  resource: kind,
  table: "VendorEdge",
  kind,
  vendorId: (e) => `${e.fromId}|${e.toId}`,
  raw: (e) => e.connection,
  label: (e) => e.label,
  columns: [
    { name: "fromId", type: "text", value: (e) => e.fromId },
    { name: "toId", type: "text", value: (e) => e.toId },
    { name: "attributes", type: "jsonb", value: (e) => e.attributes },
  ],
  tracked,
});

/**
 * Memberships have no attributes in JumpCloud: a change is a new or a removed
 * edge (created / deleted in the run's figures), never drift.
 */
export const userGroupMemberTarget = edgeTarget("user_group_member", []);
export const systemGroupMemberTarget = edgeTarget("system_group_member", []);

/** fromId/toId are "<type>:<id>"; attributes carry grants such as sudo, whose change is drift. */
export const associationTarget = edgeTarget("association", ["attributes"]);
