import { type Rng, rng } from "../core/random";
import type { DeviceRec } from "./records";

const DAY = 86_400_000;
/** Seeded dates are relative to a fixed instant so that runs are identical. */
export const EPOCH = Date.UTC(2026, 9, 1);

// Every user and device date is rendered on every read; a large tenant's sync
// renders each some five times. Remembered by instant, and forgotten all at
// once past a bound so that the simulator's memory stays flat.
const isoByMs = new Map<number, string>();
const ISO_MEMO_MAX = 1 << 18;

/** TruU's timestamp form: ISO-8601 with microseconds and Z; the extra digits are derived from the instant. */
export function isoMicros(ms: number): string {
  let iso = isoByMs.get(ms);
  if (iso === undefined) {
    if (isoByMs.size >= ISO_MEMO_MAX) isoByMs.clear();
    iso = new Date(ms).toISOString().replace("Z", `${String((ms * 7919) % 1000).padStart(3, "0")}Z`);
    isoByMs.set(ms, iso);
  }
  return iso;
}

// Four draws per word instead of one per hex digit: a large tenant needs 150,000 UUIDs.
function word(r: Rng): string {
  return Math.floor(r.next() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, "0");
}
export function uuid(r: Rng): string {
  const a = word(r),
    b = word(r),
    c = word(r),
    d = word(r);
  return (
    `${a}-${b.slice(0, 4)}-4${b.slice(5)}-` +
    `${"89ab"[parseInt(c.slice(0, 1), 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`
  );
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

/**
 * What a device's seed decides, drawn once per device: the draws never
 * change, while what comes from other records (the user's and workstation's
 * names, the user's creation date) is read afresh on every render, so that a
 * rename shows on the next read.
 */
interface Draws {
  heard: number;
  createdAfterDays: number;
  assuranceLevel: 100 | 300 | 500;
  androidModel: string;
  appVersion: string;
  softwareIdentifier: string;
  notificationId: string | null;
}
const drawsOf = new WeakMap<DeviceRec, Draws>();

function draws(d: DeviceRec): Draws {
  let x = drawsOf.get(d);
  if (x) return x;
  const r = rng(d.seed);
  const heard = EPOCH - r.int(0, 14 * DAY);
  const createdAfterDays = r.int(1, 25);
  const assuranceLevel = r.pick(ASSURANCE);
  switch (d.type) {
    case "ANDROID": {
      const androidModel = r.pick(ANDROID_MODELS);
      const appVersion = `25.${r.int(100, 180)}.0`;
      const softwareIdentifier = String(r.int(31, 35));
      x = {
        heard,
        createdAfterDays,
        assuranceLevel,
        androidModel,
        appVersion,
        softwareIdentifier,
        notificationId: `${hex(r, 22)}:APA91b${hex(r, 40)}`,
      };
      break;
    }
    case "MAC_TPM": {
      const appVersion = `25.${r.int(1, 9)}.0(${r.int(600, 900)})`;
      x = {
        heard,
        createdAfterDays,
        assuranceLevel,
        androidModel: "",
        appVersion,
        softwareIdentifier: `Version 15.${r.int(0, 6)} (Build 24G${r.int(100, 499)})`,
        notificationId: null,
      };
      break;
    }
    case "WINDOWS_TPM":
      x = {
        heard,
        createdAfterDays,
        assuranceLevel,
        androidModel: "",
        appVersion: `1.0.${r.int(2, 9)}`,
        softwareIdentifier: `10.0.${r.pick(["19045", "22631", "26100"])}`,
        notificationId: null,
      };
      break;
  }
  drawsOf.set(d, x);
  return x;
}

/** A device's descriptive fields, the same every time for the same device and the same user and workstation. */
export function deviceDetails(d: DeviceRec): DeviceDetails {
  const x = draws(d);
  const created = isoMicros(Math.min(d.user.createdMs + x.createdAfterDays * DAY, x.heard));
  const common = {
    lastHeardFrom: x.heard,
    created,
    assuranceLevel: x.assuranceLevel,
    appVersion: x.appVersion,
    softwareIdentifier: x.softwareIdentifier,
    notificationId: x.notificationId,
  };
  switch (d.type) {
    case "ANDROID":
      return { ...common, deviceName: x.androidModel, sdkVersion: "25.142.0", appId: "com.truu.android.app" };
    case "MAC_TPM":
      return {
        ...common,
        deviceName: d.asset?.hardware.model ?? `${d.user.displayName}'s Mac`,
        sdkVersion: "1.0",
        appId: "com.truu.LoginHost",
      };
    case "WINDOWS_TPM":
      return {
        ...common,
        deviceName: d.asset?.machineName ?? `${d.user.displayName}'s PC`,
        sdkVersion: "1.0",
        appId: "com.truu.windows.credentialprovider",
      };
  }
}
