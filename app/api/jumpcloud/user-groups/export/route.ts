import { jumpcloudGroupExport } from "@/lib/jumpcloud/group-export";
import { pagedExport } from "@/lib/table/paged-export";

export const dynamic = "force-dynamic";

/** Every JumpCloud user group the user groups table's search matches, in its order, with member counts, as CSV. */
export const GET = pagedExport(jumpcloudGroupExport("user_group"));
