import { associationChange } from "./_association";

/** A sheet binds users to systems; the pages bind user groups and system groups too. */
export default associationChange({
  add: true,
  id: "jumpcloud.association.added",
  label: "Associate users with systems",
  help:
    "Associates each user, or each user group, directly with the named system (hostname, display name or ID): " +
    "JumpCloud creates the accounts on it. Those already associated are left as they are.",
  formerBulkId: "jumpcloud.system_add",
  inverse: { op: "jumpcloud.association.removed", label: "Remove association" },
});
