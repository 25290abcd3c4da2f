import { onOffChange } from "./_user-state";

export default onOffChange({
  id: "trugrid.udp.disabled",
  label: "Turn RDP over UDP off",
  help: "Makes each user's RDP sessions use TCP only.",
  formerBulkId: "trugrid.udp_off",
  field: "udp",
  to: "off",
  change: { udpOn: false },
  send: (c, upns) => c.disableUdp(upns),
  inverse: { op: "trugrid.udp.enabled", label: "Turn UDP back on" },
  done: "RDP over UDP turned off",
});
