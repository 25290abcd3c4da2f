import { z } from "zod";

// Shapes from TruU's User Management API guide. Objects are loose so that a
// field TruU adds later does not break look-ups; fields a real tenant may
// leave empty (directory-synced users without mail, devices that never
// reported) are nullable.

export const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  /** Seconds; TruU issues 7199. */
  expires_in: z.number().positive(),
  scope: z.string().optional(),
  /** The tenant UUID. */
  domain: z.string().optional(),
  ver: z.string().optional(),
  jti: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const TruuUser = z.looseObject({
  tuid: z.string(),
  guid: z.string(),
  displayName: z.string().nullable(),
  userPrincipal: z.string().nullable(),
  email: z.string().nullable(),
  /** ISO-8601 with microseconds. */
  lastSynced: z.string().nullable(),
  created: z.string(),
});
export type TruuUser = z.infer<typeof TruuUser>;

/** The tenant a system record belongs to. */
export const TruuDomain = z.looseObject({
  key: z.string(),
  name: z.string(),
  domain: z.string(),
});
export type TruuDomain = z.infer<typeof TruuDomain>;

export const DomainUser = TruuUser.extend({ domain: TruuDomain });
export type DomainUser = z.infer<typeof DomainUser>;

export const DeviceType = z.string(); // MAC_TPM, WINDOWS_TPM, ANDROID seen; others exist (iOS, FIDO2 keys)
export const AssuranceLevel = z.number().int(); // 100 Basic, 300 Trusted, 500 Certified

/** A device in the system API: lastHeardFrom is epoch milliseconds. */
export const SystemDevice = z.looseObject({
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  appVersion: z.string().nullable(),
  sdkVersion: z.string().nullable(),
  lastHeardFrom: z.number().nullable(),
  softwareIdentifier: z.string().nullable(),
  notificationId: z.string().nullable(),
  appId: z.string().nullable(),
  type: DeviceType,
  active: z.boolean(),
  created: z.string(),
  user: TruuUser,
  domain: TruuDomain,
});
export type SystemDevice = z.infer<typeof SystemDevice>;

/** A device in the data APIs: lastHeardFrom is an ISO string here. */
export const DataDevice = z.looseObject({
  deviceId: z.string(),
  notificationsEnabled: z.boolean(),
  deviceName: z.string().nullable(),
  appVersion: z.string().nullable(),
  type: DeviceType,
  lastHeardFrom: z.string().nullable(),
  assuranceLevel: AssuranceLevel,
  active: z.boolean(),
});
export type DataDevice = z.infer<typeof DataDevice>;

export const DataUser = TruuUser.extend({ devices: z.array(DataDevice) });
export type DataUser = z.infer<typeof DataUser>;

export const AssetDevice = DataDevice.extend({ user: TruuUser });
export type AssetDevice = z.infer<typeof AssetDevice>;

export const Asset = z.looseObject({
  machineName: z.string(),
  displayName: z.string().nullable(),
  type: z.string(), // MAC_AGENT, WINDOWS_AGENT
  // TruU's own example omits manufacturer on a Windows asset.
  hardware: z
    .looseObject({
      serialNumber: z.string().nullable().optional(),
      manufacturer: z.string().nullable().optional(),
      model: z.string().nullable().optional(),
      processor: z.string().nullable().optional(),
      biosVersion: z.string().nullable().optional(),
    })
    .nullable(),
  network: z
    .looseObject({
      ipAddresses: z.array(z.string()),
      macAddresses: z.array(z.string()),
    })
    .nullable(),
  lastHeardFrom: z.string().nullable(),
  devices: z.array(AssetDevice),
});
export type Asset = z.infer<typeof Asset>;

/** TruU's page envelope: next/previous are page numbers, not URLs. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.looseObject({
    page: z.number().int(),
    next: z.number().int().nullable(),
    previous: z.number().int().nullable(),
    final: z.number().int(),
    pageSize: z.number().int(),
    count: z.number().int(),
    results: z.array(item),
  });
}
export interface Page<T> {
  page: number;
  next: number | null;
  previous: number | null;
  final: number;
  pageSize: number;
  count: number;
  results: T[];
}

export const EnrolledUsersPage = pageOf(TruuUser);
export const SystemDevicesPage = pageOf(SystemDevice);
export const DataUsersPage = pageOf(DataUser);
export const AssetsPage = pageOf(Asset);
