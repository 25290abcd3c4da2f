export function TenantCheckboxes({
  idPrefix,
  tenants,
  checked,
}: {
  idPrefix: string;
  tenants: { id: string; name: string }[];
  checked: string[];
}) {
  return (
    <fieldset className="grid gap-1">
      <legend className="mb-1 text-sm font-medium">Tenants</legend>
      {tenants.map((t) => (
        <label key={t.id} htmlFor={`${idPrefix}-${t.id}`} className="flex items-center gap-2 text-sm">
          <input
            id={`${idPrefix}-${t.id}`}
            type="checkbox"
            name="tenantIds[]"
            value={t.id}
            defaultChecked={checked.includes(t.id)}
          />
          {t.name}
        </label>
      ))}
    </fieldset>
  );
}
