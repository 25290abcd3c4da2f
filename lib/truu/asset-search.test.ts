import { describe, expect, it } from "vitest";
import { parseAssetSearch } from "./asset-search";

describe("parseAssetSearch", () => {
  it("reads a full IPv4 address as an exact IP", () => {
    expect(parseAssetSearch(" 10.0.1.7 ")).toEqual({ kind: "ip", ip: "10.0.1.7" });
    expect(parseAssetSearch("10.0.1")).toEqual({ kind: "text", text: "10.0.1" });
    expect(parseAssetSearch("300.1.1.1")).toEqual({ kind: "text", text: "300.1.1.1" });
  });
  it("reads IPv6 addresses", () => {
    expect(parseAssetSearch("FE80::1")).toEqual({ kind: "ip", ip: "fe80::1" });
  });
  it("reads a MAC in any usual spelling and tries each stored form", () => {
    for (const s of ["02:00:0a:0b:0c:0d", "02-00-0A-0B-0C-0D", "0200.0a0b.0c0d", "02000a0b0c0d"]) {
      const r = parseAssetSearch(s);
      expect(r?.kind).toBe("mac");
      expect(r && r.kind === "mac" && r.variants).toEqual(
        expect.arrayContaining(["02:00:0a:0b:0c:0d", "02-00-0A-0B-0C-0D", "02000a0b0c0d"]),
      );
    }
  });
  it("treats anything else as text", () => {
    expect(parseAssetSearch("WS-0042")).toEqual({ kind: "text", text: "WS-0042" });
    expect(parseAssetSearch("")).toBeNull();
  });
});
