// A sign-in with username and password, limited so that it cannot be turned against the account's
// owner. Who is asking decides which counts apply (see throttle.ts for the kinds):
//
//   this browser signed in to the account before (device cookie)  → its own device count only
//   the account signed in from this address before                 → its own count at that address
//   anyone else                                                     → the (account, address) pair,
//                                                                     the address's budget and the
//                                                                     account's count from elsewhere
//
// So a guesser somewhere else, however many guesses on however many names, never slows or locks
// the owner on their own browser or at their usual address; and no limit is ever slept out on the
// server: an attempt is either answered at once or refused at once with the time to wait.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { newDeviceId } from "./device";
import { verifyPassword } from "./password";
import { createSession, knownClient } from "./sessions";
import { chargeAttempt, pruneThrottle, refundAttempt, throttleKey, type ThrottleKey } from "./throttle";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export interface SignInClient {
  /** lib/http/client-address.ts: the socket's, or what a trusted proxy forwarded. */
  address: string;
  /** The browser's device cookie, when it sent a well-formed one. */
  deviceId: string | null;
  userAgent: string | null;
}

export type SignInOutcome =
  | { ok: true; userId: string; name: string; sessionVersion: number; sessionId: string; deviceId: string }
  /** Wrong username or password (the same answer for both); retryAfterSeconds: the wait before the next try. */
  | { ok: false; error: "invalid"; retryAfterSeconds: number }
  /** Not tried at all: too many failures; the password was not checked. */
  | { ok: false; error: "throttled"; retryAfterSeconds: number };

/** Pure: the counts an attempt is charged to, given what we know of the client. */
export function keysFor(username: string, client: Pick<SignInClient, "address" | "deviceId">, known: { device: boolean; address: boolean }): ThrottleKey[] {
  if (known.device && client.deviceId) return [throttleKey.device(username, client.deviceId)];
  if (known.address) return [throttleKey.knownAddress(username, client.address)];
  return [throttleKey.pair(username, client.address), throttleKey.address(client.address), throttleKey.account(username)];
}

export async function signInWithPassword(credentials: unknown, client: SignInClient): Promise<SignInOutcome> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, error: "invalid", retryAfterSeconds: 0 };
  const { username, password } = parsed.data;

  const user = await db().user.findUnique({
    where: { username: username.toLowerCase() },
    select: { id: true, name: true, passwordHash: true, disabled: true, sessionVersion: true },
  });
  const known = await knownClient(user?.id ?? null, client.address, client.deviceId);
  const keys = keysFor(username, client, known);
  const charge = await chargeAttempt(keys);
  if (!charge.ok) return { ok: false, error: "throttled", retryAfterSeconds: charge.retryAfterSeconds };

  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.disabled) {
    await pruneThrottle();
    return { ok: false, error: "invalid", retryAfterSeconds: charge.waitSeconds };
  }
  await refundAttempt(keys);
  const deviceId = client.deviceId ?? newDeviceId();
  const sessionId = await createSession({
    userId: user.id,
    sessionVersion: user.sessionVersion,
    address: client.address,
    deviceId,
    userAgent: client.userAgent,
  });
  return { ok: true, userId: user.id, name: user.name, sessionVersion: user.sessionVersion, sessionId, deviceId };
}
