// Where to send someone after signing in (the login page's ?callbackUrl=, the proxy's redirect to
// it, next-auth's redirect callback): always a path on this site, never another host. The value is
// read the way a browser reads a URL (WHATWG: tabs and newlines dropped, "\" taken for "/"), so
// "/\t/evil.example" is seen for what the browser makes of it, "//evil.example", and refused.

const HOME = "/";
const PLACEHOLDER = "http://duban.invalid";
const MAX_LENGTH = 2048;

/**
 * A same-site path (with its query and fragment, percent-encoded) to redirect to, or "/" when the
 * value is missing, malformed, points at another origin, or at a page that makes no sense after
 * signing in (the sign-in page itself, the API). `ownOrigins` are absolute origins that count as
 * this site (next-auth hands over absolute URLs on its base URL).
 */
export function safeCallbackPath(value: unknown, ownOrigins: readonly string[] = []): string {
  const raw = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof raw !== "string" || raw === "" || raw.length > MAX_LENGTH) return HOME;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER);
  } catch {
    return HOME;
  }
  const origins = new Set([PLACEHOLDER, ...ownOrigins.map(originOf).filter((o): o is string => o !== null)]);
  if (!origins.has(url.origin)) return HOME;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" and "/..//evil" normalise to a path starting "//": a protocol-relative URL.
  if (!path.startsWith("/") || path.startsWith("//")) return HOME;
  if (/^\/(login|api)(\/|$|\?|#)/.test(path)) return HOME;
  return path;
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
