import { AdName, adSync } from "./_ad-sync";
import { knownAs } from "./_assignments";

export default adSync({
  id: "trugrid.ad.machine_groups_synced",
  label: "Sync machine groups added in AD",
  help: "Takes machine groups newly added in Active Directory into TruGrid, by name.",
  name: AdName,
  empty: "Enter at least one name.",
  target: (n) => ({ type: "trugrid_machine_group", id: n }),
  send: (c, names) => c.syncAddedAdMachineGroups(names),
  known: knownAs("machine_group"),
  done: "Machine groups synced from AD",
});
