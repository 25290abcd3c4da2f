import type { z } from "zod";
import type { AuditAction } from "../../audit/event-types";
import type { ColumnSpec } from "../../bulk/headers";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { SystemUser } from "../../vendors/jumpcloud/schemas";
import type { Done, OperationDef, PlanKind } from "../operation";
import {
  changeUser,
  emailKey,
  knownEmails,
  oneUser,
  type UserItem,
  type UserState,
  userAudit,
  userOfRow,
} from "./_user";

/**
 * An account security change of one user (unlock, expire the password, reset
 * TOTP): JumpCloud has no opposite call, so no undo. Audited as the user page
 * records it: the snapshot before, the user re-read from JumpCloud after.
 */
export function securityChange<I extends UserItem, R extends { email: string }>(o: {
  id: AuditAction;
  label: string;
  help: string;
  formerBulkId: string;
  input: z.ZodObject;
  /** A state change (unlock, expire) is safe to send twice; a reset is not: a resend would reset again. */
  idempotent: boolean;
  /** A sheet's row, and the item it sends (with the user's id its plan found). */
  row: z.ZodType<R>;
  columns: ColumnSpec[];
  toItem?: (row: R, state: UserState) => I;
  /** Already so, per the cache: planned as no change (the page always sends). */
  already?: (u: UserState) => boolean;
  expect: (item: I, state: UserState | null) => Record<string, unknown>;
  send: (c: JumpCloudClient, item: I) => Promise<unknown>;
  said: (name: string, item: I) => string;
  /** What the event's after holds beyond the snapshot, from the user as JumpCloud answered. */
  afterMore?: (u: SystemUser | undefined) => Record<string, unknown>;
  irreversible: string;
  verify?: OperationDef<I, UserState | null, SystemUser>["verify"];
  done: string;
  result?: OperationDef<I, UserState | null, SystemUser>["result"];
}): OperationDef<I, UserState | null, SystemUser> {
  const after = (done: Done<I, UserState | null, SystemUser>[]) => {
    const snapshot = userAudit.after(done);
    return snapshot && o.afterMore ? { ...snapshot, ...o.afterMore(done[0]?.outcome.answer) } : snapshot;
  };
  return {
    ...oneUser,
    id: o.id,
    label: o.label,
    help: o.help,
    risk: "irreversible",
    idempotent: o.idempotent,
    input: o.input,
    expect: (i, s) => ({ ...s, ...o.expect(i, s) }),
    call: (ctx, [s]) =>
      s
        ? changeUser(ctx, s, { idempotent: o.idempotent, send: o.send, said: (name) => o.said(name, s.item) })
        : Promise.resolve([]),
    verify: o.verify,
    irreversible: o.irreversible,
    audit: { targets: userAudit.targets, before: userAudit.before, after },
    csv: {
      row: o.row,
      columns: o.columns,
      key: emailKey,
      check: knownEmails((u): PlanKind => (o.already?.(u) ? "no_change" : "update")),
      toItem: (row: R, state: UserState | null) =>
        o.toItem && state ? o.toItem(row, state) : (userOfRow(row, state) as I),
    },
    formerBulkId: o.formerBulkId,
    done: o.done,
    result: o.result ?? oneUser.result,
  };
}
