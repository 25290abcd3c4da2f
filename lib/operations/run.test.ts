import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AuditNote } from "../actions/run-action";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import { operation } from "./operation";
import { runOperation } from "./run";

// The client is never called: the operation below makes its own answer.
vi.mock("../vendors/client-for", () => ({
  clientFor: async () => ({ client: {}, connection: { tenantId: "t1", vendor: "jumpcloud" } }),
}));

type Thing = { name: string };

/** Something that did not exist before: the vendor names it with an id of its own, which no item can know. */
const createThing = operation<Thing, null, { id: string }>({
  id: "jumpcloud.group.created",
  vendor: "jumpcloud",
  label: "Create things",
  help: "Creates a thing.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  idempotent: false,
  input: z.object({ name: z.string() }),
  chunk: 1,
  before: async (_ctx, items) => items.map(() => ({ state: null, plan: "create" as const })),
  expect: (i) => i,
  call: async (_ctx, chunk) =>
    chunk.map((s) => ({ ok: true, message: "made", answer: { id: `id-of-${s.item.name}` } })),
  irreversible: "test",
  audit: {
    targets: (i, _s, answer) => [{ type: "thing", id: answer?.id ?? "(new)", label: i.name }],
    before: () => null,
    after: (done) => done.map((d) => d.outcome.answer),
  },
  done: "Created",
});

describe("runOperation", () => {
  it("names the audit event's targets again with what the vendor answered: a created object's id", async () => {
    const note: AuditNote = { targets: [] };
    await runOperation(createThing, [{ name: "a" }, { name: "b" }], {
      db: {} as Db,
      tenantId: "t1",
      actor: {} as Staff,
      surface: "interactive",
      note,
    });
    expect(note.targets).toEqual([
      { type: "thing", id: "id-of-a", label: "a" },
      { type: "thing", id: "id-of-b", label: "b" },
    ]);
  });
});
