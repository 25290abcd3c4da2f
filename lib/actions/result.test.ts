import { describe, expect, it } from "vitest";
import { formDataToObject } from "./result";

describe("formDataToObject", () => {
  it("keeps single values, turns repeated and [] names into arrays, drops React's fields", () => {
    const fd = new FormData();
    fd.set("name", "Ana");
    fd.append("tenantIds[]", "t1");
    fd.append("tag", "a");
    fd.append("tag", "b");
    fd.set("$ACTION_ID_abc", "");
    expect(formDataToObject(fd)).toEqual({ name: "Ana", tenantIds: ["t1"], tag: ["a", "b"] });
  });
});
