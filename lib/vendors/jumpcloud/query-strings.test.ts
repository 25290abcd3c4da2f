import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSim } from "./test-support";

let env: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  env = await startSim();
});
afterAll(() => env.close());

describe("JumpCloud array query parameters are sent as the spec encodes them", () => {
  it("sends targets comma-separated (style form, explode false)", async () => {
    const { client, sent } = env.recordingClient();
    const [uid] = env.org!.users.keys();
    await client.listAssociations("users", uid!, ["system", "system_group"], { limit: 100, skip: 0 });
    expect(sent).toEqual([`/api/v2/users/${uid}/associations?limit=100&skip=0&targets=system,system_group`]);
  });

  it("sends several v2 filters as one comma-separated filter, ANDed", async () => {
    const { client, sent } = env.recordingClient();
    const [g] = env.org!.userGroups.values();
    const page = await client.listGroups("user", { filter: [`name:eq:${g!.name}`, "type:eq:user_group"] });
    expect(page.items.map((x) => x.id)).toEqual([g!.id]);
    expect(sent).toEqual([
      `/api/v2/usergroups?filter=${encodeURIComponent(`name:eq:${g!.name}`)},` +
        `${encodeURIComponent("type:eq:user_group")}`,
    ]);
  });

  it("sends several v1 filters as filter[0], filter[1] (v1's AND)", async () => {
    const { client, sent } = env.recordingClient();
    const u = [...env.org!.users.values()][3];
    const page = await client.listUsers({
      filter: [`department:$eq:${u!.department}`, `username:$eq:${u!.username}`],
      limit: 5,
    });
    expect(page.items.map((x) => x._id)).toEqual([u!._id]);
    const q = new URLSearchParams({
      "filter[0]": `department:$eq:${u!.department}`,
      "filter[1]": `username:$eq:${u!.username}`,
      limit: "5",
    });
    expect(sent).toEqual([`/api/systemusers?${q}`]);
  });
});
