import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DeletePayload, GraphqlEnvelope, payloadOf, RemoteNetwork, UserDetail } from "./schemas";

const examples = JSON.parse(readFileSync(new URL("./fixtures/notes-examples.json", import.meta.url), "utf8"));

describe("documented Twingate examples parse with the client schemas", () => {
  it("a missing single object is data.user = null", () => {
    const env = GraphqlEnvelope.parse(examples.missingUser);
    expect(UserDetail.nullable().parse(env.data?.user)).toBeNull();
  });

  it("business failures are ok:false with an error text", () => {
    const del = DeletePayload.parse(GraphqlEnvelope.parse(examples.businessFailure).data?.userDelete);
    expect(del).toEqual({ ok: false, error: "<text>" });
    const create = payloadOf(RemoteNetwork).parse(
      GraphqlEnvelope.parse(examples.businessFailureWithEntity).data?.remoteNetworkCreate,
    );
    expect(create).toEqual({ ok: false, error: "<text>", entity: null });
  });

  it("GraphQL errors[] carry a message", () => {
    expect(GraphqlEnvelope.parse(examples.graphqlError).errors?.[0]?.message).toContain("Cannot query field");
  });

  it("ids and cursors are the documented base64 forms", () => {
    expect(Buffer.from(examples.globalId.id, "base64").toString()).toBe(examples.globalId.decoded);
    expect(Buffer.from(examples.cursor.cursor, "base64").toString()).toBe(examples.cursor.decoded);
  });
});
