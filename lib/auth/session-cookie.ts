// The session cookie read directly: next-auth's getServerSession runs its whole request handler
// per call (a decrypt, its callbacks and a fresh encrypt of the token it cannot even set from a
// page), which was a large part of a signed-in page's cost. The claims are the token's alone, so a
// token decrypted once is kept until it expires: a second request with the same cookie costs a lookup.
import "server-only";
import { LRUCache } from "lru-cache";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { authSecret } from "./secret";
import type { SessionClaims } from "./sessions";

/** next-auth's own name for it: __Secure- when the site is served over https. */
export function sessionCookieName(): string {
  return env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The token from the cookies: next-auth splits one over 4 KB into name.0, name.1, … (ours never is, but would read back). */
export function sessionToken(cookies: { name: string; value: string }[]): string | null {
  const name = sessionCookieName();
  const whole = cookies.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

interface Decoded {
  claims: SessionClaims;
  /** Seconds since 1970, the token's own expiry. */
  exp: number;
}

const decoded = new LRUCache<string, Decoded>({ max: 10_000 });

/** The claims of a valid, unexpired token (decrypted with the app's secret), or null. */
export async function claimsOf(token: string, nowMs = Date.now()): Promise<SessionClaims | null> {
  const kept = decoded.get(token);
  if (kept) return kept.exp * 1000 > nowMs ? kept.claims : null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: authSecret() });
  } catch {
    // Tampered, made with another secret, malformed or expired: no session, as next-auth would say.
    return null;
  }
  if (!payload || typeof payload.exp !== "number") return null;
  const claims: SessionClaims = { uid: payload.uid, sid: payload.sid, sv: payload.sv };
  decoded.set(token, { claims, exp: payload.exp });
  return claims;
}
