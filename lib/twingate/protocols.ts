import { z } from "zod";
import type { ProtocolsInput } from "../vendors/twingate/inputs";

/** "22, 80, 8000-8100" → port ranges; throws on anything else. */
export function parsePorts(text: string): { start: number; end: number }[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
      if (!m) throw new Error(`"${part}" is not a port or a range like 8000-8100.`);
      return { start: Number(m[1]), end: Number(m[2] ?? m[1]) };
    });
}

export function formatPorts(ports: { start: number; end: number }[]): string {
  return ports.map((p) => (p.start === p.end ? String(p.start) : `${p.start}-${p.end}`)).join(", ");
}

const bool = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** The protocol fields of the resource form, as flat form values. */
export const ProtocolFields = z.object({
  allowIcmp: bool,
  tcpPolicy: z.enum(["ALLOW_ALL", "RESTRICTED"]).default("ALLOW_ALL"),
  tcpPorts: z.string().max(500).default(""),
  udpPolicy: z.enum(["ALLOW_ALL", "RESTRICTED"]).default("ALLOW_ALL"),
  udpPorts: z.string().max(500).default(""),
});

export function protocolsOf(f: z.output<typeof ProtocolFields>): ProtocolsInput {
  return {
    allowIcmp: f.allowIcmp,
    tcp: { policy: f.tcpPolicy, ports: f.tcpPolicy === "RESTRICTED" ? parsePorts(f.tcpPorts) : [] },
    udp: { policy: f.udpPolicy, ports: f.udpPolicy === "RESTRICTED" ? parsePorts(f.udpPorts) : [] },
  };
}
