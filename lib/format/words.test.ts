import { describe, expect, it } from "vitest";
import { words } from "./words";

describe("an enum value in words", () => {
  it("reads as a sentence, the vendor's raw value turned into words", () => {
    expect(words("PENDING_ACTIVATION")).toBe("Pending activation");
    expect(words("ARCHIVED")).toBe("Archived");
    expect(words("NOT_ENROLLED")).toBe("Not enrolled");
  });

  it("spells brands and oddly named states as people know them", () => {
    expect(words("ACTIVATED")).toBe("Active");
    expect(words("IOS")).toBe("iOS");
    expect(words("MAC_OS")).toBe("macOS");
    expect(words("WINDOWS_TPM")).toBe("Windows (TPM)");
    expect(words("android")).toBe("Android");
    expect(words("trugrid_user")).toBe("TruGrid user");
    expect(words("jumpcloud_system")).toBe("JumpCloud system");
    expect(words("truu_device")).toBe("TruU device");
  });

  it("leaves words as they are, but for a capital first letter, and nothing as nothing", () => {
    expect(words("laptop")).toBe("Laptop");
    expect(words("Head Office")).toBe("Head Office");
    expect(words(null)).toBe("");
  });
});
