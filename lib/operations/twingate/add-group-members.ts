import { operation } from "../operation";
import { membershipChange } from "./_group-members";

/** Adding people to a group is everyday helpdesk work: operators. */
export default operation(
  membershipChange({
    add: true,
    id: "twingate.group.members_added",
    label: "Add users to groups",
    help: "Adds each user to the named group, giving them the group's resources.",
    nothingToDo: "Everyone chosen is already a member of this group.",
    formerBulkId: "twingate.group_add",
    inverse: { op: "twingate.group.members_removed", label: "Remove them again" },
  }),
);
