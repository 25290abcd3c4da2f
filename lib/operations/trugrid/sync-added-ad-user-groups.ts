import { AdName, adSync } from "./_ad-sync";

export default adSync({
  id: "trugrid.ad.user_groups_synced",
  label: "Sync user groups added in AD",
  help: "Takes user groups newly added in Active Directory into TruGrid, by name.",
  name: AdName,
  empty: "Enter at least one name.",
  target: (n) => ({ type: "trugrid_user_group", id: n }),
  send: (c, names) => c.syncAddedAdUserGroups(names),
  done: "User groups synced from AD",
});
