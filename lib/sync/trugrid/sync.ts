import { clientsFor } from "../../vendors/clients";
import type { RetryPolicy } from "../../vendors/core/http";
import { VendorError } from "../../vendors/core/vendor-error";
import type { MachineAssociation, TruGridClient } from "../../vendors/trugrid";
import type { SyncContext, VendorSync } from "../context";
import { nodeFetch } from "../node-fetch";
import type { TargetWriter } from "../writer";
import { inParallel } from "./in-parallel";
import { allowedIpTarget, externalDnsTarget, machineAssociationTarget, userTarget } from "./targets";

// Every read is an idempotent GET, so a sync can afford more patience than a
// console action: more attempts ride out a 429 burst or a run of 5xx answers.
const RETRY: RetryPolicy = { retries: 6, minDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 65_000 };
const TIMEOUT_MS = 30_000;

function checkAborted(signal: AbortSignal) {
  if (signal.aborted) throw signal.reason ?? new Error("The sync was cancelled.");
}

/**
 * A user listed a moment ago may be gone by the time their associations are
 * asked for; TruGrid then answers 400 "User … not found". That user has no
 * associations left, which is what the cache should say.
 */
async function associationsOf(client: TruGridClient, upn: string): Promise<MachineAssociation[]> {
  try {
    return await client.getMachineAssociations({ userUpn: upn });
  } catch (err) {
    if (
      err instanceof VendorError &&
      err.status === 400 &&
      /not found/i.test(err.vendorMessage) &&
      err.vendorMessage.includes(upn)
    )
      return [];
    throw err;
  }
}

/** One request that returns the whole resource. */
async function readWhole<T>(ctx: SyncContext, writer: TargetWriter<T>, read: () => Promise<T[]>): Promise<T[]> {
  checkAborted(ctx.signal);
  const items = await read();
  ctx.pageRead();
  await writer.write(items);
  return items;
}

/**
 * Reads users (with their logon IPs), the IP allow-list and external DNS in
 * parallel, then every user's machine associations with ctx.concurrency
 * requests in flight: TruGrid has no list of machine groups to read them by
 * group, and publishes no rate limit. A writer is finished only once its
 * resource has been read completely (users as soon as their one answer is
 * written, the rest at the end), so a failed read marks nothing deleted.
 */
export const trugridSync: VendorSync = async (ctx) => {
  const client = clientsFor.trugrid(ctx.connection, { timeoutMs: TIMEOUT_MS, retry: RETRY, fetch: nodeFetch });
  const users = ctx.writer(userTarget);
  const allowedIps = ctx.writer(allowedIpTarget);
  const externalDns = ctx.writer(externalDnsTarget);
  const associations = ctx.writer(machineAssociationTarget);

  ctx.phase("users, allowed IPs, external DNS", 3);
  // Only the UPNs are kept for the association phase: the listed users with their logon IPs are written already.
  // The user list is whole in one answer: finished now, people are linked while associations are read.
  const [upns] = await Promise.all([
    readWhole(ctx, users, () => client.getUserLogonIp()).then(async (listed) => {
      await users.finish();
      return listed.map((u) => u.upn);
    }),
    readWhole(ctx, allowedIps, () => client.ipWhitelist()),
    readWhole(ctx, externalDns, () => client.externalResources()),
  ]);

  ctx.phase("machine associations", upns.length);
  await inParallel(upns, ctx.concurrency, ctx.signal, async (upn) => {
    const rows = await associationsOf(client, upn);
    ctx.pageRead();
    await associations.write(rows);
  });

  checkAborted(ctx.signal);
  for (const writer of [users, allowedIps, externalDns, associations]) await writer.finish();
};
