import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

export function NoTenant({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card><CardTitle>No tenant</CardTitle><CardDescription>You are not assigned to any tenant. Ask an admin to give you one.</CardDescription></Card>
    </>
  );
}
