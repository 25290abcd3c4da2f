import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pathId, urlCursor, urlDate, urlEnum, urlId, urlInt, urlText } from "./fields";
import { checkParams, describeIgnored, normaliseParams, readParams } from "./read";

const NUL = "\u0000";
const HUGE = "99999999999999999999999999";

describe("URL fields", () => {
  const ok = (schema: z.ZodType, v: string) => schema.safeParse(v);

  it("text: trims, bounds, and refuses control characters (Postgres rejects NUL in text)", () => {
    expect(ok(urlText(10), "  alice ").data).toBe("alice");
    expect(ok(urlText(10), `a${NUL}b`).error?.issues[0]?.message).toBe("a value with a control character");
    expect(ok(urlText(10), "\u001bx").success).toBe(false);
    expect(ok(urlText(10), "x".repeat(11)).error?.issues[0]?.message).toBe("a value over 10 characters");
    expect(ok(urlText(10), "a\tb").success).toBe(true);
  });

  it("dates: ISO dates between 1900 and 9999 only", () => {
    expect(ok(urlDate, "2026-11-23").data).toEqual(new Date("2026-11-23"));
    expect(ok(urlDate, "2026-11-23T10:00").success).toBe(true);
    expect(ok(urlDate, "2026-11-23T10:00:00.000Z").success).toBe(true);
    // Valid for JavaScript, outside Postgres' range or meaningless:
    expect(ok(urlDate, "-271821-04-20").error?.issues[0]?.message).toBe("an invalid date");
    expect(ok(urlDate, "+275760-09-13").success).toBe(false);
    expect(ok(urlDate, "5").success).toBe(false);
    expect(ok(urlDate, "0001-01-01").error?.issues[0]?.message).toBe("a date outside the years 1900–9999");
    expect(ok(urlDate, "2026-13-01").error?.issues[0]?.message).toBe("an invalid date");
    expect(ok(urlDate, `2026-11-23${NUL}`).success).toBe(false);
  });

  it("cursors: digits within a bigint", () => {
    expect(ok(urlCursor, "42").data).toBe(42n);
    expect(ok(urlCursor, "9223372036854775807").data).toBe(9223372036854775807n);
    expect(ok(urlCursor, "9223372036854775808").error?.issues[0]?.message).toBe("an invalid cursor");
    expect(ok(urlCursor, HUGE).success).toBe(false);
    expect(ok(urlCursor, "-1").success).toBe(false);
    expect(ok(urlCursor, "1e3").success).toBe(false);
  });

  it("numbers, enums and ids", () => {
    expect(ok(urlInt(1, 100), "7").data).toBe(7);
    expect(ok(urlInt(1, 100), HUGE).error?.issues[0]?.message).toBe("an invalid number");
    expect(ok(urlInt(1, 100), "0").error?.issues[0]?.message).toBe("a number outside 1–100");
    expect(ok(urlEnum(["a", "b"]), "c").error?.issues[0]?.message).toBe("an unknown value");
    expect(ok(urlId(), `job${NUL}`).success).toBe(false);
    expect(ok(urlId(5), "abcdef").success).toBe(false);
    expect(ok(pathId(), "R3JvdXA6MQ%3D%3D").data).toBe("R3JvdXA6MQ==");
    expect(ok(pathId(), "%E0%A4%A").error?.issues[0]?.message).toBe("an invalid id");
    expect(ok(pathId(), "%00").success).toBe(false);
    expect(ok(pathId(10), "x".repeat(11)).success).toBe(false);
  });
});

describe("reading parameters", () => {
  const Schema = z.object({
    q: urlText(20).default(""),
    from: urlDate.optional(),
    before: urlCursor.optional(),
    kind: urlEnum(["a", "b"]).default("a"),
  });

  it("takes the first of a repeated key and treats a blank as absent", () => {
    expect(normaliseParams({ q: ["x", "y"], from: "", kind: undefined })).toEqual({ q: "x" });
    expect(normaliseParams(new URLSearchParams("q=x&q=y&from="))).toEqual({ q: "x" });
  });

  it("strictly, for routes: the first bad parameter, named", () => {
    expect(checkParams(Schema, { q: "ok", from: "2026-01-02" })).toEqual({
      ok: true,
      values: { q: "ok", from: new Date("2026-01-02"), kind: "a" },
    });
    expect(checkParams(Schema, new URLSearchParams("from=-271821-04-20"))).toEqual({
      ok: false,
      problem: { param: "from", problem: "an invalid date" },
    });
    expect(checkParams(z.object({ tenantId: urlId() }), {})).toEqual({
      ok: false,
      problem: { param: "tenantId", problem: "no value (it is required)" },
    });
  });

  it("leniently, for pages: every bad value dropped, the rest kept, and a notice for each", () => {
    const read = readParams(Schema, { q: `a${NUL}`, from: "-271821-04-20", before: HUGE, kind: "b", stray: "x" });
    expect(read.values).toEqual({ q: "", kind: "b" });
    expect(read.kept).toEqual({ kind: "b" });
    expect(describeIgnored(read.ignored)).toEqual([
      "Ignored a value with a control character in 'q'.",
      "Ignored an invalid date in 'from'.",
      "Ignored an invalid cursor in 'before'.",
    ]);
  });
});
