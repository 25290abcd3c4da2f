import { z } from "zod";

// TruGrid documents the status strings but not the JSON around them, nor
// the field names of logon IPs and associations. These schemas accept the
// plausible shapes (field names in any case, a few aliases) and normalise
// them, so a change of envelope is absorbed here and nowhere else.

type Loose = Record<string, unknown>;

/** A field by any of its names, ignoring case (.NET serialisers differ in casing). */
export function field(o: Loose, names: readonly string[]): unknown {
  const want = new Set(names.map((n) => n.toLowerCase()));
  for (const [k, v] of Object.entries(o)) if (want.has(k.toLowerCase())) return v;
  return undefined;
}

const LooseObject = z.record(z.string(), z.unknown());

/** A bare array, or an object wrapping one (`{"results": […]}`). */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const inner = Object.values(v).find(Array.isArray);
      if (inner) return inner;
    }
    return v;
  }, z.array(item));
}

export interface ItemStatusEntry {
  status: string;
  /** The item as the vendor echoed it back, when it did. */
  echo?: Loose;
}

const StatusObject = LooseObject.transform((o, ctx): ItemStatusEntry => {
  const status = field(o, ["status"]);
  if (typeof status !== "string") {
    ctx.addIssue({ code: "custom", message: "item has no status string" });
    return z.NEVER;
  }
  return { status, echo: o };
});

/** Per-item results of a bulk call: plain status strings or echoed items with a `status`. */
export const ItemStatuses = listOf(
  z.union([z.string().transform((status): ItemStatusEntry => ({ status })), StatusObject]),
);

/** A list of plain values (IPs, DNS names), tolerating `{ip: …}`-style objects. */
const PlainValue = z.union([
  z.string(),
  LooseObject.transform((o, ctx) => {
    const v = field(o, ["ip", "ipAddress", "address", "dns", "dnsName", "name", "value"]);
    if (typeof v !== "string") {
      ctx.addIssue({ code: "custom", message: "no address in entry" });
      return z.NEVER;
    }
    return v;
  }),
]);
export const IpWhitelist = listOf(PlainValue);
export const ExternalResources = listOf(PlainValue);

/** One IP, or the most recent of several. */
const Ip = z
  .union([z.string(), z.null(), z.undefined(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null)));

export interface UserLogonIp {
  upn: string;
  web: string | null;
  desktop: string | null;
  mobile: string | null;
}

export const UserLogonIps = listOf(
  LooseObject.transform((o, ctx): UserLogonIp => {
    const upn = field(o, ["upn", "userUpn", "userPrincipalName"]);
    const ips = {
      web: Ip.safeParse(field(o, ["web", "webIp", "webLogonIp", "lastWebLoginIp"])),
      desktop: Ip.safeParse(field(o, ["desktop", "desktopIp", "desktopLogonIp", "lastDesktopLoginIp"])),
      mobile: Ip.safeParse(field(o, ["mobile", "mobileIp", "mobileLogonIp", "lastMobileLoginIp"])),
    };
    if (typeof upn !== "string" || !ips.web.success || !ips.desktop.success || !ips.mobile.success) {
      ctx.addIssue({ code: "custom", message: "expected a UPN and web/desktop/mobile IPs" });
      return z.NEVER;
    }
    return { upn, web: ips.web.data, desktop: ips.desktop.data, mobile: ips.mobile.data };
  }),
);

export interface MachineAssociation {
  userUpn: string;
  groupName: string;
  machineName: string;
}

export const MachineAssociations = listOf(
  LooseObject.transform((o, ctx): MachineAssociation => {
    const userUpn = field(o, ["userUpn", "upn", "user"]);
    const groupName = field(o, ["groupName", "group", "machineGroup"]);
    const machineName = field(o, ["machineName", "machine", "hostname"]);
    if (typeof userUpn !== "string" || typeof groupName !== "string" || typeof machineName !== "string") {
      ctx.addIssue({ code: "custom", message: "expected userUpn, groupName and machineName" });
      return z.NEVER;
    }
    return { userUpn, groupName, machineName };
  }),
);

/** Refresh calls take an empty body; what comes back is not documented and carries nothing we use. */
export const RefreshAnswer = z.union([z.null(), z.string(), LooseObject, z.array(z.unknown())]);

// Request bodies, as the vendor's article shows them.

export const MachineAssociationInput = z.object({
  userUpn: z.string().min(1),
  groupName: z.string().min(1),
  machineName: z.string().min(1),
});
export type MachineAssociationInput = z.infer<typeof MachineAssociationInput>;

export const NameList = z.array(z.string());

/** addUserMachineAssignment: key = user UPN or user-group name, value = machines and/or machine groups. */
export const UserMachineAssignment = z.object({ key: z.string().min(1), value: z.array(z.string().min(1)).min(1) });
export type UserMachineAssignment = z.infer<typeof UserMachineAssignment>;
