import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { mask, open, seal } from "./secret-box";

beforeAll(() => {
  process.env.CONSOLE_ENCRYPTION_KEY = randomBytes(32).toString("base64");
});

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal('{"apiKey":"sk_live_123456"}', "t1:trugrid");
    expect(sealed).not.toContain("sk_live");
    expect(open(sealed, "t1:trugrid")).toBe('{"apiKey":"sk_live_123456"}');
    expect(seal("same", "x")).not.toBe(seal("same", "x")); // a fresh IV each time
  });
  it("refuses a ciphertext moved to another row", () => {
    expect(() => open(seal("secret", "t1:trugrid"), "t2:trugrid")).toThrow();
  });
  it("refuses a tampered ciphertext", () => {
    const [v, iv, tag, body] = seal("secret value", "a").split(".");
    const flipped = Buffer.from(body!, "base64");
    flipped[0]! ^= 1;
    expect(() => open([v, iv, tag, flipped.toString("base64")].join("."), "a")).toThrow();
  });
  it("refuses a key of the wrong size", () => {
    const saved = process.env.CONSOLE_ENCRYPTION_KEY;
    process.env.CONSOLE_ENCRYPTION_KEY = Buffer.alloc(16).toString("base64");
    try {
      expect(() => seal("x", "a")).toThrow(/32 bytes/);
    } finally {
      process.env.CONSOLE_ENCRYPTION_KEY = saved;
    }
  });
  it("masks all but the last four characters", () => {
    expect(mask("abcdefghijkl")).toBe("••••ijkl");
    expect(mask("short")).toBe("••••");
  });
});
