import type pg from "pg";
import type { Db } from "../db/client";
import type { OpenConnection } from "../vendors/load-connection";
import type { PaceKind, PaceLimit, Pacer } from "../vendors/twingate/pacer";
import type { SyncTarget } from "./target";
import type { TargetWriter } from "./writer";

/** What a vendor's sync gets from the engine (lib/sync/run-sync.ts). */
export interface SyncContext {
  tenantId: string;
  runId: string;
  connection: OpenConnection;
  db: Db;
  pool: pg.Pool;
  signal: AbortSignal;
  /** How many page reads may be in flight at once for vendors that allow parallel paging. */
  concurrency: number;
  /** Shared across workers: the pacing state lives in Postgres, keyed by the vendor credential. */
  pacer: (limits: Record<PaceKind, PaceLimit>) => Pacer;
  /**
   * A writer for one resource. Feed it everything the vendor lists, then call
   * finish() only after a complete read: finish() marks unseen rows deleted,
   * unless told that the read cannot vouch for that (deferDeletions).
   */
  writer<T>(target: SyncTarget<T>): TargetWriter<T>;
  /** Names the resource being read and, when known, how many pages it has. */
  phase(name: string, pagesTotal?: number | null): void;
  /** Counts pages read (progress bar and benchmark figures). */
  pageRead(count?: number): void;
  /**
   * Reports pages that could only be read one after another (a cursor walk):
   * however many requests may be in flight, the run cannot take less than
   * the longest such walk's answers (benchmark figures).
   */
  sequentialPages(count: number): void;
}

/** A vendor's sync: reads every resource of the tenant's account and writes it through ctx.writer(). */
export type VendorSync = (ctx: SyncContext) => Promise<void>;
