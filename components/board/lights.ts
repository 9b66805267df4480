// The four lights as a shape and a colour each, so a light reads without colour (red–green colour
// blindness, a black-and-white printout): ● green, ▲ amber, ■ red, ○ no data. The colours are dark
// enough for a non-text contrast of 3:1 on white (WCAG 1.4.11), which lights.test.ts checks.
export type Light = "RED" | "AMBER" | "GREEN" | "NONE";

export const LIGHT_SHAPES: Record<Light, { shape: "circle" | "triangle" | "square" | "ring"; colour: string; glyph: string }> = {
  GREEN: { shape: "circle", colour: "#15803d", glyph: "●" },
  AMBER: { shape: "triangle", colour: "#b45309", glyph: "▲" },
  RED: { shape: "square", colour: "#b91c1c", glyph: "■" },
  NONE: { shape: "ring", colour: "#64748b", glyph: "○" },
};

export function lightShape(light: string) {
  return LIGHT_SHAPES[(light in LIGHT_SHAPES ? light : "NONE") as Light];
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
