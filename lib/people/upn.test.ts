import { describe, expect, it } from "vitest";
import { BULK_OPERATIONS } from "../bulk/catalogue";
import { mapHeaders, rowObject } from "../bulk/headers";
import { UsersInput } from "../trugrid/inputs";
import { UPN_MAX, Upn } from "./upn";

// One rule for a person's UPN or email wherever it is typed: a console
// action's input and every CSV column that names a user by it agree on each
// value, accepted or refused.

const local = "a".repeat(64);
const domainOf = (length: number) => `${"d".repeat(length - ".example".length)}.example`;

const ACCEPTED = [
  "alice.smith@northwind.example",
  "Alice.Smith@Northwind.Example",
  "o'brien+vpn@northwind.example",
  // Email-shaped as TruGrid checks it, though stricter email rules refuse them.
  "user#1@northwind.example",
  "first..last@northwind.example",
  "alice@sub_domain.northwind.example",
  `${local}@${domainOf(UPN_MAX - 65)}`,
];

const REFUSED = [
  "",
  "alice",
  "alice@localhost",
  "@northwind.example",
  "alice@",
  "alice@northwind.",
  "al ice@northwind.example",
  "alice@@northwind.example",
  "alice@bob@northwind.example",
  `${local}@${domainOf(UPN_MAX - 64)}`,
];

/** The CSV columns that name a user by UPN or email, each with the rest of its template row. */
const csvColumns = BULK_OPERATIONS.flatMap((op) =>
  op.columns.filter((c) => ["upn", "userUpn", "email"].includes(c.field)).map((c) => ({ op, field: c.field })),
);

/** The value in that column of an otherwise valid template row, read as an uploaded file is. */
function csvAccepts({ op, field }: (typeof csvColumns)[number], value: string): boolean {
  const headers = op.columns.map((c) => c.header);
  const mapped = mapHeaders(headers, op.columns);
  if (!mapped.ok) throw new Error(mapped.error);
  const cells = op.columns.map((c) => (c.field === field ? value : c.example));
  return op.row.safeParse(rowObject(cells, mapped.index)).success;
}

const actionAccepts = (value: string) => UsersInput.safeParse({ tenantId: "t1", upns: [value] }).success;

describe("a UPN or email", () => {
  it("is checked by every CSV column that names a user", () => {
    expect(csvColumns.map((c) => c.op.id)).toEqual(
      expect.arrayContaining([
        "trugrid.mfa.turned_off",
        "trugrid.machine_association.set",
        "jumpcloud.user.suspended",
        "twingate.user.state_changed",
        "jumpcloud.user.created",
      ]),
    );
  });

  it.each(ACCEPTED)("%s is taken by the action and every CSV column alike", (value) => {
    expect(Upn.safeParse(value).success).toBe(true);
    expect(actionAccepts(value)).toBe(true);
    for (const c of csvColumns) expect(csvAccepts(c, value), `${c.op.id}.${c.field}`).toBe(true);
  });

  it.each(REFUSED)("%j is refused by the action and every CSV column alike", (value) => {
    expect(Upn.safeParse(value).success).toBe(false);
    expect(actionAccepts(value)).toBe(false);
    for (const c of csvColumns) expect(csvAccepts(c, value), `${c.op.id}.${c.field}`).toBe(false);
  });

  it("is trimmed, and says what is wrong", () => {
    expect(UsersInput.parse({ tenantId: "t1", upns: ["  alice@northwind.example\t"] }).upns).toEqual([
      "alice@northwind.example",
    ]);
    expect(Upn.safeParse("alice").error?.issues[0]?.message).toBe("Not a valid UPN or email (name@domain).");
    expect(Upn.safeParse(`${local}@${domainOf(UPN_MAX - 64)}`).error?.issues[0]?.message).toBe(
      `A UPN or email is at most ${UPN_MAX} characters.`,
    );
  });
});
