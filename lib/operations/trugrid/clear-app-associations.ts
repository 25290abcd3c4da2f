import { clearOperation } from "./_clear";

/** Application associations of chosen user groups, or of every group when none is given. */
export default clearOperation<undefined>({
  id: "trugrid.app_association.cleared",
  label: "Clear application associations",
  help: "Clears the application associations of the chosen user groups, or of every group of the domain.",
  groupType: "trugrid_user_group",
  unconfirmed: (domain) => `Type the domain name (${domain}) to clear every group's application associations.`,
  send: (c, groups) => c.clearAppAssociations(groups),
  // TruGrid has no read of application associations and the console sets none: the event says so rather than guess.
  auditBefore: () => ({ applicationAssociations: null, why: "TruGrid has no call that lists them." }),
  done: "Application associations cleared",
});
