import { describe, expect, it } from "vitest";
import { groupKeys } from "../sync/link-people";

describe("groupKeys", () => {
  it("joins keys held by one user, transitively, and names each group by its smallest key", () => {
    const g = groupKeys([
      { uid: "jc:1", key: "c@x" },
      { uid: "jc:1", key: "b@x" },
      { uid: "tw:1", key: "b@x" },
      { uid: "tw:1", key: "a@x" },
      { uid: "tg:1", key: "z@x" },
      { uid: "tu:1", key: "y@x" },
      { uid: "tu:1", key: "c@x" },
    ]);
    expect(Object.fromEntries(g)).toEqual({ "a@x": "a@x", "b@x": "a@x", "c@x": "a@x", "y@x": "a@x", "z@x": "z@x" });
  });
});
