import { describe, expect, it } from "vitest";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { ACCOUNT_LIMITS, accountKey, clearFailures, recordFailure, throttleState } from "./throttle";

// Also on the embedded database: the failure count is a raw SQL upsert.
describe.each(BOTH_DB_KINDS)("sign-in throttle in the database (%s)", (kind) => {
  const t = useTestDatabase(kind, "empty");

  it("counts concurrent failures without losing any", async () => {
    const key = accountKey("Concurrent");
    await Promise.all(Array.from({ length: 5 }, () => recordFailure([[key, { ...ACCOUNT_LIMITS, lockAfter: 100 }]])));
    expect((await t.prisma.loginThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(5);
  });

  it("slows, then locks an account, and clears it after a success", async () => {
    const key = accountKey("someone");
    for (let i = 0; i < ACCOUNT_LIMITS.slowAfter; i++) await recordFailure([[key, ACCOUNT_LIMITS]]);
    const slowed = await throttleState([[key, ACCOUNT_LIMITS]]);
    expect(slowed.delayMs).toBeGreaterThan(0);
    expect(slowed.lockedUntil).toBeNull();
    for (let i = ACCOUNT_LIMITS.slowAfter; i < ACCOUNT_LIMITS.lockAfter; i++) await recordFailure([[key, ACCOUNT_LIMITS]]);
    const locked = await throttleState([[key, ACCOUNT_LIMITS]]);
    expect(locked.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + (ACCOUNT_LIMITS.lockMinutes - 1) * 60_000);
    await clearFailures(key);
    expect(await throttleState([[key, ACCOUNT_LIMITS]])).toEqual({ lockedUntil: null, delayMs: 0 });
  });

  it("treats usernames case-insensitively, so case variations share one count", () => {
    expect(accountKey(" Lead1 ")).toBe(accountKey("lead1"));
  });
});
