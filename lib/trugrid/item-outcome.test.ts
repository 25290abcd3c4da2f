import { describe, expect, it } from "vitest";
import { ActionError } from "../actions/result";
import { summarise } from "./item-outcome";

const ok = (item: string) => ({ item, status: "Success.", ok: true });
const no = (item: string, why: string) => ({ item, status: `Error. Reason: ${why}`, ok: false });

describe("summarise", () => {
  it("quotes TruGrid's status for one item", () => {
    expect(summarise([ok("a@x.example")], "MFA turned on").message).toBe(
      "MFA turned on: a@x.example. TruGrid: Success.",
    );
  });
  it("names the refused items with TruGrid's reasons when some succeed", () => {
    const out = summarise([ok("a@x.example"), no("b@x.example", "MFA cannot be turned off.")], "MFA turned off");
    expect(out.succeeded).toEqual(["a@x.example"]);
    expect(out.failed).toEqual(["b@x.example"]);
    expect(out.message).toBe(
      "MFA turned off for 1 of 2. TruGrid refused 1:\nb@x.example: Error. Reason: MFA cannot be turned off.",
    );
  });
  it("fails the action with TruGrid's words when every item is refused", () => {
    expect(() => summarise([no("b@x.example", "Admin role.")], "MFA turned off")).toThrow(
      new ActionError("TruGrid refused: Error. Reason: Admin role."),
    );
    const many = Array.from({ length: 7 }, (_, i) => no(`u${i}@x.example`, "nope."));
    expect(() => summarise(many, "x")).toThrow(
      /TruGrid refused all 7:\nu0@x.example: Error. Reason: nope.\n(.|\n)*… and 2 more$/,
    );
  });
});
