"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Select } from "@/components/ui/select";
import { switchTenant } from "@/lib/tenants/switch-tenant";

export function TenantSwitcher({
  tenants,
  current,
}: {
  tenants: { id: string; name: string; isDemo: boolean }[];
  current: string | null;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  if (tenants.length === 0) return <span className="text-sm text-muted-foreground">No tenants assigned</span>;
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the Select inside, a native <select>
    <label className="flex items-center gap-2 text-sm">
      <span className="text-muted-foreground">Tenant</span>
      <Select
        aria-label="Current tenant"
        className="w-56"
        value={current ?? ""}
        disabled={pending}
        onChange={(e) =>
          start(async () => {
            const res = await switchTenant({ tenantId: e.target.value });
            if (!res.ok) toast.error(res.error);
            router.refresh();
          })
        }
      >
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
            {t.isDemo ? " (demo)" : ""}
          </option>
        ))}
      </Select>
    </label>
  );
}
