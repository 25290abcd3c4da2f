import { settleRequest } from "./_access-request";

export default settleRequest({
  approve: true,
  id: "twingate.access_request.approved",
  label: "Approve an access request",
  help: "Lets the user reach the resource they asked for, as the resource's access policy says (often for a while).",
  irreversible: "Twingate keeps no settled request; the access it gave is taken away on the resource's page.",
});
