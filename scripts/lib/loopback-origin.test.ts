import { describe, expect, it } from "vitest";
import { loopbackOrigin } from "./loopback-origin";

describe("loopbackOrigin", () => {
  it("reaches a wildcard bind on the loopback address of its family, never the wildcard itself", () => {
    expect(loopbackOrigin("0.0.0.0", 3000)).toBe("http://127.0.0.1:3000");
    expect(loopbackOrigin("::", 3000)).toBe("http://[::1]:3000");
    expect(loopbackOrigin("[::]", 3000)).toBe("http://[::1]:3000");
  });

  it("keeps a specific address, bracketing IPv6", () => {
    expect(loopbackOrigin("127.0.0.1", 3224)).toBe("http://127.0.0.1:3224");
    expect(loopbackOrigin("localhost", 80)).toBe("http://localhost:80");
    expect(loopbackOrigin("fd00::5", 3000)).toBe("http://[fd00::5]:3000");
  });
});
