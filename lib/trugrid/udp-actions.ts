"use server";
import { actionOf } from "../operations/derive/action";
import disableUdpOp from "../operations/trugrid/disable-udp";
import enableUdpOp from "../operations/trugrid/enable-udp";
import setDomainUdpOp from "../operations/trugrid/set-domain-udp";

type Users = { tenantId: string; upns: string[]; undoOf?: string };

export const enableUdp = actionOf<Users>(enableUdpOp);
export const disableUdp = actionOf<Users>(disableUdpOp);

/**
 * Every user of the domain, the domain name typed to confirm (checked
 * there too); defined in lib/operations/trugrid/set-domain-udp.ts.
 */
export const setDomainUdp = actionOf<{ tenantId: string; on: boolean; confirm: string }, { message: string }>(
  setDomainUdpOp,
);
