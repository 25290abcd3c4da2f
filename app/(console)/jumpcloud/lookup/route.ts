import { NextResponse, type NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { lookup, type LookupKind } from "@/lib/jumpcloud/queries";
import { currentTenant } from "@/lib/tenants/scope";

const KINDS: LookupKind[] = ["user", "system", "user_group", "system_group"];

/** Suggestions for the add-member and add-association pickers, from the current tenant's cache. */
export async function GET(req: NextRequest) {
  const staff = await currentStaff();
  if (!staff) return NextResponse.json({ error: "Sign in." }, { status: 401 });
  const tenant = await currentTenant(staff);
  const kind = req.nextUrl.searchParams.get("kind") as LookupKind;
  if (!tenant || !KINDS.includes(kind)) return NextResponse.json({ error: "Not found." }, { status: 404 });
  const q = (req.nextUrl.searchParams.get("q") ?? "").trim().slice(0, 100);
  return NextResponse.json(await lookup(db(), tenant.id, kind, q));
}
