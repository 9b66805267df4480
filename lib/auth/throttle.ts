// Failed sign-ins, counted per account and per client address in the database (so the limits hold
// across app instances): after a few failures each answer is slowed, after more the key is locked
// for a while. Success clears the account's count.
import { db } from "@/lib/db";

export interface Limits {
  slowAfter: number;
  lockAfter: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const ACCOUNT_LIMITS: Limits = { slowAfter: 3, lockAfter: 8, windowMinutes: 15, lockMinutes: 15 };
// One address may be an office's shared NAT: generous, but still a ceiling on guessing.
export const ADDRESS_LIMITS: Limits = { slowAfter: 20, lockAfter: 60, windowMinutes: 15, lockMinutes: 15 };

export const accountKey = (username: string) => `account:${username.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** Pure: how long to hold back the answer after `failures` failures. */
export function delayFor(failures: number, limits: Limits): number {
  if (failures < limits.slowAfter) return 0;
  return Math.min(5000, 500 * 2 ** (failures - limits.slowAfter));
}

export interface ThrottleState {
  lockedUntil: Date | null;
  delayMs: number;
}

export async function throttleState(keys: [string, Limits][], now = new Date()): Promise<ThrottleState> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: keys.map(([k]) => k) } } });
  let lockedUntil: Date | null = null;
  let delayMs = 0;
  for (const [key, limits] of keys) {
    const row = rows.find((r) => r.key === key);
    if (!row) continue;
    if (row.lockedUntil && row.lockedUntil > now && (!lockedUntil || row.lockedUntil > lockedUntil)) {
      lockedUntil = row.lockedUntil;
    }
    const windowStart = new Date(now.getTime() - limits.windowMinutes * 60_000);
    if (row.firstFailureAt > windowStart) delayMs = Math.max(delayMs, delayFor(row.failures, limits));
  }
  return { lockedUntil, delayMs };
}

export async function recordFailure(keys: [string, Limits][]): Promise<void> {
  for (const [key, l] of keys) {
    // One atomic upsert: concurrent failures all count, and the window restarts once it has passed.
    await db().$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "failures", "firstFailureAt", "updatedAt")
      VALUES (${key}, 1, now(), now())
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."firstFailureAt" < now() - make_interval(mins => ${l.windowMinutes})
                          THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "firstFailureAt" = CASE WHEN "LoginThrottle"."firstFailureAt" < now() - make_interval(mins => ${l.windowMinutes})
                          THEN now() ELSE "LoginThrottle"."firstFailureAt" END,
        "lockedUntil" = CASE WHEN "LoginThrottle"."firstFailureAt" >= now() - make_interval(mins => ${l.windowMinutes})
                              AND "LoginThrottle"."failures" + 1 >= ${l.lockAfter}
                          THEN now() + make_interval(mins => ${l.lockMinutes}) ELSE "LoginThrottle"."lockedUntil" END,
        "updatedAt" = now()`;
  }
}

export async function clearFailures(key: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key } });
}
