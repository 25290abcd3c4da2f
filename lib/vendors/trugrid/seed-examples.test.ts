import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isSuccess } from "./item-results";
import { MAX_ITEMS_PER_REQUEST } from "./routes";
import { ItemStatuses, MachineAssociationInput, NameList } from "./schemas";

// The vendor article's own examples must fit the client's schemas.
const seed = JSON.parse(readFileSync(new URL("./fixtures/seed-examples.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
> & {
  setMachineAssociationsStatuses: { success: string[]; error: string[] };
};

describe("TruGrid seed examples", () => {
  it("the Set Machine Associations body parses as association inputs", () => {
    const parsed = z
      .array(MachineAssociationInput)
      .max(MAX_ITEMS_PER_REQUEST)
      .parse(seed.setMachineAssociationsRequest);
    expect(parsed.map((a) => a.machineName)).toEqual(["PC-01", "PC-02", "SRV-05"]);
  });

  it("the clear-associations bodies parse as name lists", () => {
    expect(NameList.parse(seed.clearAssociationsAllGroups)).toEqual([]);
    expect(NameList.parse(seed.clearAssociationsNamedGroups)).toEqual(["group1", "group2"]);
  });

  it("the documented statuses parse as per-item results, classified by their prefix", () => {
    const { success, error } = seed.setMachineAssociationsStatuses;
    expect(ItemStatuses.parse([...success, ...error]).map((s) => isSuccess(s.status))).toEqual([
      ...success.map(() => true),
      ...error.map(() => false),
    ]);
    const echoed = (seed.setMachineAssociationsRequest as object[]).map((item, i) => ({
      ...item,
      status: success[i % 2],
    }));
    expect(ItemStatuses.parse(echoed)[1]).toMatchObject({ status: success[1], echo: { userUpn: "jane@contoso.com" } });
  });
});
