// The board's URL filters that the server checks, so a wrong link says so instead of showing nothing.
const LIGHTS = new Set(["RED", "AMBER", "GREEN", "NONE"]);

/** "RED" or "RED,AMBER" (any case): every part a light. */
export function validStatusFilter(raw: string | string[]): boolean {
  if (Array.isArray(raw)) return false;
  const parts = raw.split(",").map((s) => s.trim().toUpperCase());
  return parts.length > 0 && parts.every((p) => LIGHTS.has(p));
}
