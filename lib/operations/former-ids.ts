import { OPERATIONS } from "./catalogue";

// Before each operation had one id, its sheet had an id of its own (`trugrid.mfa_off` for
// `trugrid.mfa.turned_off`). Stored jobs were migrated (prisma/migrations/…_bulk_operation_ids); a bookmarked
// template link or a script that still names a sheet by its former id keeps working through this map.
const FORMER_IDS = new Map<string, string>([
  ...OPERATIONS.flatMap((op) => (op.formerBulkId ? [[op.formerBulkId, op.id] as const] : [])),
  // The offboarding runbook's own group-removal step, which is now the operation's sheet.
  ["offboarding.jumpcloud_group_remove", "jumpcloud.group.member_removed"],
]);

/** The id an operation has now, given its id or the id its sheet had before. */
export function currentOperationId(id: string): string {
  return FORMER_IDS.get(id) ?? id;
}
