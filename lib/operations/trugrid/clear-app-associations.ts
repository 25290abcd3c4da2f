import { clearOperation } from "./_clear";

/** Application associations of chosen user groups, or of every group when none is given. */
export default clearOperation<undefined>({
  id: "trugrid.app_association.cleared",
  label: "Clear application associations",
  help: "Clears the application associations of the chosen user groups, or of every group of the domain.",
  groupType: "trugrid_user_group",
  unconfirmed: (domain) => `Type the domain name (${domain}) to clear every group's application associations.`,
  send: (c, groups) => c.clearAppAssociations(groups),
  done: "Application associations cleared",
});
