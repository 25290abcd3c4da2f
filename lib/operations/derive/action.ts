import "server-only";
import { action } from "../../actions/action";
import type { Result } from "../../actions/result";
import type { Db } from "../../db/client";
import { actionSchema, itemsOf } from "../items";
import type { AnyOperation } from "../operation";
import type { ItemsOutcome } from "../outcome";
import { runOperation } from "../run";
import { distinctTargets } from "../targets";

type ServerAction = (input: never) => Promise<Result<unknown>>;

const made = new WeakMap<AnyOperation, ServerAction>();

/**
 * The server action of an operation, through the one action wrapper
 * (permission, input, tenant scope, audit). The same function every time it
 * is asked for, so that a vendor's exports and the undo registry hold one.
 */
export function actionOf<In, Out = ItemsOutcome>(op: AnyOperation): (input: In | FormData) => Promise<Result<Out>> {
  const known = made.get(op);
  if (known) return known as (input: In | FormData) => Promise<Result<Out>>;
  const fn = action(
    {
      name: op.id,
      perm: op.perm,
      mode: "external",
      input: actionSchema(op),
      tenant: (i) => String(i.tenantId),
      permFor: op.permFor && ((i) => op.permFor?.(itemsOf(op, i)) ?? null),
      describe: (i) => ({
        vendor: op.vendor,
        targets: distinctTargets(
          itemsOf(op, i)
            .slice(0, 100)
            .flatMap((item) => op.audit.targets(item, undefined, undefined, String(i.tenantId))),
        ),
      }),
    },
    (input, ctx) =>
      runOperation(op, itemsOf(op, input), {
        db: ctx.db as Db,
        tenantId: String(ctx.tenantId),
        actor: ctx.staff,
        surface: "interactive",
        note: ctx.audit,
      }),
  );
  made.set(op, fn as ServerAction);
  return fn as unknown as (input: In | FormData) => Promise<Result<Out>>;
}
