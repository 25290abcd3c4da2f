import { jumpcloudGroupExport } from "@/lib/jumpcloud/group-export";
import { pagedExport } from "@/lib/table/paged-export";

export const dynamic = "force-dynamic";

/** Every JumpCloud system group the system groups table's search matches, in its order, with member counts, as CSV. */
export const GET = pagedExport(jumpcloudGroupExport("system_group"));
