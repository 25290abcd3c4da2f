import { Select } from "@/components/ui/select";
import { ROLES, type Role } from "@/lib/auth/permissions";

const ROLE_HINT = {
  viewer: "reads everything in its tenants",
  operator: "also makes user-level changes",
  admin: "also domain-wide changes, staff and tenants",
};

/** `roles`: the ones the signed-in admin may give (the server refuses others all the same). */
export function RoleSelect({
  id,
  defaultValue,
  disabled,
  roles = ROLES,
}: {
  id: string;
  defaultValue?: string;
  disabled?: boolean;
  roles?: readonly Role[];
}) {
  return (
    <Select id={id} name="role" defaultValue={defaultValue ?? "viewer"} disabled={disabled}>
      {ROLES.filter((r) => roles.includes(r) || r === defaultValue).map((r) => (
        <option key={r} value={r}>
          {r} — {ROLE_HINT[r]}
        </option>
      ))}
    </Select>
  );
}
