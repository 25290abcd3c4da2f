import { operation } from "../operation";
import { membershipChange } from "./_group-members";

export default operation(
  membershipChange({
    add: false,
    id: "twingate.group.members_removed",
    label: "Remove users from groups",
    help: "Removes each user from the named group; they lose the resources it gave them.",
    nothingToDo: "No one chosen is a member of this group.",
    formerBulkId: "twingate.group_remove",
    inverse: { op: "twingate.group.members_added", label: "Add them back" },
  }),
);
