// The "known device" cookie: a random id the browser keeps for a year, recorded with every session
// it signs in to. A browser whose id an account has signed in with before is that account's owner's
// most likely, so the sign-in limits never lock it out (lib/auth/sign-in.ts). The id proves
// nothing by itself: it only counts together with a past session of the same account.
import { randomBytes } from "node:crypto";

export const DEVICE_COOKIE = "duban-device";
const MAX_AGE_SECONDS = 365 * 24 * 3600;

/** The cookie's value if it is one we could have made, else null. */
export function readDeviceId(value: string | undefined | null): string | null {
  return value && /^[A-Za-z0-9_-]{24,64}$/.test(value) ? value : null;
}

export function newDeviceId(): string {
  return randomBytes(18).toString("base64url");
}

export function deviceCookie(id: string, secure: boolean) {
  return { name: DEVICE_COOKIE, value: id, httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: MAX_AGE_SECONDS, secure };
}
