/** Ids to names for the small kinds, for showing references (policies, networks) by name. */
export function namesById(objects: { vendorId: string; name: string }[]): Record<string, string> {
  return Object.fromEntries(objects.map((o) => [o.vendorId, o.name]));
}
