import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { shareByMonth, trajectory, type Shape } from "@/lib/indicators/trajectory";

const SHAPES: Shape[] = ["even", "front", "back"];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

describe("shareByMonth", () => {
  it.each([
    ["even", 6, "0.5"],
    ["front", 6, "0.75"],
    ["back", 6, "0.25"],
    ["even", 3, "0.25"],
    ["front", 3, "0.4375"],
    ["back", 3, "0.0625"],
  ] as const)("gives the %s share at month %i as %s", (shape, month, expected) => {
    expect(shareByMonth(month, shape).toFixed()).toBe(expected);
  });

  it.each(SHAPES)("reaches exactly 1 at month 12 for the %s shape", (shape) => {
    expect(shareByMonth(12, shape).toFixed()).toBe("1");
  });

  it("uses the even shape by default", () => {
    for (const m of MONTHS) expect(shareByMonth(m).eq(shareByMonth(m, "even"))).toBe(true);
  });

  it.each(SHAPES)("rises strictly month by month for the %s shape", (shape) => {
    for (let m = 2; m <= 12; m++) expect(shareByMonth(m, shape).gt(shareByMonth(m - 1, shape))).toBe(true);
  });

  it("plans more early with front and less early with back than even, for months 1..11", () => {
    for (let m = 1; m <= 11; m++) {
      expect(shareByMonth(m, "front").gt(shareByMonth(m, "even"))).toBe(true);
      expect(shareByMonth(m, "back").lt(shareByMonth(m, "even"))).toBe(true);
    }
  });

  it.each([0, 13, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("throws a RangeError for month %s", (month) => {
    expect(() => shareByMonth(month)).toThrow(RangeError);
  });
});

describe("trajectory", () => {
  it("climbs evenly from 0 to a cumulative target", () => {
    expect(trajectory("CUMULATIVE", null, "120")).toEqual(["10", "20", "30", "40", "50", "60", "70", "80", "90", "100", "110", "120"]);
  });

  it("ignores the baseline for a cumulative indicator (a year-to-date total starts at 0)", () => {
    expect(trajectory("CUMULATIVE", "50", "120")).toEqual(trajectory("CUMULATIVE", null, "120"));
    expect(trajectory("CUMULATIVE", "50", "120")[0]).toBe("10");
  });

  it("moves a level indicator from the baseline to the target", () => {
    const values = trajectory("LEVEL", "56.58", "65");
    expect(values).toHaveLength(12);
    expect(values[0]).toBe("57.2817"); // 56.58 + 8.42 / 12, rounded to 4 places
    expect(values[2]).toBe("58.685");
    expect(values[5]).toBe("60.79");
    expect(values[11]).toBe("65");
  });

  it("treats a missing baseline of a level indicator as 0", () => {
    expect(trajectory("LEVEL", null, "120")).toEqual(trajectory("CUMULATIVE", null, "120"));
    expect(trajectory("LEVEL", null, "120", "front")).toEqual(trajectory("LEVEL", "0", "120", "front"));
  });

  describe.each(SHAPES)("with the %s shape", (shape) => {
    it.each([
      ["CUMULATIVE", null, "100"],
      ["CUMULATIVE", null, "56.58"],
      ["LEVEL", "56.58", "65"],
      ["LEVEL", "12.5", "8"],
      ["LEVEL", "-3", "7.125"],
    ] as const)("ends exactly at the target (%s, baseline %s, target %s)", (kind, baseline, target) => {
      const values = trajectory(kind, baseline, target, shape);
      expect(values).toHaveLength(12);
      expect(values[11]).toBe(new Decimal(target).toFixed());
    });

    it("rises monotonically towards a target above the start", () => {
      const values = trajectory("LEVEL", "56.58", "65", shape).map((v) => new Decimal(v));
      for (let i = 1; i < 12; i++) expect(values[i]!.gt(values[i - 1]!)).toBe(true);
      expect(values[0]!.gt("56.58")).toBe(true);
    });

    it("descends monotonically to a target below the baseline (lower is better)", () => {
      const values = trajectory("LEVEL", "12.5", "8", shape).map((v) => new Decimal(v));
      expect(values[0]!.lt("12.5")).toBe(true);
      for (let i = 1; i < 12; i++) expect(values[i]!.lt(values[i - 1]!)).toBe(true);
      expect(values[11]!.toFixed()).toBe("8");
    });

    it("gives whole numbers with 0 decimals", () => {
      const values = trajectory("LEVEL", "56.58", "65.4", shape, 0);
      for (const v of values) expect(v).toMatch(/^-?\d+$/);
      expect(values[11]).toBe("65");
    });

    it("stays flat when the target equals the baseline", () => {
      expect(trajectory("LEVEL", "42.5", "42.5", shape)).toEqual(Array(12).fill("42.5"));
    });
  });

  it("follows the front and back shapes at mid-year", () => {
    expect(trajectory("CUMULATIVE", null, "200", "front")[5]).toBe("150");
    expect(trajectory("CUMULATIVE", null, "200", "back")[5]).toBe("50");
  });

  it("rounds half up to the requested number of decimals", () => {
    expect(trajectory("CUMULATIVE", null, "100", "even", 0)).toEqual(["8", "17", "25", "33", "42", "50", "58", "67", "75", "83", "92", "100"]);
    expect(trajectory("CUMULATIVE", null, "100", "even", 2)[0]).toBe("8.33");
    expect(trajectory("CUMULATIVE", null, "100", "even")[0]).toBe("8.3333");
  });

  it("uses the default of 4 decimals", () => {
    for (const v of trajectory("LEVEL", "56.58", "65", "back")) {
      const fraction = v.split(".")[1] ?? "";
      expect(fraction.length).toBeLessThanOrEqual(4);
    }
  });

  it("computes in exact decimals, with no binary floating-point artefacts", () => {
    expect(trajectory("LEVEL", "0.1", "0.3")[5]).toBe("0.2");
    expect(trajectory("LEVEL", "0.1", "0.3")[11]).toBe("0.3");
    expect(trajectory("LEVEL", "56.58", "65", "even", 10)[0]).toBe("57.2816666667");
    for (const shape of SHAPES) {
      for (const v of [...trajectory("LEVEL", "56.58", "65", shape, 12), ...trajectory("LEVEL", "0.1", "0.7", shape, 12)]) {
        expect(v).not.toMatch(/0000000|9999999|e/i);
        expect(v).toMatch(/^-?\d+(\.\d+)?$/);
      }
    }
  });

  it("returns plain strings without trailing zeros or exponent notation", () => {
    const values = trajectory("CUMULATIVE", null, "1e21");
    expect(values[11]).toBe("1000000000000000000000");
    expect(trajectory("LEVEL", "1.10", "1.10")[0]).toBe("1.1");
  });

  it("refuses a target that is not a number", () => {
    expect(() => trajectory("CUMULATIVE", null, "abc")).toThrow();
  });
});
