import { describe, expect, it } from "vitest";
import { ActionError } from "../../actions/result";
import type { VendorId } from "../connection-fields";
import { VendorError, type VendorErrorInfo } from "./vendor-error";
import { asActionError, failureMessage, inDoubt, vendorMessage } from "./vendor-message";

const err = (vendor: VendorId, info: Partial<VendorErrorInfo>) =>
  new VendorError({
    vendor,
    operation: "op",
    kind: "http",
    status: 500,
    vendorMessage: "Internal Server Error",
    retryable: false,
    ...info,
  });

// The texts staff read (and the e2e tests pin) for each vendor, on every surface.
describe("vendorMessage", () => {
  it("words an HTTP refusal as the vendor's answer with its status", () => {
    expect(vendorMessage(err("trugrid", { status: 401, vendorMessage: "Invalid API key." }))).toBe(
      "TruGrid answered: Invalid API key. (HTTP 401)",
    );
    expect(vendorMessage(err("truu", {}))).toBe("TruU answered: Internal Server Error (HTTP 500)");
    expect(vendorMessage(err("jumpcloud", { status: 409, vendorMessage: "already a member" }))).toBe(
      "JumpCloud answered: already a member (HTTP 409)",
    );
    expect(vendorMessage(err("twingate", {}))).toBe("Twingate answered: Internal Server Error (HTTP 500)");
  });

  it("words a refusal in a successful answer as refused", () => {
    const e = err("twingate", { kind: "vendor", status: 200, vendorMessage: "Delete the Resources first." });
    expect(vendorMessage(e)).toBe("Twingate refused: Delete the Resources first.");
  });

  it("says how long the vendor asks to wait on a 429, and which budget Twingate's is", () => {
    const jc = err("jumpcloud", { status: 429, vendorMessage: "Too Many Requests", retryAfterMs: 120_000 });
    expect(vendorMessage(jc)).toBe(
      "JumpCloud answered: Too Many Requests (HTTP 429). JumpCloud asks to wait 120 s before trying again.",
    );
    expect(vendorMessage(err("trugrid", { status: 429, vendorMessage: "Slow down" }))).toBe(
      "TruGrid answered: Slow down (HTTP 429). Try again in a minute.",
    );
    const tg = err("twingate", { status: 429, vendorMessage: "Too Many Requests", retryAfterMs: 1_200 });
    expect(vendorMessage(tg)).toBe(
      "Twingate is rate-limiting this tenant's API token (60 reads and 20 writes a minute): " +
        "Too Many Requests. Try again in about 2 s.",
    );
  });

  it("says a write may or may not have been made when no answer came in time", () => {
    const e = err("truu", { kind: "timeout", status: null, vendorMessage: "no answer within 20000 ms" });
    expect(vendorMessage(e)).toBe(
      "TruU did not answer in time; the change may or may not have been made. " +
        "Check before retrying. (no answer within 20000 ms)",
    );
    expect(inDoubt(e)).toBe(true);
    expect(inDoubt(err("truu", { kind: "network", status: null }))).toBe(true);
    expect(inDoubt(err("truu", {}))).toBe(false);
  });

  it("keeps other failures' messages and passes them through unchanged as action errors", () => {
    expect(failureMessage(new Error("boom"))).toBe("boom");
    const plain = new Error("boom");
    expect(asActionError(plain)).toBe(plain);
    const turned = asActionError(err("truu", {}));
    expect(turned).toBeInstanceOf(ActionError);
    expect((turned as Error).message).toBe("TruU answered: Internal Server Error (HTTP 500)");
  });
});
