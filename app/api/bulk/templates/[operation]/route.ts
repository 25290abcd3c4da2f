import { z } from "zod";
import { bulkOperation, bulkRunbook, templateCsv } from "@/lib/bulk/catalogue";
import { pathId } from "@/lib/params/fields";
import { route } from "@/lib/routes/route";

/** The CSV template of one operation: its columns and an example row. The catalogue is the same for every tenant. */
export const GET = route(
  {
    name: "bulk.template_downloaded",
    perm: "console.read",
    params: z.object({ operation: pathId(100) }),
    tenant: "global",
  },
  async ({ params }, { found }) => {
    const op = found(
      bulkOperation(params.operation) ?? bulkRunbook(params.operation),
      { type: "bulk_operation", id: params.operation },
      "is not in the catalogue",
    );
    return new Response(templateCsv(op as never), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${op.id.replace(/\W+/g, "-")}-template.csv"`,
      },
    });
  },
);
