import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TimeZoneProvider } from "./time-zone";
import { DateText, When } from "./when";

const inZone = (timeZone: string | null, when: ReactNode) =>
  renderToStaticMarkup(timeZone ? createElement(TimeZoneProvider, { timeZone }, when) : when);

const AT = "2026-07-04T13:05:09.000Z";

describe("<When>", () => {
  it("shows the time in the provider's zone, as <time> with the exact time and zone on hover, the zone spoken", () => {
    expect(inZone("Asia/Kolkata", createElement(When, { at: AT }))).toBe(
      `<time dateTime="${AT}" title="2026-07-04 18:35:09 Asia/Kolkata (GMT+05:30)">2026-07-04 18:35` +
        `<span class="sr-only"> Asia/Kolkata (GMT+05:30)</span></time>`,
    );
  });

  it("is in UTC outside a provider (the sign-in pages)", () => {
    expect(inZone(null, createElement(When, { at: new Date(AT), precision: "second" }))).toContain(
      '>2026-07-04 13:05:09<span class="sr-only"> UTC</span></time>',
    );
  });

  it("shows relative time against the server's now, with the absolute time on hover", () => {
    const html = inZone(
      "Europe/Paris",
      createElement(When, { at: AT, mode: "relative", now: Date.parse(AT) + 3 * 86_400_000 }),
    );
    expect(html).toContain(
      '>3 d ago<span class="sr-only">, 2026-07-04 15:05:09 Europe/Paris (GMT+02:00)</span></time>',
    );
    expect(html).toContain('title="2026-07-04 15:05:09 Europe/Paris (GMT+02:00)"');
  });

  it("gives the bare text where markup cannot go (an SVG title)", () => {
    expect(inZone("Asia/Tokyo", createElement(DateText, { at: AT }))).toBe("2026-07-04 22:05");
  });

  it("says when there is no time, or no readable one, without a <time>", () => {
    expect(inZone("UTC", createElement(When, { at: null, missing: "never" }))).toBe(
      '<span class="text-muted-foreground">never</span>',
    );
    expect(inZone("UTC", createElement(When, { at: undefined }))).toBe('<span class="text-muted-foreground">—</span>');
    expect(inZone("UTC", createElement(When, { at: "soon" }))).toBe(
      '<span class="text-muted-foreground">not a date</span>',
    );
  });
});
