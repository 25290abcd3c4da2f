import { rng, type Rng } from "../core/random";
import type { DeviceRec } from "./records";

const DAY = 86_400_000;
/** Seeded dates are relative to a fixed instant so that runs are identical. */
export const EPOCH = Date.UTC(2026, 9, 1);

/** TruU's timestamp form: ISO-8601 with microseconds and Z; the extra digits are derived from the instant. */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace("Z", `${String((ms * 7919) % 1000).padStart(3, "0")}Z`);
}

// Four draws per word instead of one per hex digit: a large tenant needs 150,000 UUIDs.
function word(r: Rng): string {
  return Math.floor(r.next() * 0x1_0000_0000).toString(16).padStart(8, "0");
}
export function uuid(r: Rng): string {
  const a = word(r), b = word(r), c = word(r), d = word(r);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${"89ab"[parseInt(c[0], 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
export function hex(r: Rng, n: number): string {
  let out = "";
  while (out.length < n) out += word(r);
  return out.slice(0, n);
}

const ANDROID_MODELS = ["Pixel 8", "Pixel 7a", "Galaxy S23", "Galaxy A54", "Pixel 5"];
const ASSURANCE = [100, 100, 300, 300, 500] as const;

export interface DeviceDetails {
  deviceName: string;
  appVersion: string;
  sdkVersion: string;
  /** Epoch ms. */
  lastHeardFrom: number;
  softwareIdentifier: string;
  notificationId: string | null;
  appId: string;
  created: string;
  assuranceLevel: 100 | 300 | 500;
}

/** A device's descriptive fields, the same every time for the same device. */
export function deviceDetails(d: DeviceRec): DeviceDetails {
  const r = rng(d.seed);
  const heard = EPOCH - r.int(0, 14 * DAY);
  const created = isoMicros(Math.min(d.user.createdMs + r.int(1, 25) * DAY, heard));
  const assuranceLevel = r.pick(ASSURANCE);
  const common = { lastHeardFrom: heard, created, assuranceLevel };
  switch (d.type) {
    case "ANDROID":
      return {
        ...common, deviceName: r.pick(ANDROID_MODELS), appVersion: `25.${r.int(100, 180)}.0`, sdkVersion: "25.142.0",
        softwareIdentifier: String(r.int(31, 35)), notificationId: `${hex(r, 22)}:APA91b${hex(r, 40)}`, appId: "com.truu.android.app",
      };
    case "MAC_TPM":
      return {
        ...common, deviceName: d.asset?.hardware.model ?? `${d.user.displayName}'s Mac`, appVersion: `25.${r.int(1, 9)}.0(${r.int(600, 900)})`, sdkVersion: "1.0",
        softwareIdentifier: `Version 15.${r.int(0, 6)} (Build 24G${r.int(100, 499)})`, notificationId: null, appId: "com.truu.LoginHost",
      };
    case "WINDOWS_TPM":
      return {
        ...common, deviceName: d.asset?.machineName ?? `${d.user.displayName}'s PC`, appVersion: `1.0.${r.int(2, 9)}`, sdkVersion: "1.0",
        softwareIdentifier: `10.0.${r.pick(["19045", "22631", "26100"])}`, notificationId: null, appId: "com.truu.windows.credentialprovider",
      };
  }
}
