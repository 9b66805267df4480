import { describe, expect, it } from "vitest";
import { changes } from "@/lib/audit/diff";

describe("changes", () => {
  it("names only the fields that changed, before and after", () => {
    expect(changes({ title: "A", percent: 10, note: "" }, { title: "A", percent: 40, note: "进展顺利" })).toEqual({
      oldValues: { percent: 10, note: "" },
      newValues: { percent: 40, note: "进展顺利" },
    });
    expect(changes({ a: 1 }, { a: 1 })).toEqual({ oldValues: {}, newValues: {} });
  });

  it("compares lists and dates by value, and a missing field as null", () => {
    expect(changes({ ids: ["a", "b"], due: new Date(1000) }, { ids: ["a", "b"], due: new Date(1000) })).toEqual({ oldValues: {}, newValues: {} });
    expect(changes({ ids: ["a"] }, { ids: ["a", "b"], owner: "u1" })).toEqual({
      oldValues: { ids: ["a"], owner: null },
      newValues: { ids: ["a", "b"], owner: "u1" },
    });
    expect(changes({ owner: "u1" }, {})).toEqual({ oldValues: { owner: "u1" }, newValues: { owner: null } });
  });

  it("compares a map whole unless asked to go entry by entry", () => {
    const before = { values: { i1: "10", i2: "20" }, status: "DRAFT" };
    const after = { values: { i1: "10", i2: "25", i3: "1" }, status: "DRAFT" };
    expect(changes(before, after)).toEqual({ oldValues: { values: before.values }, newValues: { values: after.values } });
    expect(changes(before, after, { nested: true })).toEqual({ oldValues: { values: { i2: "20", i3: null } }, newValues: { values: { i2: "25", i3: "1" } } });
  });

  it("treats a map on one side only as empty on the other, and leaves ignored fields out", () => {
    const before = { updatedAt: "t1", progressText: "a" };
    const after = { updatedAt: "t2", progressText: "a", decreaseReasons: { i1: "降雨" } };
    expect(changes(before, after, { nested: true, ignore: ["updatedAt"] })).toEqual({
      oldValues: { decreaseReasons: { i1: null } },
      newValues: { decreaseReasons: { i1: "降雨" } },
    });
  });
});
