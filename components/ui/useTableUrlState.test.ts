import { describe, expect, it } from "vitest";
import { formatSort, parseSort } from "@/components/ui/useTableUrlState";

describe("parseSort", () => {
  it.each([
    ["-number,name", [{ id: "number", desc: true }, { id: "name", desc: false }]],
    ["name", [{ id: "name", desc: false }]],
    ["-dueDate", [{ id: "dueDate", desc: true }]],
    ["a,,b", [{ id: "a", desc: false }, { id: "b", desc: false }]],
    ["name,", [{ id: "name", desc: false }]],
  ])("reads %j", (value, expected) => {
    expect(parseSort(value)).toEqual(expected);
  });

  it.each([["", []], [null, []]] as const)("reads %j as no sorting", (value, expected) => {
    expect(parseSort(value)).toEqual(expected);
  });
});

describe("formatSort", () => {
  it("writes descending columns with a leading minus, in order", () => {
    expect(formatSort([{ id: "number", desc: true }, { id: "name", desc: false }])).toBe("-number,name");
  });

  it("writes no sorting as an empty string", () => {
    expect(formatSort([])).toBe("");
  });
});

describe("parseSort and formatSort", () => {
  it.each(["-number,name", "name", "-a,-b,c", ""])("round-trip %j", (value) => {
    expect(formatSort(parseSort(value))).toBe(value);
  });

  it("round-trip a sorting state", () => {
    const state = [{ id: "status", desc: false }, { id: "percentDone", desc: true }];
    expect(parseSort(formatSort(state))).toEqual(state);
  });
});
