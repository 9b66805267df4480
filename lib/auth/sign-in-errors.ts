// How a refused sign-in travels from the server (an Error thrown in next-auth's authorize) to the
// login form (the `error` next-auth hands back): a code, and the seconds to wait when there is one.
// Shared by both sides; no server code here.

export type SignInError = { code: "invalid" | "throttled" | "unavailable"; retryAfterSeconds: number };

const INVALID = "CredentialsSignin";
const THROTTLED = "SignInThrottled";

export function encodeSignInError(code: "invalid" | "throttled", retryAfterSeconds: number): string {
  const name = code === "throttled" ? THROTTLED : INVALID;
  return retryAfterSeconds > 0 ? `${name}:${Math.ceil(retryAfterSeconds)}` : name;
}

export function decodeSignInError(error: string | null | undefined): SignInError {
  const match = /^(\w+)(?::(\d{1,7}))?$/.exec(error ?? "");
  const seconds = match?.[2] ? Number(match[2]) : 0;
  if (match?.[1] === THROTTLED) return { code: "throttled", retryAfterSeconds: Math.max(1, seconds) };
  if (match?.[1] === INVALID) return { code: "invalid", retryAfterSeconds: seconds };
  return { code: "unavailable", retryAfterSeconds: 0 };
}

/** A wait in the unit people read it in: seconds under two minutes, then whole minutes (rounded up). */
export function waitInWords(seconds: number): { unit: "seconds" | "minutes"; count: number } {
  return seconds < 120 ? { unit: "seconds", count: Math.max(1, Math.ceil(seconds)) } : { unit: "minutes", count: Math.ceil(seconds / 60) };
}
