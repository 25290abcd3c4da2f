import { describe, expect, it } from "vitest";
import { TABLE_KEY, viewQuery } from "./view-query";

describe("viewQuery", () => {
  it("keeps filters, sort and columns, drops the page and empty values, and sorts keys", () => {
    expect(viewQuery("?type=ANDROID&page=3&sort=name&dir=asc&q=&hide=os,app")).toBe(
      "dir=asc&hide=os%2Capp&sort=name&type=ANDROID",
    );
    expect(viewQuery("page=2")).toBe("");
  });
  it("reads the same view the same way whatever the order", () => {
    expect(viewQuery("b=1&a=2")).toBe(viewQuery("a=2&b=1"));
  });
});

describe("TABLE_KEY", () => {
  it("accepts dotted lower-case table names only", () => {
    expect(TABLE_KEY.test("truu.devices")).toBe(true);
    expect(TABLE_KEY.test("Truu.devices")).toBe(false);
    expect(TABLE_KEY.test("truu devices")).toBe(false);
  });
});
