import { domainRefresh } from "./_domain";

export default domainRefresh({
  id: "trugrid.ad.refreshed",
  label: "Refresh Active Directory",
  help: "Asks TruGrid to resync the domain's users and machines from Active Directory.",
  send: (c) => c.refreshActiveDirectory(),
  accepted: (domain) =>
    `TruGrid accepted an Active Directory refresh of ${domain}. New users appear here after the next TruGrid sync.`,
});
