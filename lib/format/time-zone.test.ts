import { describe, expect, it } from "vitest";
import { displayTimeZone, selectableTimeZones } from "./time-zone";

describe("displayTimeZone", () => {
  it("prefers the staff member's choice, then the browser's report, then UTC", () => {
    expect(displayTimeZone("Asia/Tokyo", "Europe/Paris")).toBe("Asia/Tokyo");
    expect(displayTimeZone(null, "Europe/Paris")).toBe("Europe/Paris");
    expect(displayTimeZone(null, undefined)).toBe("UTC");
  });

  it("ignores a value Intl does not know (an old choice, a forged cookie)", () => {
    expect(displayTimeZone("Europe/Atlantis", "Europe/Paris")).toBe("Europe/Paris");
    expect(displayTimeZone(null, "<script>")).toBe("UTC");
  });
});

describe("selectableTimeZones", () => {
  it("lists UTC first and the runtime's IANA zones, each once", () => {
    const zones = selectableTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Europe/Paris");
    expect(zones.length).toBeGreaterThan(300);
    expect(new Set(zones).size).toBe(zones.length);
  });
});
