// The lights of a set of campaigns, worst first: the board sorts by this rank and each group
// header of the board says how many of its campaigns show each light.

const RANK: Record<string, number> = { RED: 0, AMBER: 1, GREEN: 2, NONE: 3 };

/** RED 0 … NONE 3; a code the board does not know sorts last. */
export function lightRank(light: unknown): number {
  return (typeof light === "string" ? RANK[light] : undefined) ?? 9;
}

/** Each light that occurs, with how many rows show it, worst first. */
export function countByLight(rows: ReadonlyArray<{ light: string }>): { light: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { light } of rows) counts.set(light, (counts.get(light) ?? 0) + 1);
  return [...counts].map(([light, count]) => ({ light, count })).sort((a, b) => lightRank(a.light) - lightRank(b.light) || a.light.localeCompare(b.light));
}
