import type { BulkOperation, PlannedRow } from "../../bulk/operation";
import type { Db } from "../../db/client";
import { clientOf } from "../../vendors/client-for";
import { VENDOR_LABEL } from "../../vendors/connection-fields";
import type { OpenConnection } from "../../vendors/load-connection";
import type { AnyOperation, Before, Checked, OpContext } from "../operation";

type Row = Record<string, unknown>;

const made = new WeakMap<AnyOperation, BulkOperation<Row>>();

const workerContext = (db: Db, tenantId: string, connection: OpenConnection): OpContext => ({
  db,
  tenantId,
  connection,
  client: clientOf(db, connection, "worker"),
  surface: "worker",
});

/** Each row's plan: refused by the CSV check, else what the cache knew before and what it will be after. */
async function planRows(op: AnyOperation, db: Db, tenantId: string, rows: Row[]): Promise<PlannedRow[]> {
  const checked: Checked<unknown>[] = op.csv?.check ? await op.csv.check({ db, tenantId }, rows) : rows.map(() => ({}));
  const open = (c: Checked<unknown> | undefined) => c !== undefined && c.refused === undefined;
  const needBefore = rows.filter((_, i) => open(checked[i]) && checked[i]?.state === undefined);
  const befores: Before<unknown>[] = needBefore.length ? await op.before({ db, tenantId }, needBefore) : [];
  let next = 0;
  return rows.map((item, i): PlannedRow => {
    const c = checked[i] ?? {};
    if (c.refused !== undefined) return { plan: "error", error: c.refused };
    const b: Before<unknown> | undefined = c.state === undefined ? befores[next++] : { state: c.state, plan: c.plan };
    if (!b) return { plan: "error", error: "No state for this row." };
    if ("refused" in b) return { plan: "error", error: b.refused };
    const after = c.after !== undefined ? c.after : op.expect(itemOf(op, item, b.state), b.state);
    return { plan: b.plan ?? "update", before: b.state, after };
  });
}

/** The item a sheet's row sends: the row itself, or what the operation makes of it and its planned state. */
const itemOf = (op: AnyOperation, row: Row, state: unknown): Row => (op.csv?.toItem ? op.csv.toItem(row, state) : row);

/**
 * The bulk CSV surface of an operation, for the planner and the applier
 * (lib/bulk): its columns and row schema, the plan from the cache, the call
 * in vendor-sized chunks with a worker's patience, the in-doubt check, the
 * cache update, and each row audited in the shape the page's action records,
 * so the same undo reverses a row.
 */
export function toBulkOperation(op: AnyOperation): BulkOperation<Row> {
  const known = made.get(op);
  if (known) return known;
  const csv = op.csv;
  if (!csv) throw new Error(`${op.id} has no CSV surface.`);
  const label = `${VENDOR_LABEL[op.vendor]}: ${op.label.charAt(0).toLowerCase()}${op.label.slice(1)}`;
  const verify = op.verify;
  const cache = op.cache;
  const bulk: BulkOperation<Row> = {
    id: op.id,
    vendor: op.vendor,
    label,
    description: op.help,
    destructive: op.risk === "destructive" || op.risk === "irreversible",
    repeatable: op.idempotent,
    perm: op.perm,
    columns: [...csv.columns],
    row: csv.row as BulkOperation<Row>["row"],
    key: csv.key,
    chunkSize: op.chunk,
    plan: (db, tenantId, rows) => planRows(op, db, tenantId, rows),
    apply: async (ctx, rows, plans) => {
      const sent = rows.map((row, i) => ({ item: itemOf(op, row, plans[i]?.before), state: plans[i]?.before }));
      const outcomes = await op.call(workerContext(ctx.db, ctx.tenantId, ctx.connection), sent);
      // What the vendor answered is what the row became: the audit's values see it as the plan's after.
      return outcomes.map(({ answer, ...o }) => (answer === undefined ? o : { ...o, after: answer }));
    },
    check:
      verify &&
      ((ctx, row, plan) =>
        verify(workerContext(ctx.db, ctx.tenantId, ctx.connection), {
          item: itemOf(op, row, plan.before),
          state: plan.before,
        })),
    afterSuccess:
      cache &&
      ((db, tenantId, rows, actor, done) =>
        cache(
          { db, tenantId, actor },
          rows.map((row, i) => {
            const d = done[i];
            const outcome = { ok: true, message: d?.message ?? "", answer: d?.after };
            return { item: itemOf(op, row, d?.plan.before), state: d?.plan.before ?? null, outcome };
          }),
        )),
    audit: {
      action: op.id,
      // The plan's after is the vendor's answer when it gave one (a created object's id names the target).
      target: (row, plan) => op.audit.targets(itemOf(op, row, plan.before), plan.before, plan.after),
      // A succeeded row's `after` is the vendor's answer when it gave one, else the plan's; the audit reads it so.
      values: (row, plan, outcome) => {
        const sent = { item: itemOf(op, row, plan.before), state: plan.before };
        const ok = outcome.status === "succeeded";
        const done = { ...sent, outcome: { ok, message: outcome.message, ...(ok ? { answer: plan.after } : {}) } };
        return { before: op.audit.before([sent]), after: op.audit.after([done]) };
      },
      irreversible: op.irreversible,
    },
  };
  made.set(op, bulk);
  return bulk;
}
