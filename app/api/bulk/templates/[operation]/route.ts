import { can } from "@/lib/auth/permissions";
import { currentStaff } from "@/lib/auth/session";
import { bulkOperation, bulkRunbook, templateCsv } from "@/lib/bulk/catalogue";

/** The CSV template of one operation: its columns and an example row. */
export async function GET(_request: Request, { params }: { params: Promise<{ operation: string }> }) {
  const staff = await currentStaff();
  if (!staff) return Response.json({ error: "not signed in" }, { status: 401 });
  if (!can(staff.role, "console.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const id = (await params).operation;
  const op = bulkOperation(id) ?? bulkRunbook(id);
  if (!op) return Response.json({ error: "not found" }, { status: 404 });
  return new Response(templateCsv(op as never), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${op.id.replace(/\W+/g, "-")}-template.csv"` },
  });
}
