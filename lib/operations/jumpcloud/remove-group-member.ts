import { membershipChange } from "./_membership";

/** A member JumpCloud no longer has is refused (404) on the page and in a sheet; offboarding counts it done. */
export default membershipChange({
  add: false,
  id: "jumpcloud.group.member_removed",
  label: "Remove users or systems from groups",
  help:
    "Removes each user from the named user group, or each system from the named system group; they lose what the " +
    "group gave them (systems, applications, policies). Those who are not members are left as they are.",
  formerBulkId: "jumpcloud.group_remove",
  inverse: { op: "jumpcloud.group.member_added", label: "Add back to group" },
});
