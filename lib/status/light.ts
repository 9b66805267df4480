export type Light = "GREEN" | "AMBER" | "RED" | "NONE";

/** Worst first: the order reasons are listed in and the board sorts by. */
export const SEVERITY: Record<Light, number> = { RED: 0, AMBER: 1, GREEN: 2, NONE: 3 };

/** The light for how far behind something is, given the band of a rule (behind ≤ green: green, ≤ amber: amber). */
export function lightFor(behind: number, band: { green: number; amber: number }): Exclude<Light, "NONE"> {
  if (behind <= band.green) return "GREEN";
  if (behind <= band.amber) return "AMBER";
  return "RED";
}
