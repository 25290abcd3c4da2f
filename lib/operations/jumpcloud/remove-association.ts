import { associationChange } from "./_association";

/** Only a direct binding: access through a group is the group's. */
export default associationChange({
  add: false,
  id: "jumpcloud.association.removed",
  label: "Remove users from systems",
  help:
    "Removes each user's (or user group's) direct association with the named system: JumpCloud takes that access " +
    "away. Access through another group is not touched; those not directly associated are left as they are.",
  formerBulkId: "jumpcloud.system_remove",
  inverse: { op: "jumpcloud.association.added", label: "Associate again" },
});
