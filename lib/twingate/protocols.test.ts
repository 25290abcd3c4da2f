import { describe, expect, it } from "vitest";
import { formatPorts, parsePorts, protocolsOf } from "./protocols";

describe("ports", () => {
  it("reads single ports and ranges and writes them back", () => {
    const ports = parsePorts("22, 80 8000-8100");
    expect(ports).toEqual([
      { start: 22, end: 22 },
      { start: 80, end: 80 },
      { start: 8000, end: 8100 },
    ]);
    expect(formatPorts(ports)).toBe("22, 80, 8000-8100");
  });
  it("refuses what is not a port", () => {
    expect(() => parsePorts("ssh")).toThrow(/not a port/);
  });
  it("sends ports only for a restricted protocol", () => {
    expect(
      protocolsOf({
        allowIcmp: false,
        tcpPolicy: "ALLOW_ALL",
        tcpPorts: "22",
        udpPolicy: "RESTRICTED",
        udpPorts: "53",
      }),
    ).toEqual({
      allowIcmp: false,
      tcp: { policy: "ALLOW_ALL", ports: [] },
      udp: { policy: "RESTRICTED", ports: [{ start: 53, end: 53 }] },
    });
  });
});
