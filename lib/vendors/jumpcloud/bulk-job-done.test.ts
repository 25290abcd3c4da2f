import { describe, expect, it } from "vitest";
import { bulkJobDone } from "./bulk-job-done";

describe("bulkJobDone", () => {
  const finished = { status: "finished" };
  it("is done only when there are results, none pending, and as many as were sent", () => {
    expect(bulkJobDone([])).toBe(false);
    expect(bulkJobDone([finished, { status: "failed" }])).toBe(true);
    expect(bulkJobDone([finished, { status: "pending" }])).toBe(false);
    expect(bulkJobDone([finished, finished], 3)).toBe(false);
    expect(bulkJobDone([finished, finished, finished], 3)).toBe(true);
  });
});
