import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { mapHeaders, rowObject, type ColumnSpec } from "./headers";

const enc = (s: string) => new TextEncoder().encode(s);
const cols: ColumnSpec[] = [
  { field: "upn", header: "userUpn", aliases: ["upn", "userPrincipalName", "email"], required: true, example: "a@b.c" },
  { field: "resetPhone", header: "resetPhone", required: false, example: "true" },
];

describe("parseCsv", () => {
  it("reads a BOM, CRLF, semicolons and quoted fields, numbering rows like a spreadsheet", () => {
    const out = parseCsv(enc('\uFEFFUPN;resetPhone\r\n"smith, ann@x.example";true\r\n\r\nbob@x.example;"multi\nline"\r\n'));
    expect(out).toMatchObject({ ok: true, headers: ["UPN", "resetPhone"], delimiter: ";" });
    if (!out.ok) return;
    expect(out.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(out.rows[0].cells).toEqual(["smith, ann@x.example", "true"]);
  });

  it("detects tabs", () => {
    const out = parseCsv(enc("upn\tresetPhone\na@x\tfalse\n"));
    expect(out).toMatchObject({ ok: true, delimiter: "\t" });
  });

  it("refuses empty, header-only, binary and non-UTF-8 files with a clear error", () => {
    expect(parseCsv(enc(""))).toEqual({ ok: false, error: "The file is empty." });
    expect(parseCsv(enc(" \n \n"))).toEqual({ ok: false, error: "The file is empty." });
    expect(parseCsv(enc("upn\n"))).toEqual({ ok: false, error: "The file has a header but no rows." });
    expect(parseCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatchObject({ ok: false, error: expect.stringMatching(/binary/) });
    expect(parseCsv(new Uint8Array([0x75, 0x70, 0x6e, 0x0a, 0xe9, 0x0a]))).toMatchObject({ ok: false, error: expect.stringMatching(/UTF-8/) });
  });

  it("refuses more than 100,000 rows", () => {
    const big = "upn\n" + "a@x.example\n".repeat(100_001);
    expect(parseCsv(enc(big))).toMatchObject({ ok: false, error: expect.stringMatching(/more than 100,000 rows/) });
  });

  it("never throws on random bytes or random text", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['"', ",", ";", "\t", "\n", "\r", "a", "@", " ", "=", "é", "\uFEFF"];
    for (let i = 0; i < 500; i++) {
      const len = Math.floor(rand() * 200);
      const text = Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
      const bytes = i % 2 ? enc(text) : Uint8Array.from({ length: len }, () => Math.floor(rand() * 256));
      const out = parseCsv(bytes);
      expect(typeof out.ok).toBe("boolean");
      if (!out.ok) expect(out.error.length).toBeGreaterThan(5);
    }
  });
});

describe("mapHeaders", () => {
  it("matches headers without case or spaces, through aliases", () => {
    expect(mapHeaders(["User Principal Name", "Reset_Phone"], cols)).toEqual({ ok: true, index: { upn: 0, resetPhone: 1 } });
    expect(mapHeaders(["EMAIL"], cols)).toEqual({ ok: true, index: { upn: 0 } });
  });
  it("names the missing and the unknown columns", () => {
    const out = mapHeaders(["name", "phone"], cols);
    expect(out).toMatchObject({ ok: false });
    if (out.ok) return;
    expect(out.error).toContain("missing column: userUpn");
    expect(out.error).toContain("unknown columns: name, phone");
  });
  it("builds trimmed row objects without empty optional cells", () => {
    expect(rowObject([" a@x ", ""], { upn: 0, resetPhone: 1 })).toEqual({ upn: "a@x" });
  });
});
