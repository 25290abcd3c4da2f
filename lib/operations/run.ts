import "server-only";
import { ActionError } from "../actions/result";
import type { AuditNote } from "../actions/run-action";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import { chunk, firstFew } from "../lists/chunk";
import { clientFor, type Surface } from "../vendors/client-for";
import { inVendorWords } from "../vendors/core/vendor-message";
import type { AnyOperation, Done, OpContext, Sent } from "./operation";
import { itemsOutcome } from "./outcome";
import { distinctTargets } from "./targets";

export interface RunContext {
  db: Db;
  tenantId: string;
  actor: Staff;
  surface: Surface;
  /** The audit event the wrapper writes: filled with what was there before and what the vendor said. */
  note: AuditNote;
}

type Item = Record<string, unknown>;

/** Refusals of items by the cache's knowledge, worded for a toast. */
function refusal(refused: string[]): ActionError {
  const [first] = refused;
  if (refused.length === 1 && first) return new ActionError(first);
  return new ActionError(`${refused.length} items cannot be sent:\n${firstFew(refused).join("\n")}`);
}

/**
 * What a page (or an undo) runs for an operation: the tenant's client, the
 * state before from the cache, the vendor call per chunk, the cache kept in
 * step with what succeeded, and the audit note filled as it goes. A vendor
 * failure part-way keeps what the earlier chunks did: they are in the
 * event's after and in the cache before the failure is reported.
 */
export async function runOperation(op: AnyOperation, items: Item[], run: RunContext): Promise<unknown> {
  const { client, connection } = await clientFor(run.db, run.tenantId, op.vendor, run.surface);
  const ctx: OpContext = { db: run.db, tenantId: run.tenantId, client, connection, surface: run.surface };
  const befores = await op.before(ctx, items);
  const refused = befores.flatMap((b) => ("refused" in b ? [b.refused] : []));
  if (refused.length) throw refusal(refused);
  // The item as the cache spells it when `before` gives it (the sync's ids, so a cache row written after matches).
  const sent: Sent<Item, unknown>[] = items.map((item, i) => {
    const b = befores[i] as { state: unknown; item?: Item };
    return { item: b.item ?? item, state: b.state };
  });
  run.note.vendor = op.vendor;
  // Named again with what the cache knows of each item (a label, a device's user), as the input could not;
  // and once more with what the vendor answered (the id it gave an object it created).
  const answers = new Map<Sent<Item, unknown>, unknown>();
  const name = () =>
    distinctTargets(sent.slice(0, 100).flatMap((s) => op.audit.targets(s.item, s.state, answers.get(s), run.tenantId)));
  run.note.targets = name();
  run.note.before = op.audit.before(sent);
  // What the cache says is already so is not sent when the operation says so; nothing left is a refusal.
  const todo = op.nothingToDo ? sent.filter((_, i) => (befores[i] as { plan?: string }).plan !== "no_change") : sent;
  if (op.nothingToDo && !todo.length) throw new ActionError(op.nothingToDo);
  const done: Done<Item, unknown>[] = [];
  const settle = async () => {
    run.note.targets = name();
    run.note.after = op.audit.after(done);
    const succeeded = done.filter((d) => d.outcome.ok);
    if (succeeded.length) await op.cache?.({ ...ctx, actor: run.actor }, succeeded);
  };
  try {
    for (const part of chunk(todo, op.chunk)) {
      const outcomes = await inVendorWords(() => op.call(ctx, part));
      part.forEach((s, i) => {
        const outcome = outcomes[i] ?? { ok: false, message: "No answer for this item." };
        answers.set(s, outcome.answer);
        done.push({ ...s, outcome });
      });
    }
  } catch (err) {
    if (done.length) await settle();
    throw err;
  }
  await settle();
  const what = typeof op.done === "string" ? op.done : op.done(items);
  const of = op.list?.of;
  const label = (d: Done<Item, unknown>) =>
    op.name ? op.name(d.item) : String(of ? d.item[of] : Object.values(d.item)[0]);
  // Refuses when every item failed (nothing changed), in the vendor's words.
  const outcome = itemsOutcome(
    op.vendor,
    done.map((d) => ({ item: label(d), status: d.outcome.message, ok: d.outcome.ok })),
    what,
  );
  return op.result ? op.result(done) : outcome;
}
