// Runs before every request: a fresh CSP nonce for Next's scripts, HSTS when the site is served over
// https, anonymous visitors sent to the sign-in page, and a URL carrying a NUL byte refused outright
// (no id or parameter of ours can hold one, and PostgreSQL refuses it with an error). This is a
// convenience only: every page, action and route checks the session itself against the database
// (lib/auth/session.ts) and validates its own parameters.
import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { servedOverHttps } from "@/lib/http/client-address";

const PUBLIC = [/^\/login$/, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/test\//];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
/** A year; without includeSubDomains, so other sites under the same domain are not bound by it. */
const HSTS = "max-age=31536000";

function pagePolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const badRequest = () => new NextResponse("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A server action called with a body React could not have sent: its arguments, when not a form,
 * are a JSON array. Next would fail parsing it with a 500; anyone may call a public action, so
 * answer that with a plain 400.
 */
async function malformedActionCall(request: NextRequest): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) return false;
  try {
    return !Array.isArray(JSON.parse(await request.clone().text()));
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  if (request.url.includes("%00") || (await malformedActionCall(request))) return badRequest();
  const https = servedOverHttps(request.headers);
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");

  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && !PUBLIC.some((p) => p.test(pathname)) && !api) {
    const callback = safeCallbackPath(pathname + search);
    const location = callback === "/" ? "/login" : `/login?${new URLSearchParams({ callbackUrl: callback }).toString()}`;
    // Next sends a same-origin redirect as a path, so the browser stays on the host it opened.
    const redirect = NextResponse.redirect(new URL(location, request.url));
    if (https) redirect.headers.set("Strict-Transport-Security", HSTS);
    return redirect;
  }

  // Route handlers answer with JSON or a download, never a page: a download keeps the strict
  // policy its handler sets (sandbox, default-src 'none'); the page policy would replace it.
  if (api) {
    const response = NextResponse.next();
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = pagePolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
