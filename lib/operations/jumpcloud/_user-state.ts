import type { AuditAction } from "../../audit/event-types";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { SystemUser } from "../../vendors/jumpcloud/schemas";
import type { OperationDef } from "../operation";
import {
  changeUser,
  EMAIL_COLUMN,
  EmailRow,
  emailKey,
  knownEmails,
  oneUser,
  type UserItem,
  UserItem as UserItemSchema,
  type UserState,
  userAudit,
  userOfRow,
  userWhoWas,
} from "./_user";

type JcState = "SUSPENDED" | "ACTIVATED";

/**
 * Suspend (SUSPENDED) or reactivate (ACTIVATED) one user: a state change,
 * safe to send twice. Its undo is the other one, for a user who was in the
 * other state before.
 */
export function stateChange(o: {
  id: AuditAction;
  label: string;
  help: string;
  formerBulkId: string;
  to: JcState;
  from: JcState;
  /** Refuses a sheet's row for a user in this state (JumpCloud would), and why. */
  refuse?: (u: UserState, email: string) => string | null;
  inverse: { op: AuditAction; label: string };
}): OperationDef<UserItem, UserState | null, SystemUser> {
  return {
    ...oneUser,
    id: o.id,
    label: o.label,
    help: o.help,
    risk: "reversible",
    idempotent: true,
    input: UserItemSchema,
    expect: (_i, s) => ({ ...s, state: o.to, suspended: o.to === "SUSPENDED" }),
    call: (ctx, [s]) =>
      s
        ? changeUser(ctx, s, {
            idempotent: true,
            send: (c, i) => c.updateUser(i.userId, { state: o.to }),
            said: (name) => `JumpCloud: ${name} is ${o.to}.`,
          })
        : Promise.resolve([]),
    verify: async (ctx, { item }) => (await (ctx.client as JumpCloudClient).getUser(item.userId)).state === o.to,
    inverse: { ...o.inverse, items: userWhoWas(o.from) },
    audit: userAudit,
    csv: {
      row: EmailRow,
      columns: [EMAIL_COLUMN],
      key: emailKey,
      check: knownEmails((u, email) => {
        if (u.state === o.to) return "no_change";
        const refused = o.refuse?.(u, email);
        return refused ? { refused } : "update";
      }),
      toItem: userOfRow,
    },
    formerBulkId: o.formerBulkId,
    done: o.to === "SUSPENDED" ? "Suspended" : "Reactivated",
  };
}
