import { membershipChange } from "./_membership";

export default membershipChange({
  add: true,
  id: "jumpcloud.group.member_added",
  label: "Add users or systems to groups",
  help:
    "Adds each user to the named user group, giving them the systems, applications and policies bound to it, or " +
    "each system to the named system group, giving it the group's policies and commands. Existing members are " +
    "left as they are.",
  formerBulkId: "jumpcloud.group_add",
  inverse: { op: "jumpcloud.group.member_removed", label: "Remove from group" },
});
