import "server-only";
import type { z } from "zod";
import type { PagedTable } from "../table/paged-export";
import {
  type GroupRow,
  JUMPCLOUD_GROUP_CSV_HEADER,
  JumpcloudGroupSearch,
  jumpcloudGroupCells,
  listGroups,
} from "./queries";

/**
 * The export of the user groups or the system groups table: one audit action for both (as for their other group
 * events), told apart by the target's type.
 */
export function jumpcloudGroupExport(
  kind: "user_group" | "system_group",
): PagedTable<z.output<typeof JumpcloudGroupSearch>, object, GroupRow> {
  return {
    action: "jumpcloud.group.exported",
    vendor: "jumpcloud",
    name: kind === "user_group" ? "jumpcloud-user-groups" : "jumpcloud-system-groups",
    search: JumpcloudGroupSearch,
    filter: () => ({}),
    page: (db, tenantId, state) => listGroups(db, tenantId, kind, state),
    header: JUMPCLOUD_GROUP_CSV_HEADER,
    cells: jumpcloudGroupCells,
  };
}
