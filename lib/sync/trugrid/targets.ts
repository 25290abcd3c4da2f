import type { MachineAssociation, UserLogonIp } from "../../vendors/trugrid";
import { normEmail, type SyncTarget } from "../target";

// TruGrid's read API is narrow: users come only with their last logon IPs,
// associations only per user or per group, and the allow-list and external
// DNS as bare strings. What can drift is therefore little: the machine a user
// holds in a machine group.

/** Users of the domain, as getUserLogonIp lists them. */
export const userTarget: SyncTarget<UserLogonIp> = {
  vendor: "trugrid",
  resource: "user",
  table: "TrugridUser",
  vendorId: (u) => u.upn,
  label: (u) => u.upn,
  columns: [
    { name: "upn", type: "text", value: (u) => u.upn },
    { name: "emailNorm", type: "text", value: (u) => normEmail(u.upn) },
    { name: "webIp", type: "text", value: (u) => u.web },
    { name: "desktopIp", type: "text", value: (u) => u.desktop },
    { name: "mobileIp", type: "text", value: (u) => u.mobile },
  ],
  // Logon IPs change with every sign-in from elsewhere; they are refreshed, not reported.
  tracked: [],
};

/**
 * TruGrid keeps one machine per user per machine group, and a new one
 * replaces the old. So the edge is the (user, group) slot: a slot appearing
 * or being cleared is a create or delete, and a replaced machine is drift.
 */
export const machineAssociationTarget: SyncTarget<MachineAssociation> = {
  vendor: "trugrid",
  resource: "machine_association",
  table: "VendorEdge",
  kind: "machine_association",
  vendorId: (a) => `${a.userUpn}|${a.groupName}`,
  label: (a) => `${a.userUpn} in ${a.groupName}`,
  columns: [
    { name: "fromId", type: "text", value: (a) => a.userUpn },
    { name: "toId", type: "text", value: (a) => a.groupName },
    { name: "attributes", type: "jsonb", value: (a) => ({ groupName: a.groupName, machineName: a.machineName }) },
  ],
  tracked: ["attributes"],
};

/** An entry's value is its identity: an IP or DNS name only appears or disappears. */
function valueTarget(resource: string): SyncTarget<string> {
  return {
    vendor: "trugrid",
    resource,
    table: "VendorObject",
    kind: resource,
    vendorId: (v) => v,
    label: (v) => v,
    raw: (v) => ({ value: v }),
    columns: [{ name: "name", type: "text", value: (v) => v }],
    tracked: [],
  };
}

/** The IP allow-list. */
export const allowedIpTarget = valueTarget("allowed_ip");

/** External resources (DNS names the TruGrid client may reach). */
export const externalDnsTarget = valueTarget("external_dns");
