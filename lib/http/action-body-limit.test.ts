import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyRefusal } from "./action-body-limit";

const action = (bytes: number) => new Headers({ "next-action": "abc", "content-length": String(bytes) });

describe("actionBodyRefusal", () => {
  it("refuses a server action body declared over the limit, with the upload limit in words", () => {
    expect(actionBodyRefusal("POST", action(26 * 1048576))).toMatch(/26\.0 MB; uploads are limited to 20 MB/);
    expect(actionBodyRefusal("POST", action(ACTION_BODY_LIMIT_BYTES))).toBeNull();
  });

  it("leaves other requests alone", () => {
    expect(actionBodyRefusal("GET", action(26 * 1048576))).toBeNull();
    expect(actionBodyRefusal("POST", new Headers({ "content-length": String(26 * 1048576) }))).toBeNull();
    expect(actionBodyRefusal("POST", new Headers({ "next-action": "abc" }))).toBeNull();
  });

  it("matches Next.js's own limit in next.config.js", () => {
    const config = readFileSync(path.resolve(import.meta.dirname, "../../next.config.js"), "utf8");
    expect(config).toContain(`bodySizeLimit: "${ACTION_BODY_LIMIT_BYTES / 1048576}mb"`);
    // The proxy buffers request bodies up to its own limit and cuts the rest: it must hold a whole action body.
    expect(config).toContain(`proxyClientMaxBodySize: "${ACTION_BODY_LIMIT_BYTES / 1048576}mb"`);
  });
});
