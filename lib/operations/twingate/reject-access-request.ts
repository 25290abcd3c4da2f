import { settleRequest } from "./_access-request";

export default settleRequest({
  approve: false,
  id: "twingate.access_request.rejected",
  label: "Reject an access request",
  help: "Refuses the user's request; they can ask again.",
  irreversible: "Twingate keeps no settled request: the user asks again.",
});
