import { readFileSync } from "node:fs";
import { buildSchema, type OperationDefinitionNode, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import * as ops from "./operations";

const schema = buildSchema(
  readFileSync(new URL("../../../vendor-specs/twingate/schema.reconstructed.graphql", import.meta.url), "utf8"),
);
const documents = Object.entries(ops).flatMap(([area, mod]) =>
  Object.entries(mod).map(([name, doc]) => [`${area}.${name}`, doc as string] as const),
);

const rootFields = (doc: string) =>
  parse(doc)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")
    .flatMap((d) => d.selectionSet.selections.map((s) => (s.kind === "Field" ? `${d.operation}:${s.name.value}` : "")));

describe("Twingate GraphQL documents", () => {
  it.each(documents)("%s is valid against schema.reconstructed.graphql", (_, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });

  it("cover every query and mutation the dashboard uses", () => {
    const used = new Set(documents.flatMap(([, doc]) => rootFields(doc)));
    const queries = [
      "users",
      "user",
      "devices",
      "device",
      "groups",
      "group",
      "resources",
      "resource",
      "remoteNetworks",
      "remoteNetwork",
      "securityPolicies",
      "securityPolicy",
      "serviceAccounts",
      "serviceAccount",
      "serviceAccountKey",
      "connectors",
      "connector",
      "accessRequests",
      "accessRequest",
    ];
    const mutations = [
      "userCreate",
      "userDetailsUpdate",
      "userRoleUpdate",
      "userDelete",
      "deviceBlock",
      "deviceUnblock",
      "deviceArchive",
      "deviceUnarchive",
      "deviceUpdate",
      "groupCreate",
      "groupUpdate",
      "groupDelete",
      "resourceCreate",
      "resourceUpdate",
      "resourceDelete",
      "resourceAccessAdd",
      "resourceAccessSet",
      "resourceAccessRemove",
      "remoteNetworkCreate",
      "remoteNetworkUpdate",
      "remoteNetworkDelete",
      "securityPolicyUpdate",
      "serviceAccountCreate",
      "serviceAccountUpdate",
      "serviceAccountDelete",
      "serviceAccountKeyCreate",
      "serviceAccountKeyUpdate",
      "serviceAccountKeyRevoke",
      "serviceAccountKeyDelete",
      "connectorCreate",
      "connectorUpdate",
      "connectorDelete",
      "connectorGenerateTokens",
      "accessRequestApprove",
      "accessRequestReject",
    ];
    for (const q of queries) expect(used, q).toContain(`query:${q}`);
    for (const m of mutations) expect(used, m).toContain(`mutation:${m}`);
  });
});
