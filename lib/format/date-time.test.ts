import { afterEach, describe, expect, it, vi } from "vitest";
import {
  dateTimeWithZone,
  exactDateTime,
  formatDateTime,
  isTimeZone,
  MISSING,
  NOT_A_DATE,
  relative,
  zoneLabel,
} from "./date-time";

const at = (iso: string, timeZone: string, precision?: "minute" | "second" | "date") =>
  formatDateTime(iso, { timeZone, precision });

describe("formatDateTime", () => {
  it("writes yyyy-mm-dd hh:mm on a 24-hour clock, midnight as 00", () => {
    expect(at("2026-01-01T00:00:00Z", "UTC")).toBe("2026-01-01 00:00");
    expect(at("2026-07-04T23:59:59Z", "UTC")).toBe("2026-07-04 23:59");
    expect(at("2026-07-04T13:05:09Z", "UTC", "second")).toBe("2026-07-04 13:05:09");
    expect(at("2026-07-04T13:05:09Z", "UTC", "date")).toBe("2026-07-04");
  });

  it("shifts into the zone, across the date line and by half and quarter hours", () => {
    expect(at("2026-07-04T13:05:00Z", "Europe/Paris")).toBe("2026-07-04 15:05");
    expect(at("2026-07-04T13:05:00Z", "America/Los_Angeles")).toBe("2026-07-04 06:05");
    expect(at("2026-07-04T13:05:00Z", "Asia/Kolkata")).toBe("2026-07-04 18:35");
    expect(at("2026-07-04T13:05:00Z", "Asia/Kathmandu")).toBe("2026-07-04 18:50");
    expect(at("2026-12-31T23:30:00Z", "Asia/Tokyo", "date")).toBe("2027-01-01");
    expect(at("2026-01-01T05:00:00Z", "Pacific/Pago_Pago", "date")).toBe("2025-12-31");
  });

  it("follows daylight saving: Paris skips 02:00–03:00 (2026-03-29), New York repeats 01:00–02:00 (2026-11-01)", () => {
    expect(at("2026-03-29T00:59:59Z", "Europe/Paris", "second")).toBe("2026-03-29 01:59:59");
    expect(at("2026-03-29T01:00:00Z", "Europe/Paris", "second")).toBe("2026-03-29 03:00:00");
    // The same wall-clock time twice, an hour apart: only the zone label tells them apart.
    expect(at("2026-11-01T05:30:00Z", "America/New_York")).toBe("2026-11-01 01:30");
    expect(at("2026-11-01T06:30:00Z", "America/New_York")).toBe("2026-11-01 01:30");
    expect(exactDateTime("2026-11-01T05:30:00Z", "America/New_York")).toBe(
      "2026-11-01 01:30:00 America/New_York (GMT-04:00)",
    );
    expect(exactDateTime("2026-11-01T06:30:00Z", "America/New_York")).toBe(
      "2026-11-01 01:30:00 America/New_York (GMT-05:00)",
    );
  });

  it("takes a Date, an ISO string or epoch milliseconds alike", () => {
    const iso = "2026-07-04T13:05:09.123Z";
    const texts = [iso, new Date(iso), Date.parse(iso)].map((v) =>
      formatDateTime(v, { timeZone: "UTC", precision: "second" }),
    );
    expect(texts).toEqual(["2026-07-04 13:05:09", "2026-07-04 13:05:09", "2026-07-04 13:05:09"]);
  });

  it("says plainly when there is no date or it cannot be read, never 'Invalid Date'", () => {
    for (const missing of [null, undefined, ""]) expect(formatDateTime(missing, { timeZone: "UTC" })).toBe(MISSING);
    for (const bad of ["not yet", "2026-13-45T00:00:00Z", new Date(Number.NaN), Number.NaN]) {
      expect(formatDateTime(bad, { timeZone: "Europe/Paris" })).toBe(NOT_A_DATE);
      expect(exactDateTime(bad, "Europe/Paris")).toBe(NOT_A_DATE);
    }
  });

  it("writes the zone out where there is no hover (toasts)", () => {
    expect(dateTimeWithZone("2031-01-15T09:30:00Z", "Europe/Paris")).toBe("2031-01-15 10:30 Europe/Paris (GMT+01:00)");
    expect(dateTimeWithZone("2031-01-15T09:30:00Z", "UTC")).toBe("2031-01-15 09:30 UTC");
    expect(dateTimeWithZone(null, "UTC")).toBe(MISSING);
  });

  it("treats a zone Intl does not know as UTC, and says so on hover", () => {
    expect(at("2026-07-04T13:05:00Z", "Mars/Olympus_Mons")).toBe("2026-07-04 13:05");
    expect(exactDateTime("2026-07-04T13:05:00Z", "Mars/Olympus_Mons")).toBe("2026-07-04 13:05:00 UTC");
  });
});

describe("the formats behind it", () => {
  afterEach(() => vi.restoreAllMocks());

  it("are built once per zone and precision, not once per call", () => {
    const Real = Intl.DateTimeFormat;
    const built = vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function (this: unknown, ...args) {
      return new Real(...args);
    } as typeof Intl.DateTimeFormat);
    for (let i = 0; i < 50; i++) at(`2026-07-04T13:${String(i).padStart(2, "0")}:00Z`, "Australia/Lord_Howe");
    expect(built).toHaveBeenCalledTimes(1);
    at("2026-07-04T13:05:00Z", "Australia/Lord_Howe", "second");
    expect(built).toHaveBeenCalledTimes(2);
  });
});

describe("zoneLabel and isTimeZone", () => {
  it("names the zone and its offset at that moment; UTC alone", () => {
    expect(zoneLabel("2026-01-15T12:00:00Z", "Europe/Paris")).toBe("Europe/Paris (GMT+01:00)");
    expect(zoneLabel("2026-07-15T12:00:00Z", "Europe/Paris")).toBe("Europe/Paris (GMT+02:00)");
    expect(zoneLabel("2026-07-15T12:00:00Z", "UTC")).toBe("UTC");
  });

  it("accepts IANA names and UTC, refuses anything else", () => {
    for (const z of ["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5"])
      expect(isTimeZone(z)).toBe(true);
    for (const z of ["", "Europe/Atlantis", "UTC; Path=/", "x".repeat(65), null, 7]) expect(isTimeZone(z)).toBe(false);
  });
});

describe("relative", () => {
  it("rounds down to the largest unit, past and future", () => {
    expect(relative(30_000)).toBe("30 s ago");
    expect(relative(90 * 60_000)).toBe("1 h ago");
    expect(relative(3 * 86_400_000 + 5)).toBe("3 d ago");
    expect(relative(-2 * 3_600_000)).toBe("in 2 h");
    expect(relative(400 * 86_400_000)).toBe("13 mo ago");
    expect(relative(800 * 86_400_000)).toBe("2 y ago");
  });
});
