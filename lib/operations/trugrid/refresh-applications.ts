import { domainRefresh } from "./_domain";

export default domainRefresh({
  id: "trugrid.applications.refreshed",
  label: "Refresh applications",
  help: "Asks TruGrid to resync the domain's published applications.",
  send: (c) => c.refreshApplications(),
  accepted: (domain) => `TruGrid accepted an application refresh of ${domain}.`,
});
