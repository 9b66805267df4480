// Redirects from route handlers, as paths: the browser resolves them against the address it opened
// (http://127.0.0.1:3000, a LAN address, the public name), so the user stays on that host and its
// cookies. Next hands route handlers a request.url built on "localhost" (or NEXTAUTH_URL for
// next-auth), so an absolute URL built from it would send users elsewhere, and the page's CSP
// (form-action 'self') blocks a form whose answer leaves the host.
import { env } from "@/lib/env";

/** A redirect to a path on this site (303 by default: the answer to a form post is a GET). */
export function redirectTo(path: string, status: 301 | 302 | 303 | 307 | 308 = 303): Response {
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) throw new Error(`not a same-site path: ${path}`);
  return new Response(null, { status, headers: { Location: path } });
}

/** Turns a Location on next-auth's own origin (from NEXTAUTH_URL) into a path on whatever host was opened. */
export function relativeLocation(headers: Headers, ownOrigin = env.NEXTAUTH_URL ?? "http://localhost:3000"): void {
  const location = headers.get("location");
  if (!location) return;
  try {
    const url = new URL(location, ownOrigin);
    if (url.origin !== new URL(ownOrigin).origin) return;
    const path = url.pathname + url.search + url.hash;
    if (!path.startsWith("//")) headers.set("location", path);
  } catch {
    // Not a URL we could read: leave it to next-auth.
  }
}
