import { describe, expect, it } from "vitest";
import { trajectory } from "@/lib/indicators/trajectory";
import { detectChoice, generatedTrajectory } from "./trajectory-choice";

const basis = { accumulation: "LEVEL" as const, baseline: "56.58", target: "65", decimals: 2 };

describe("generatedTrajectory", () => {
  it("is the plan generator's output for what was typed, Chinese number habits included", () => {
    expect(generatedTrajectory({ ...basis, target: "６５" }, "front")).toEqual(trajectory("LEVEL", "56.58", "65", "front", 2));
    expect(generatedTrajectory({ accumulation: "CUMULATIVE", baseline: "", target: "1,200", decimals: 0 }, "back")).toEqual(
      trajectory("CUMULATIVE", null, "1200", "back", 0),
    );
  });

  it("gives nothing while the target or a typed baseline is not a number, or the decimals are out of range", () => {
    expect(generatedTrajectory({ ...basis, target: "" }, "even")).toBeNull();
    expect(generatedTrajectory({ ...basis, baseline: "abc" }, "even")).toBeNull();
    expect(generatedTrajectory({ ...basis, decimals: 5 }, "even")).toBeNull();
  });
});

describe("detectChoice", () => {
  it.each(["even", "front", "back"] as const)("recognises a saved %s trajectory", (shape) => {
    expect(detectChoice(trajectory("LEVEL", "56.58", "65", shape, 2), basis)).toBe(shape);
  });

  it("compares by value, not by how the figure is written", () => {
    const saved = trajectory("LEVEL", "56.58", "65", "back", 2).map((v) => `${v}${v.includes(".") ? "0" : ".00"}`);
    expect(detectChoice(saved, basis)).toBe("back");
  });

  it("calls anything else typed by month, and an indicator without a trajectory even", () => {
    const typed = trajectory("LEVEL", "56.58", "65", "even", 2);
    typed[4] = "60";
    expect(detectChoice(typed, basis)).toBe("manual");
    expect(detectChoice([], basis)).toBe("even");
  });
});
