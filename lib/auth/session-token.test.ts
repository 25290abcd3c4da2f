import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readStaffSession, sessionCookieName, usesSecureCookies } from "./session-token";

const secret = "a test secret of reasonable length 0123456789";
const opts = { secret, secure: false, absoluteHours: 24 };
const name = sessionCookieName(false);
const token = (claims: Record<string, unknown>, o: { salt?: string; maxAge?: number; key?: string } = {}) =>
  encode({
    token: { sid: "staff-1", sv: 2, signedInAt: Date.now(), ...claims },
    secret: o.key ?? secret,
    salt: o.salt ?? name,
    maxAge: o.maxAge ?? 3600,
  });

describe("readStaffSession (what auth() reads, without its HTTP round trip)", () => {
  it("reads the staff id and session version of an Auth.js session cookie", async () => {
    expect(
      await readStaffSession(
        [
          { name: "other", value: "x" },
          { name, value: await token({}) },
        ],
        opts,
      ),
    ).toEqual({ staffId: "staff-1", sessionVersion: 2 });
  });

  it("joins a cookie Auth.js split into chunks, in order", async () => {
    const value = await token({});
    const [a, b, c] = [value.slice(0, 100), value.slice(100, 200), value.slice(200)];
    const jar = [
      { name: `${name}.2`, value: c },
      { name: `${name}.0`, value: a },
      { name: `${name}.1`, value: b },
    ];
    expect(await readStaffSession(jar, opts)).toMatchObject({ staffId: "staff-1" });
  });

  it("has no session without the cookie, with a tampered or foreign one, or with the other cookie name", async () => {
    expect(await readStaffSession([], opts)).toBeNull();
    const value = await token({});
    expect(await readStaffSession([{ name, value: `${value.slice(0, -4)}AAAA` }], opts)).toBeNull();
    expect(
      await readStaffSession([{ name, value: await token({}, { key: "another secret entirely, 0123456789" }) }], opts),
    ).toBeNull();
    // Encrypted for the HTTPS cookie name: not valid under the plain one (the name is the key's salt).
    expect(
      await readStaffSession([{ name, value: await token({}, { salt: sessionCookieName(true) }) }], opts),
    ).toBeNull();
    expect(await readStaffSession([{ name: sessionCookieName(true), value }], { ...opts, secure: true })).toBeNull();
  });

  it("ends a session whose cookie expired, or that began longer ago than the absolute limit", async () => {
    expect(await readStaffSession([{ name, value: await token({}, { maxAge: -60 }) }], opts)).toBeNull();
    const old = await token({ signedInAt: Date.now() - 25 * 3600_000 });
    expect(await readStaffSession([{ name, value: old }], opts)).toBeNull();
    expect(await readStaffSession([{ name, value: old }], { ...opts, absoluteHours: 26 })).toMatchObject({
      staffId: "staff-1",
    });
  });

  it(
    "reads the same cookie again from its cache, " + "which still ends it at its expiry and the absolute limit",
    async () => {
      const value = await token({ sid: "staff-cached" }, { maxAge: 60 });
      const { exp } = (await decode({ token: value, secret, salt: name }))!;
      expect(await readStaffSession([{ name, value }], opts)).toEqual({ staffId: "staff-cached", sessionVersion: 2 });
      expect(await readStaffSession([{ name, value }], opts)).toEqual({ staffId: "staff-cached", sessionVersion: 2 });
      // Within decode()'s 15 s of tolerance, then past it.
      expect(await readStaffSession([{ name, value }], { ...opts, now: exp! * 1000 + 10_000 })).toMatchObject({
        staffId: "staff-cached",
      });
      expect(await readStaffSession([{ name, value }], { ...opts, now: exp! * 1000 + 16_000 })).toBeNull();
      expect(await readStaffSession([{ name, value }], { ...opts, now: Date.now() + 25 * 3600_000 })).toBeNull();
      // The same cookie under another key or cookie name is not the cached session.
      expect(
        await readStaffSession([{ name, value }], { ...opts, secret: "another secret entirely, 0123456789" }),
      ).toBeNull();
      expect(await readStaffSession([{ name: sessionCookieName(true), value }], { ...opts, secure: true })).toBeNull();
    },
  );

  it("uses the secure cookie name as Auth.js does: AUTH_URL's protocol, else the forwarded one, else https", () => {
    expect(usesSecureCookies("http", {})).toBe(false);
    expect(usesSecureCookies("https", {})).toBe(true);
    expect(usesSecureCookies(null, {})).toBe(true);
    expect(usesSecureCookies("http", { AUTH_URL: "https://console.example" })).toBe(true);
  });
});
