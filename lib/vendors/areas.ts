import { allows, PERMISSIONS, type Permission, type Role } from "../auth/permissions";
import { VENDOR_LABEL, type VendorId } from "./connection-fields";

/** One section of a vendor area: a route of its own, so a view can be bookmarked. */
export interface VendorTab {
  href: string;
  label: string;
  /** What a role needs to see the tab, beyond console.read (which every vendor page needs). */
  perm?: Permission;
}

export interface VendorArea {
  label: string;
  /** The area's overview, and the first tab. */
  href: string;
  tabs: readonly VendorTab[];
}

const area = (vendor: VendorId, tabs: VendorTab[]): VendorArea => ({
  label: VENDOR_LABEL[vendor],
  href: `/${vendor}`,
  tabs: [{ href: `/${vendor}`, label: "Overview" }, ...tabs],
});

/** The four vendor areas and their sections, in the order the tabs show them. */
export const VENDOR_AREAS: Record<VendorId, VendorArea> = {
  trugrid: area("trugrid", [
    { href: "/trugrid/users", label: "Users" },
    { href: "/trugrid/associations", label: "Machine associations" },
    { href: "/trugrid/assignments", label: "Assignments" },
    { href: "/trugrid/directory", label: "Active Directory" },
    { href: "/trugrid/allow-lists", label: "Allow-lists" },
    { href: "/trugrid/logon-ips", label: "Logon IPs" },
  ]),
  truu: area("truu", [
    { href: "/truu/devices", label: "Devices" },
    { href: "/truu/users", label: "Users" },
    { href: "/truu/assets", label: "Assets" },
  ]),
  twingate: area("twingate", [
    { href: "/twingate/users", label: "Users" },
    { href: "/twingate/devices", label: "Devices" },
    { href: "/twingate/groups", label: "Groups" },
    { href: "/twingate/resources", label: "Resources" },
    { href: "/twingate/access-requests", label: "Access requests" },
    { href: "/twingate/remote-networks", label: "Remote networks" },
    { href: "/twingate/connectors", label: "Connectors" },
    { href: "/twingate/service-accounts", label: "Service accounts" },
    { href: "/twingate/security-policies", label: "Security policies" },
  ]),
  jumpcloud: area("jumpcloud", [
    { href: "/jumpcloud/users", label: "Users" },
    { href: "/jumpcloud/user-groups", label: "User groups" },
    { href: "/jumpcloud/systems", label: "Systems" },
    { href: "/jumpcloud/system-groups", label: "System groups" },
    { href: "/jumpcloud/associations", label: "Associations" },
    { href: "/jumpcloud/bulk", label: "Bulk jobs" },
  ]),
};

/** The tabs a staff user sees: those whose permission they hold (all of them signed out: the page redirects anyway). */
export function visibleTabs(
  tabs: readonly VendorTab[],
  staff: { role: Role; allTenants: boolean } | null,
): VendorTab[] {
  return tabs.filter((t) => !t.perm || !staff || allows(staff, t.perm));
}

export { isActiveTab } from "./active-tab";

/** A vendor's own permissions (`twingate.write`, …): the ones its pages show or hide controls by. */
export type VendorPermission<V extends VendorId> = Extract<Permission, `${V}.${string}`>;

export function vendorPermissions<V extends VendorId>(vendor: V): VendorPermission<V>[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p): p is VendorPermission<V> => p.startsWith(`${vendor}.`));
}
