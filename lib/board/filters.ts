// The board's URL filters that the server checks, so a wrong link says so instead of showing nothing.
const LIGHTS = new Set(["RED", "AMBER", "GREEN", "NONE"]);

/** "RED" or "RED,AMBER" (any case): every part a light. */
export function validStatusFilter(raw: string | string[]): boolean {
  if (Array.isArray(raw)) return false;
  const parts = raw.split(",").map((s) => s.trim().toUpperCase());
  return parts.length > 0 && parts.every((p) => LIGHTS.has(p));
}

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");

/**
 * The board table's URL filters (f.status, f.dept, f.official, q), applied on the server for the
 * phone list, which is rendered without the table: the same link shows the same campaigns on both.
 */
export function applyBoardFilters<R extends { light: string; department: string; official: string; name: string; verdict: string; list: string[] }>(
  rows: R[],
  query: Query,
): R[] {
  const status = one(query["f.status"]);
  const lights = status && validStatusFilter(status) ? new Set(status.split(",").map((s) => s.trim().toUpperCase())) : null;
  const dept = one(query["f.dept"]);
  const official = one(query["f.official"]);
  const q = one(query.q).toLowerCase();
  return rows.filter(
    (r) =>
      (!lights || lights.has(r.light)) &&
      (!dept || r.department === dept) &&
      (!official || r.official === official) &&
      (!q || [r.name, r.department, r.official, r.verdict, ...r.list].some((x) => x.toLowerCase().includes(q))),
  );
}
