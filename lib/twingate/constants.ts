// Values shared by the Twingate pages, tables and actions (not a "use server" file: those export functions only).

export const TWINGATE_ROLES = ["MEMBER", "SUPPORT", "DEVOPS", "ACCESS_REVIEWER", "ADMIN"] as const;
export type TwingateRole = (typeof TWINGATE_ROLES)[number];

export const ROLE_LABEL: Record<TwingateRole, string> = {
  MEMBER: "Member",
  SUPPORT: "Support",
  DEVOPS: "DevOps",
  ACCESS_REVIEWER: "Access reviewer",
  ADMIN: "Admin",
};

export const USER_STATES = ["ACTIVE", "DISABLED", "PENDING"] as const;
export const DEVICE_STATES = ["ACTIVE", "BLOCKED", "ARCHIVED"] as const;

export const DEVICE_OPS = ["block", "unblock", "archive", "unarchive", "trust", "untrust"] as const;
export type DeviceOp = (typeof DEVICE_OPS)[number];

export const REMOTE_NETWORK_LOCATIONS = ["AWS", "AZURE", "GOOGLE_CLOUD", "ON_PREMISE", "OTHER"] as const;
