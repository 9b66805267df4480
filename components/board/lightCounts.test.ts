import { describe, expect, it } from "vitest";
import { countByLight, lightRank } from "@/components/board/lightCounts";

const rows = (...lights: string[]) => lights.map((light) => ({ light }));

describe("countByLight", () => {
  it("counts each light that occurs, worst first", () => {
    expect(countByLight(rows("GREEN", "RED", "AMBER", "RED", "NONE", "GREEN", "GREEN"))).toEqual([
      { light: "RED", count: 2 },
      { light: "AMBER", count: 1 },
      { light: "GREEN", count: 3 },
      { light: "NONE", count: 1 },
    ]);
  });

  it("leaves out the lights no row shows", () => {
    expect(countByLight(rows("AMBER", "RED"))).toEqual([
      { light: "RED", count: 1 },
      { light: "AMBER", count: 1 },
    ]);
  });

  it("lists an unknown code after the known lights", () => {
    expect(countByLight(rows("OTHER", "GREEN", "OTHER"))).toEqual([
      { light: "GREEN", count: 1 },
      { light: "OTHER", count: 2 },
    ]);
  });

  it("has nothing to say about no rows", () => {
    expect(countByLight([])).toEqual([]);
  });
});

describe("lightRank", () => {
  it("orders red, amber, green, no data, then anything else", () => {
    const order = ["NONE", "OTHER", "GREEN", "RED", "AMBER"].sort((a, b) => lightRank(a) - lightRank(b));
    expect(order).toEqual(["RED", "AMBER", "GREEN", "NONE", "OTHER"]);
  });
});
