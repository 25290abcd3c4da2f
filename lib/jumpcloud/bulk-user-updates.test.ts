import { describe, expect, it } from "vitest";
import { readUserUpdates } from "./bulk-user-updates";

describe("JumpCloud's bulk update, pasted as CSV", () => {
  it("reads the header's columns in any case or spelling, quoted cells whole, and leaves empty cells out", () => {
    const { updates, problems } = readUserUpdates(
      'E-mail,Job Title,department\r\na@x.example,"Controller, EMEA",\r\nb@x.example,,Audit\n',
    );
    expect(problems).toEqual([]);
    expect(updates).toEqual([
      { email: "a@x.example", set: { jobTitle: "Controller, EMEA" } },
      { email: "b@x.example", set: { department: "Audit" } },
    ]);
  });

  it("names every line it cannot read, by line: extra cells, a bad email, a user twice, a stray quote", () => {
    const { problems } = readUserUpdates(
      'email,department\na@x.example,A,extra\nnot-an-email,B\nc@x.example,C\nC@x.example,D\nd@x.example,"E\n',
    );
    expect(problems).toEqual([
      "Line 2: 3 cells where the header names 2",
      "Line 3: not-an-email is not an email",
      "Line 5: C@x.example is on an earlier line too",
      expect.stringMatching(/^Line 6: /),
    ]);
  });

  it("needs a header of email first and known fields after it", () => {
    expect(readUserUpdates("department,email\nA,a@x.example").problems[0]).toMatch(/^Line 1: the first line/);
    expect(readUserUpdates("email,password\na@x.example,x").problems[0]).toMatch(/\(not password\)$/);
    expect(readUserUpdates("email\na@x.example").problems[0]).toMatch(/^Line 1: /);
  });
});
