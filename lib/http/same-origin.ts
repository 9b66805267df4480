// Route handlers that change something refuse a browser's cross-site request: it carries another
// Origin. Same-origin fetches and non-browser clients (no Origin) pass; the session still decides.
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0]?.trim();
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
