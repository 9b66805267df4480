import { describe, expect, it } from "vitest";
import { contrastRatio, LIGHT_SHAPES, lightShape } from "./lights";

describe("the lights' shapes", () => {
  it("gives each light a shape of its own, so no two differ by colour alone", () => {
    const shapes = Object.values(LIGHT_SHAPES).map((l) => l.shape);
    expect(new Set(shapes).size).toBe(shapes.length);
    expect(new Set(Object.values(LIGHT_SHAPES).map((l) => l.glyph)).size).toBe(shapes.length);
  });

  it("keeps every shape at a contrast of at least 3:1 on white and on the light grey of the page", () => {
    for (const [light, { colour }] of Object.entries(LIGHT_SHAPES)) {
      expect(contrastRatio(colour, "#ffffff"), light).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, "#f8fafc"), light).toBeGreaterThanOrEqual(3);
    }
  });

  it("computes the WCAG ratio (black on white is 21, a colour on itself 1)", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#b91c1c", "#b91c1c")).toBe(1);
  });

  it("shows an unknown light as no data", () => {
    expect(lightShape("PURPLE")).toBe(LIGHT_SHAPES.NONE);
  });
});
