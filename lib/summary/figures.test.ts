import { describe, expect, it } from "vitest";
import { changeVsBaseline, percentOfTarget } from "./figures";

describe("percentOfTarget", () => {
  it.each([
    ["14.2", "62", "22.90"],
    ["62", "62", "100.00"],
    ["0.1", "0.3", "33.33"],
    ["-5", "10", "-50.00"],
    ["3", "2", "150.00"],
  ])("%s of %s is %s%%", (actual, target, expected) => {
    expect(percentOfTarget(actual, target)).toBe(expected);
  });

  it("has no value without both figures or with a zero target", () => {
    expect(percentOfTarget(null, "62")).toBeNull();
    expect(percentOfTarget("14.2", null)).toBeNull();
    expect(percentOfTarget("1", "0")).toBeNull();
  });
});

describe("changeVsBaseline", () => {
  it("compares a standing figure in any month", () => {
    expect(changeVsBaseline("110", "100", "LEVEL", 3)).toBe("10.00");
    expect(changeVsBaseline("90", "100", "LEVEL", 1)).toBe("-10.00");
  });

  it("compares a negative baseline by its size, so an improvement reads as a rise", () => {
    expect(changeVsBaseline("-50", "-100", "LEVEL", 6)).toBe("50.00");
  });

  it("compares a year-to-date figure only for the full year", () => {
    expect(changeVsBaseline("14.2", "56.58", "CUMULATIVE", 3)).toBeNull();
    expect(changeVsBaseline("62", "56.58", "CUMULATIVE", 12)).toBe("9.58");
  });

  it("has no value without both figures or with a zero baseline", () => {
    expect(changeVsBaseline(null, "1", "LEVEL", 3)).toBeNull();
    expect(changeVsBaseline("1", null, "LEVEL", 3)).toBeNull();
    expect(changeVsBaseline("1", "0", "LEVEL", 3)).toBeNull();
  });
});
