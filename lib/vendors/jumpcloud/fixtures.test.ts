import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as S from "./schemas";

const seed = JSON.parse(readFileSync(new URL("./fixtures/seed-requests.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
>;

describe("JumpCloud seed examples parse with the schemas", () => {
  it.each([
    ["usergroupMembersPost", S.MemberOp],
    ["userAssociationsPost", S.AssociationOp],
    ["bulkUsersCreate", S.BulkUserCreate.array()],
    ["bulkUserStatesCreate", S.BulkUserStatesCreate],
    ["applemdmsDevicesRestart", S.MdmRestartBody],
    ["applemdmsDevicesScheduleOSUpdate", S.ScheduleOsUpdate],
    ["applemdmsDevicesLock", S.MdmPinBody],
    ["applemdmsDevicesEmpty", S.MdmPinBody],
    ["accessRequestRevokeResponse", S.EmptyObject],
  ] as const)("%s", (key, schema) => {
    const r = schema.safeParse(seed[key]);
    expect(r.success, r.error?.message).toBe(true);
  });
});
