import { describe, expect, it } from "vitest";
import { findRecoveryCode, generateRecoveryCodes, hashRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

const rows = (codes: string[]) =>
  codes.map((c, i) => ({ id: String(i), codeHash: hashRecoveryCode(c), usedAt: null as Date | null }));

describe("recovery codes", () => {
  it("makes ten distinct codes of 16 unambiguous characters", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){3}$/);
  });

  it("stores a salted hash, never the code, and two hashes of one code differ", () => {
    const [code] = generateRecoveryCodes(1);
    const a = hashRecoveryCode(code!);
    expect(a).not.toContain(code!.replace(/-/g, ""));
    expect(a).toMatch(/^sha256\$[^$]+\$[^$]+$/);
    expect(hashRecoveryCode(code!)).not.toBe(a);
  });

  it("finds the code whatever its case, spaces or dashes", () => {
    const codes = generateRecoveryCodes(3);
    const stored = rows(codes);
    const typed = ` ${codes[1]!.toUpperCase().replace(/-/g, " ")} `;
    expect(findRecoveryCode(typed, stored)?.id).toBe("1");
  });

  it("matches a code once: a used code is refused", () => {
    const codes = generateRecoveryCodes(2);
    const stored = rows(codes);
    const found = findRecoveryCode(codes[0]!, stored)!;
    found.usedAt = new Date();
    expect(findRecoveryCode(codes[0]!, stored)).toBeNull();
    expect(findRecoveryCode(codes[1]!, stored)?.id).toBe("1");
  });

  it("refuses a wrong or malformed code", () => {
    const stored = rows(generateRecoveryCodes(2));
    expect(findRecoveryCode(generateRecoveryCodes(1)[0]!, stored)).toBeNull();
    expect(findRecoveryCode("", stored)).toBeNull();
    expect(findRecoveryCode("123456", stored)).toBeNull();
  });
});
