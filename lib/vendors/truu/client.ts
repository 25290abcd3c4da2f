import type { z } from "zod";
import { DEFAULT_RETRY, type FetchLike, type RetryPolicy, readJson, vendorFetch } from "../core/http";
import { VendorError } from "../core/vendor-error";
import type { WalkReport } from "../core/walk-report";
import { collect, itemsOf, pagesOf } from "./paging";
import {
  type Asset,
  AssetsPage,
  type DataUser,
  DataUsersPage,
  DomainUser,
  EnrolledUsersPage,
  type Page,
  SystemDevice,
  SystemDevicesPage,
  type SystemDevice as SystemDeviceT,
  type TruuUser,
} from "./schemas";
import { TokenSource, type TruuCredentials } from "./token";
import { type QueryValues, truuUrl } from "./urls";

export interface TruuClientOptions {
  /** e.g. https://global.platform.truu.ai */
  baseUrl: string;
  credentials: TruuCredentials;
  fetch?: FetchLike;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Most pages fetched at once by the all-pages helpers. */
  concurrency?: number;
  /** Clock for token expiry. */
  now?: () => number;
}

/** Enrolled-users filters: exact, case-insensitive, combined with AND. */
export interface EnrolledUserFilter {
  upn?: string;
  email?: string;
  guid?: string;
  tuid?: string;
}

/** Data-API user filters: values of one field are ORed, fields are ANDed. */
export interface DataUserFilter {
  userPrincipals?: string[];
  emails?: string[];
  guids?: string[];
}

/** Asset filters: values of one field are ORed, fields are ANDed. */
export interface AssetFilter {
  ipAddresses?: string[];
  macAddresses?: string[];
}

export interface WalkOptions {
  concurrency?: number;
  /** Pages read ahead of the caller beyond those in flight (see pagesOf). */
  ahead?: number;
  signal?: AbortSignal;
  /** Told whether the list changed while it was read (see pagesOf). */
  report?: WalkReport;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_CONCURRENCY = 4;

interface CallSpec<S extends z.ZodType | null> {
  operation: string;
  method: "GET" | "DELETE";
  segments: string[];
  query?: QueryValues;
  schema: S;
  idempotent: boolean;
  signal?: AbortSignal;
}

/**
 * TruU's User Management and data APIs: look-ups of enrolled users, devices
 * and workstation assets, and deletion of a user or one device. TruU has no
 * MFA-reset, lock or suspend operation.
 */
export class TruuClient {
  private readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly concurrency: number;
  private readonly tokens: TokenSource;

  constructor(opts: TruuClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, "");
    this.fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
    this.tokens = new TokenSource({
      baseUrl: this.baseUrl,
      credentials: opts.credentials,
      fetch: this.fetch,
      timeoutMs: this.timeoutMs,
      retry: this.retry,
      now: opts.now ?? Date.now,
    });
  }

  // ---- enrolled users -------------------------------------------------

  /** One page (100 users) of enrolled users, including users whose devices were deleted. */
  enrolledUsersPage(filter: EnrolledUserFilter = {}, page = 1, signal?: AbortSignal): Promise<Page<TruuUser>> {
    return this.call({
      operation: "listEnrolledUsers",
      method: "GET",
      segments: ["api", "v1", "system", "enrolled", "users"],
      query: { ...filter, page: pageParam(page) },
      schema: EnrolledUsersPage,
      idempotent: true,
      signal,
    });
  }

  enrolledUserPages(filter: EnrolledUserFilter = {}, opts: WalkOptions = {}): AsyncGenerator<Page<TruuUser>> {
    return this.walk((p, s) => this.enrolledUsersPage(filter, p, s), opts);
  }

  enrolledUsers(filter: EnrolledUserFilter = {}, opts: WalkOptions = {}): AsyncGenerator<TruuUser> {
    return itemsOf(this.enrolledUserPages(filter, opts));
  }

  allEnrolledUsers(filter: EnrolledUserFilter = {}, opts: WalkOptions = {}): Promise<TruuUser[]> {
    return collect(this.enrolledUsers(filter, opts));
  }

  // ---- system devices -------------------------------------------------

  /** One page (25) of devices, each with its user and tenant; lastHeardFrom is epoch ms. */
  devicesPage(page = 1, signal?: AbortSignal): Promise<Page<SystemDeviceT>> {
    return this.call({
      operation: "listDevices",
      method: "GET",
      segments: ["api", "v1", "system", "devices"],
      query: { page: pageParam(page) },
      schema: SystemDevicesPage,
      idempotent: true,
      signal,
    });
  }

  devicePages(opts: WalkOptions = {}): AsyncGenerator<Page<SystemDeviceT>> {
    return this.walk((p, s) => this.devicesPage(p, s), opts);
  }

  devices(opts: WalkOptions = {}): AsyncGenerator<SystemDeviceT> {
    return itemsOf(this.devicePages(opts));
  }

  allDevices(opts: WalkOptions = {}): Promise<SystemDeviceT[]> {
    return collect(this.devices(opts));
  }

  // ---- one user, one device -------------------------------------------

  /** The user with this directory GUID (case-sensitive here, unlike the filters). */
  getDomainUser(guid: string, signal?: AbortSignal): Promise<DomainUser> {
    return this.call({
      operation: "getDomainUser",
      method: "GET",
      segments: ["api", "v1", "system", "domainusers", guid],
      schema: DomainUser,
      idempotent: true,
      signal,
    });
  }

  /** Deletes the user and every device of theirs. Not resent when the outcome is unknown. */
  async deleteDomainUser(guid: string, signal?: AbortSignal): Promise<void> {
    await this.call({
      operation: "deleteDomainUser",
      method: "DELETE",
      segments: ["api", "v1", "system", "domainusers", guid],
      schema: null,
      idempotent: false,
      signal,
    });
  }

  getUserDevice(guid: string, deviceId: string, signal?: AbortSignal): Promise<SystemDeviceT> {
    return this.call({
      operation: "getUserDevice",
      method: "GET",
      segments: ["api", "v1", "system", "domainusers", guid, "devices", deviceId],
      schema: SystemDevice,
      idempotent: true,
      signal,
    });
  }

  /** Deletes one device; TruU answers with the device, now `active: false`. */
  deleteUserDevice(guid: string, deviceId: string, signal?: AbortSignal): Promise<SystemDeviceT> {
    return this.call({
      operation: "deleteUserDevice",
      method: "DELETE",
      segments: ["api", "v1", "system", "domainusers", guid, "devices", deviceId],
      schema: SystemDevice,
      idempotent: false,
      signal,
    });
  }

  // ---- data APIs ------------------------------------------------------

  /** One page (25) of users with their devices; lastHeardFrom is an ISO string here. */
  dataUsersPage(filter: DataUserFilter = {}, page = 1, signal?: AbortSignal): Promise<Page<DataUser>> {
    return this.call({
      operation: "listDataUsers",
      method: "GET",
      segments: ["data", "api", "v1", "users"],
      query: { ...filter, page: pageParam(page) },
      schema: DataUsersPage,
      idempotent: true,
      signal,
    });
  }

  dataUserPages(filter: DataUserFilter = {}, opts: WalkOptions = {}): AsyncGenerator<Page<DataUser>> {
    return this.walk((p, s) => this.dataUsersPage(filter, p, s), opts);
  }

  dataUsers(filter: DataUserFilter = {}, opts: WalkOptions = {}): AsyncGenerator<DataUser> {
    return itemsOf(this.dataUserPages(filter, opts));
  }

  allDataUsers(filter: DataUserFilter = {}, opts: WalkOptions = {}): Promise<DataUser[]> {
    return collect(this.dataUsers(filter, opts));
  }

  /** One page (25) of workstations with hardware, network and the accounts enrolled on them. */
  assetsPage(filter: AssetFilter = {}, page = 1, signal?: AbortSignal): Promise<Page<Asset>> {
    return this.call({
      operation: "listAssets",
      method: "GET",
      segments: ["data", "api", "v1", "assets"],
      query: { ...filter, page: pageParam(page) },
      schema: AssetsPage,
      idempotent: true,
      signal,
    });
  }

  assetPages(filter: AssetFilter = {}, opts: WalkOptions = {}): AsyncGenerator<Page<Asset>> {
    return this.walk((p, s) => this.assetsPage(filter, p, s), opts);
  }

  assets(filter: AssetFilter = {}, opts: WalkOptions = {}): AsyncGenerator<Asset> {
    return itemsOf(this.assetPages(filter, opts));
  }

  allAssets(filter: AssetFilter = {}, opts: WalkOptions = {}): Promise<Asset[]> {
    return collect(this.assets(filter, opts));
  }

  // ---- plumbing -------------------------------------------------------

  private walk<T>(
    fetchPage: (page: number, signal: AbortSignal) => Promise<Page<T>>,
    opts: WalkOptions,
  ): AsyncGenerator<Page<T>> {
    return pagesOf(fetchPage, {
      concurrency: opts.concurrency ?? this.concurrency,
      ahead: opts.ahead,
      signal: opts.signal,
      report: opts.report,
    });
  }

  private call<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>>;
  private call(spec: CallSpec<null>): Promise<null>;
  private async call(spec: CallSpec<z.ZodType | null>): Promise<unknown> {
    const url = truuUrl(this.baseUrl, spec.segments, spec.query);
    // A refused token (expired early, revoked) is replaced once; the request
    // was refused before anything happened, so resending even a DELETE is safe.
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get();
      let res: Response;
      try {
        res = await vendorFetch({
          vendor: "truu",
          operation: spec.operation,
          url,
          init: { method: spec.method, headers: { authorization: `Bearer ${token}`, accept: "application/json" } },
          fetch: this.fetch,
          timeoutMs: this.timeoutMs,
          retry: this.retry,
          idempotent: spec.idempotent,
          signal: spec.signal,
        });
      } catch (err) {
        if (err instanceof VendorError && err.status === 401 && attempt === 0) {
          this.tokens.invalidate(token);
          continue;
        }
        throw err;
      }
      if (spec.schema === null) {
        await res.body?.cancel();
        return null;
      }
      return readJson(res, spec.schema, "truu", spec.operation);
    }
  }
}

function pageParam(page: number): string | undefined {
  // Page 1 is TruU's default; leaving it out keeps the first request identical to TruU's own examples.
  return page === 1 ? undefined : String(page);
}
