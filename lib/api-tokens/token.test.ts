import { describe, expect, it } from "vitest";
import { bearerOf, newSecret, parseToken, secretHash, secretMatches, tokenText } from "./token";

describe("API token text", () => {
  it("round-trips an id and a secret, and matches only its own secret", () => {
    const secret = newSecret();
    const text = tokenText("cmabc123def456ghi789jkl0", secret);
    expect(parseToken(text)).toEqual({ id: "cmabc123def456ghi789jkl0", secret });
    expect(secretMatches(secret, secretHash(secret))).toBe(true);
    expect(secretMatches(newSecret(), secretHash(secret))).toBe(false);
    expect(secretMatches(secret, "00")).toBe(false);
  });

  it("refuses what is not a token", () => {
    for (const t of [
      "",
      "hdc_",
      "hdc_x_y",
      `hdc_UPPER1234567890123456_${newSecret()}`,
      `abc_cmabc123def456ghi789jkl0_${newSecret()}`,
    ])
      expect(parseToken(t), t).toBeNull();
  });

  it("reads a bearer header and nothing else", () => {
    expect(bearerOf("Bearer abc")).toBe("abc");
    expect(bearerOf("bearer   abc ")).toBe("abc");
    expect(bearerOf("Basic YWJj")).toBeNull();
    expect(bearerOf("Bearer a b")).toBeNull();
  });
});
