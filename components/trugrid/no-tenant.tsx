import { Card, CardDescription, CardTitle } from "@/components/ui/card";

/** Shown instead of a TruGrid section when there is no tenant or no TruGrid domain to act on. */
export function TrugridUnavailable({ reason }: { reason: "tenant" | "connection" }) {
  return reason === "tenant" ? (
    <Card><CardTitle>No tenant</CardTitle><CardDescription>You are not assigned to any tenant. Ask an admin to give you one.</CardDescription></Card>
  ) : (
    <Card><CardTitle>No TruGrid connection</CardTitle><CardDescription>This tenant has no TruGrid connection with a domain name. An admin can add one under Settings → Tenants.</CardDescription></Card>
  );
}
