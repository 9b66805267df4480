// Failed sign-ins, counted in the database (so the limits hold across app instances) under keys
// chosen for who is asking (lib/auth/sign-in.ts picks them):
//
//   pair          an account from one client address: the usual guessing, slowed then locked
//   address       one address, whatever account: a budget for guessing many names from one place
//   account       one account, from any address not known for it: a guess spread over many places
//   knownAddress  an account from an address it has signed in from before: slowed, never locked
//   device        an account from a browser it has signed in from before: slowed, never locked
//   reauth        a signed-in user re-entering their password (to change it)
//
// An attempt is charged BEFORE its password is checked, in one transaction, so a burst of parallel
// guesses cannot all slip in before the first one is counted; a right password refunds its charge.
// Once a key has `slowAfter` failures, each further attempt must wait (1 s, doubling, capped) after
// the last one; at `lockAfter` the key is locked for `lockMinutes`. A key with no failure for
// `windowMinutes` starts again from nothing.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { SQL_NOW } from "@/lib/db/sql-now";

export const THROTTLE_KINDS = ["pair", "address", "account", "knownAddress", "device", "reauth"] as const;
export type ThrottleKind = (typeof THROTTLE_KINDS)[number];

export interface Limits {
  /** Failures after which each further attempt has to wait a while after the last one. */
  slowAfter: number;
  /** Failures at which the key locks for lockMinutes; null: never locked, only slowed. */
  lockAfter: number | null;
  /** The longest wait between attempts while slowed. */
  maxWaitSeconds: number;
  /** The count starts again after this long without a failure. */
  windowMinutes: number;
  lockMinutes: number;
}

export const LIMITS: Record<ThrottleKind, Limits> = {
  pair: { slowAfter: 3, lockAfter: 10, maxWaitSeconds: 60, windowMinutes: 15, lockMinutes: 15 },
  // One address may be an office's shared NAT: generous, but still a ceiling on guessing names.
  address: { slowAfter: 20, lockAfter: 50, maxWaitSeconds: 60, windowMinutes: 15, lockMinutes: 15 },
  account: { slowAfter: 10, lockAfter: 30, maxWaitSeconds: 60, windowMinutes: 15, lockMinutes: 15 },
  // The account's own person is asking, most likely: never locked out, a guesser still slowed.
  knownAddress: { slowAfter: 3, lockAfter: null, maxWaitSeconds: 300, windowMinutes: 15, lockMinutes: 0 },
  device: { slowAfter: 3, lockAfter: null, maxWaitSeconds: 300, windowMinutes: 15, lockMinutes: 0 },
  // Signed in already: no slowing down, a plain lock after a few wrong passwords.
  reauth: { slowAfter: 8, lockAfter: 8, maxWaitSeconds: 60, windowMinutes: 15, lockMinutes: 15 },
};

export interface ThrottleKey {
  key: string;
  kind: ThrottleKind;
  username: string | null;
  address: string | null;
}

/** Usernames are matched case-insensitively: every spelling of one shares its count. */
export const foldUsername = (username: string) => username.trim().toLowerCase();

export const throttleKey = {
  pair: (username: string, address: string): ThrottleKey => ({
    key: `pair:${foldUsername(username)}|${address}`,
    kind: "pair",
    username: foldUsername(username),
    address,
  }),
  address: (address: string): ThrottleKey => ({ key: `address:${address}`, kind: "address", username: null, address }),
  account: (username: string): ThrottleKey => ({ key: `account:${foldUsername(username)}`, kind: "account", username: foldUsername(username), address: null }),
  knownAddress: (username: string, address: string): ThrottleKey => ({
    key: `knownAddress:${foldUsername(username)}|${address}`,
    kind: "knownAddress",
    username: foldUsername(username),
    address,
  }),
  device: (username: string, deviceId: string): ThrottleKey => ({
    key: `device:${foldUsername(username)}|${deviceId}`,
    kind: "device",
    username: foldUsername(username),
    address: null,
  }),
  reauth: (username: string): ThrottleKey => ({ key: `reauth:${foldUsername(username)}`, kind: "reauth", username: foldUsername(username), address: null }),
};

/** Pure: after `failures` failures, how many seconds the next attempt waits after the last failure. */
export function waitAfter(failures: number, limits: Limits): number {
  if (failures < limits.slowAfter) return 0;
  return Math.min(limits.maxWaitSeconds, 2 ** Math.min(failures - limits.slowAfter, 30));
}

export interface ThrottleRow {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** Pure: how many whole seconds from `now` until the key lets another attempt through (0: now). */
export function secondsUntilAllowed(row: ThrottleRow, limits: Limits, now: Date): number {
  const lock = row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.getTime() : 0;
  const counting = row.lastFailureAt.getTime() > now.getTime() - limits.windowMinutes * 60_000;
  const slowed = counting ? row.lastFailureAt.getTime() + waitAfter(row.failures, limits) * 1000 : 0;
  const until = Math.max(lock, slowed);
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export type Charge = { ok: true; waitSeconds: number } | { ok: false; retryAfterSeconds: number };

class Refused extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("throttled");
  }
}

const chargeOne = (tx: Tx, k: ThrottleKey, l: Limits) => tx.$queryRaw<(ThrottleRow & { now: Date })[]>`
  INSERT INTO "LoginThrottle" AS t ("key", "username", "address", "failures", "firstFailureAt", "lastFailureAt", "lockedUntil", "updatedAt")
  VALUES (${k.key}, ${k.username}, ${k.address}, 1, ${SQL_NOW}, ${SQL_NOW},
          CASE WHEN ${l.lockAfter}::int <= 1 THEN ${SQL_NOW} + make_interval(mins => ${l.lockMinutes}::int) END, ${SQL_NOW})
  ON CONFLICT ("key") DO UPDATE SET
    "failures" = CASE WHEN t."lastFailureAt" > ${SQL_NOW} - make_interval(mins => ${l.windowMinutes}::int) THEN t."failures" + 1 ELSE 1 END,
    "firstFailureAt" = CASE WHEN t."lastFailureAt" > ${SQL_NOW} - make_interval(mins => ${l.windowMinutes}::int) THEN t."firstFailureAt" ELSE ${SQL_NOW} END,
    "lastFailureAt" = ${SQL_NOW},
    "lockedUntil" = CASE WHEN t."lastFailureAt" > ${SQL_NOW} - make_interval(mins => ${l.windowMinutes}::int) AND t."failures" + 1 >= ${l.lockAfter}::int
                         THEN ${SQL_NOW} + make_interval(mins => ${l.lockMinutes}::int) END,
    "updatedAt" = ${SQL_NOW}
  WHERE NOT (t."lockedUntil" IS NOT NULL AND t."lockedUntil" > ${SQL_NOW})
    AND NOT (t."lastFailureAt" > ${SQL_NOW} - make_interval(mins => ${l.windowMinutes}::int)
             AND t."failures" >= ${l.slowAfter}::int
             AND t."lastFailureAt" + make_interval(secs => least(${l.maxWaitSeconds}::int, power(2, least(t."failures" - ${l.slowAfter}::int, 30)))) > ${SQL_NOW})
  RETURNING "failures", "lastFailureAt", "lockedUntil", ${SQL_NOW} AS "now"`;

/**
 * Counts one attempt against every key, all or none: refused (with the wait) when any key is
 * locked or still slowed; otherwise counted, with the wait that applies should it fail.
 */
export async function chargeAttempt(keys: ThrottleKey[], limitsOf: Record<ThrottleKind, Limits> = LIMITS): Promise<Charge> {
  // The same order in every transaction, so two attempts sharing keys never deadlock.
  const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  try {
    const waitSeconds = await db().$transaction(async (tx) => {
      let wait = 0;
      let refusedFor = 0;
      for (const k of ordered) {
        const limits = limitsOf[k.kind];
        const [row] = await chargeOne(tx, k, limits);
        if (row) {
          wait = Math.max(wait, secondsUntilAllowed(row, limits, row.now));
          continue;
        }
        const [held] = await tx.$queryRaw<(ThrottleRow & { now: Date })[]>`
          SELECT "failures", "lastFailureAt", "lockedUntil", ${SQL_NOW} AS "now" FROM "LoginThrottle" WHERE "key" = ${k.key}`;
        refusedFor = Math.max(refusedFor, held ? Math.max(1, secondsUntilAllowed(held, limits, held.now)) : 1);
      }
      if (refusedFor > 0) throw new Refused(refusedFor);
      return wait;
    });
    return { ok: true, waitSeconds };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}

/**
 * The password was right: the attempt's charge is taken back. The keys of this client (the pair,
 * a known address or device) start afresh; the shared ones (an address's budget, an account's
 * count from elsewhere) only lose this one attempt, so a guesser's failures still stand.
 */
export async function refundAttempt(keys: ThrottleKey[], limitsOf: Record<ThrottleKind, Limits> = LIMITS): Promise<void> {
  const own = keys.filter((k) => k.kind !== "address" && k.kind !== "account").map((k) => k.key);
  const shared = keys.filter((k) => k.kind === "address" || k.kind === "account");
  await db().$transaction(async (tx) => {
    if (own.length) await tx.loginThrottle.deleteMany({ where: { key: { in: own } } });
    for (const k of shared) {
      const lockAfter = limitsOf[k.kind].lockAfter;
      await tx.$executeRaw`
        UPDATE "LoginThrottle" SET "failures" = "failures" - 1, "updatedAt" = ${SQL_NOW},
          "lockedUntil" = CASE WHEN "failures" - 1 >= ${lockAfter}::int THEN "lockedUntil" END
        WHERE "key" = ${k.key} AND "failures" > 0`;
      await tx.loginThrottle.deleteMany({ where: { key: k.key, failures: { lte: 0 } } });
    }
  });
}

/** Counts that ended a day ago are history: keeps the table to the keys in play. */
export async function pruneThrottle(): Promise<void> {
  await db().$executeRaw`
    DELETE FROM "LoginThrottle"
    WHERE "lastFailureAt" < ${SQL_NOW} - interval '1 day' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${SQL_NOW})`;
}

/** Every count kept for an account (an admin's password reset is how its owner gets back in). */
export async function clearAccountThrottle(username: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { username: foldUsername(username) } });
}

export function kindOf(key: string): ThrottleKind | null {
  const kind = key.slice(0, key.indexOf(":"));
  return (THROTTLE_KINDS as readonly string[]).includes(kind) ? (kind as ThrottleKind) : null;
}
