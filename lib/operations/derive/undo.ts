import "server-only";
import type { InverseMap } from "../../undo/inverse";
import { operationById } from "../catalogue";
import { actionInputOf } from "../items";
import type { AnyOperation } from "../operation";
import { actionOf } from "./action";

/**
 * The undo registry's entries for operations that declare an inverse: the
 * inverse operation's server action, called with the items the event
 * recorded, so an undo is authorised, validated and audited like any call.
 */
export function inversesOf(ops: readonly AnyOperation[]): InverseMap {
  return Object.fromEntries(
    ops.flatMap((op) => {
      const inverse = op.inverse;
      if (!inverse) return [];
      const target = operationById(inverse.op);
      if (!target) throw new Error(`${op.id}: its inverse ${inverse.op} is not in the catalogue.`);
      const plan: InverseMap[string]["plan"] = (e) => {
        const items = e.tenantId ? inverse.items(e) : null;
        if (!items?.length || !e.tenantId) return null;
        return { run: actionOf(target), input: actionInputOf(target, e.tenantId, items) };
      };
      return [[op.id, { label: inverse.label, plan }]];
    }),
  );
}
