import { Select } from "@/components/ui/select";
import { ROLES } from "@/lib/auth/permissions";

const ROLE_HINT = { viewer: "reads everything in its tenants", operator: "also makes user-level changes", admin: "also domain-wide changes, staff and tenants" };

export function RoleSelect({ id, defaultValue, disabled }: { id: string; defaultValue?: string; disabled?: boolean }) {
  return (
    <Select id={id} name="role" defaultValue={defaultValue ?? "viewer"} disabled={disabled}>
      {ROLES.map((r) => <option key={r} value={r}>{r} — {ROLE_HINT[r]}</option>)}
    </Select>
  );
}
