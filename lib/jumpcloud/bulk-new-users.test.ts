import { describe, expect, it } from "vitest";
import { readNewUsers } from "./bulk-new-users";

describe("readNewUsers", () => {
  it(
    "reads email,username[,firstname[,lastname]] lines as CSV, skipping a header; " +
      "a quoted name with a comma stays one cell",
    () => {
      expect(
        readNewUsers('email,username,firstname,lastname\r\njo@x.example,jo,Jo,"Bloggs, Jr"\r\n\r\nal@x.example,al\r\n'),
      ).toEqual({
        users: [
          { email: "jo@x.example", username: "jo", firstname: "Jo", lastname: "Bloggs, Jr" },
          { email: "al@x.example", username: "al" },
        ],
        problems: [],
      });
    },
  );

  it("names each line that cannot be read, by the line it is on, instead of sending it cut short or shifted", () => {
    const text = [
      "jo@x.example,jo,Jo,Bloggs,extra",
      "",
      'al@x.example,al,Al"s',
      "not-an-email,x",
      "ok@x.example,ok,,,",
    ].join("\n");
    expect(readNewUsers(text)).toEqual({
      users: [{ email: "ok@x.example", username: "ok" }],
      problems: [
        "Line 1: 5 cells where at most 4 are read (email,username,firstname,lastname)",
        "Line 3: a quote inside an unquoted cell",
        "Line 4: needs an email and a username (email,username,firstname,lastname)",
      ],
    });
  });

  it("a quote never closed, with lines after it, refuses the text at the line where it opened", () => {
    expect(readNewUsers('jo@x.example,jo,"Jo\nal@x.example,al\n').problems).toEqual([
      "The quote opened on line 1 is never closed: everything after it would read as one cell. " +
        'Close it, or write a quote meant as text as two ("").',
    ]);
  });
});
