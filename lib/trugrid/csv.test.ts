import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes separators, quotes and line breaks, and ends every row with CRLF", () => {
    expect(
      toCsv([
        ["upn", "web"],
        ["a@x.example", "198.51.100.7"],
        ['say "hi", then', "line\nbreak"],
      ]),
    ).toBe('upn,web\r\na@x.example,198.51.100.7\r\n"say ""hi"", then","line\nbreak"\r\n');
  });
  it("keeps empty cells empty and defuses formula-like values", () => {
    expect(toCsv([[null, "=HYPERLINK(1)", "-1", "*.trugrid.com"]])).toBe(",'=HYPERLINK(1),'-1,*.trugrid.com\r\n");
  });
});
