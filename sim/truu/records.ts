// The simulator's in-memory records. JSON is rendered from them on demand
// (render.ts), and a device's descriptive fields come from its own seed,
// drawn the first time the device is rendered (details.ts), so a large
// tenant costs one small object per record until it is read.

export interface DomainRec {
  key: string;
  name: string;
  domain: string;
}

export interface UserRec {
  tuid: string;
  guid: string;
  displayName: string;
  upn: string;
  email: string;
  /** Epoch ms; rendered with microseconds. */
  lastSyncedMs: number;
  createdMs: number;
  domain: DomainRec;
  devices: DeviceRec[];
  deleted: boolean;
}

export type DeviceType = "MAC_TPM" | "WINDOWS_TPM" | "ANDROID";

export interface DeviceRec {
  deviceId: string;
  type: DeviceType;
  /** Seed of the descriptive fields (details.ts). */
  seed: number;
  user: UserRec;
  /** The workstation it is enrolled on (TPM devices). */
  asset: AssetRec | null;
  deleted: boolean;
}

export interface AssetRec {
  machineName: string;
  displayName: string;
  type: "MAC_AGENT" | "WINDOWS_AGENT";
  hardware: { serialNumber: string; manufacturer: string; model: string; processor: string; biosVersion: string };
  ipAddresses: string[];
  /** Lower-case, colon-separated. */
  macAddresses: string[];
  /** ISO, or null for a workstation that never reported. */
  lastHeardFrom: string | null;
  devices: DeviceRec[];
}
