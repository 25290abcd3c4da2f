import { AdName, adSync } from "./_ad-sync";
import { knownAs } from "./_assignments";

export default adSync({
  id: "trugrid.ad.machines_synced",
  label: "Sync machines added in AD",
  help: "Takes machines newly added in Active Directory into TruGrid, by name.",
  name: AdName,
  empty: "Enter at least one name.",
  target: (n) => ({ type: "trugrid_machine", id: n }),
  send: (c, names) => c.syncAddedAdMachines(names),
  known: knownAs("machine"),
  done: "Machines synced from AD",
});
