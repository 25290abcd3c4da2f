import { onOffChange } from "./_user-state";

export default onOffChange({
  id: "trugrid.udp.enabled",
  label: "Turn RDP over UDP on",
  help: "Lets each user's RDP sessions use UDP transport.",
  formerBulkId: "trugrid.udp_on",
  field: "udp",
  to: "on",
  change: { udpOn: true },
  send: (c, upns) => c.enableUdp(upns),
  inverse: { op: "trugrid.udp.disabled", label: "Turn UDP back off" },
  done: "RDP over UDP turned on",
});
