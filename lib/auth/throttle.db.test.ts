import { describe, expect, it } from "vitest";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { chargeAttempt, clearAccountThrottle, LIMITS, pruneThrottle, refundAttempt, throttleKey, type Limits, type ThrottleKind } from "./throttle";

// Also on the embedded database: the counts are raw SQL upserts.
describe.each(BOTH_DB_KINDS)("sign-in counts in the database (%s)", (kind) => {
  const t = useTestDatabase(kind, "empty");

  const row = (key: string) => t.prisma.loginThrottle.findUnique({ where: { key } });
  /** Lets the waits run out, as a patient guesser would (locks stay: they are kept as a time). */
  const waitOut = () => t.prisma.$executeRaw`UPDATE "LoginThrottle" SET "lastFailureAt" = "lastFailureAt" - interval '10 minutes'`;

  it("counts an attempt under every key, with the address and account it belongs to", async () => {
    const keys = [throttleKey.pair("Alice", "10.0.0.1"), throttleKey.address("10.0.0.1"), throttleKey.account("Alice")];
    expect(await chargeAttempt(keys)).toEqual({ ok: true, waitSeconds: 0 });
    expect(await row("pair:alice|10.0.0.1")).toMatchObject({ failures: 1, username: "alice", address: "10.0.0.1", lockedUntil: null });
    expect(await row("address:10.0.0.1")).toMatchObject({ failures: 1, username: null, address: "10.0.0.1" });
    expect(await row("account:alice")).toMatchObject({ failures: 1, username: "alice", address: null });
    // The database's clock, read as UTC like every other date (not eight hours off on a server in China).
    const { lastFailureAt } = (await row("account:alice"))!;
    expect(Math.abs(lastFailureAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("after slowAfter failures refuses the next attempt until its wait has passed, without counting it", async () => {
    const pair = [throttleKey.pair("bob", "10.0.0.2")];
    for (let i = 0; i < LIMITS.pair.slowAfter - 1; i++) expect(await chargeAttempt(pair)).toEqual({ ok: true, waitSeconds: 0 });
    expect(await chargeAttempt(pair)).toEqual({ ok: true, waitSeconds: 1 });
    const refused = await chargeAttempt(pair);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect((await row(pair[0]!.key))?.failures).toBe(LIMITS.pair.slowAfter);
    await waitOut();
    expect(await chargeAttempt(pair)).toEqual({ ok: true, waitSeconds: 2 });
  });

  it("locks a pair at lockAfter for lockMinutes, however patient the guesser", async () => {
    const pair = [throttleKey.pair("carol", "10.0.0.3")];
    for (let i = 0; i < (LIMITS.pair.lockAfter ?? 0); i++) {
      expect((await chargeAttempt(pair)).ok).toBe(true);
      await waitOut();
    }
    const refused = await chargeAttempt(pair);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterSeconds).toBeGreaterThan((LIMITS.pair.lockMinutes - 1) * 60);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.pair.lockMinutes * 60);
    }
    await waitOut();
    expect((await chargeAttempt(pair)).ok).toBe(false);
  });

  it("never locks a known browser or address, only slows it", async () => {
    for (const k of [throttleKey.device("dave", "device-dave-0000000000000"), throttleKey.knownAddress("dave", "10.0.0.4")]) {
      for (let i = 0; i < 100; i++) {
        expect((await chargeAttempt([k])).ok, `${k.kind} attempt ${i + 1}`).toBe(true);
        await t.prisma.$executeRaw`UPDATE "LoginThrottle" SET "lastFailureAt" = "lastFailureAt" - interval '6 minutes' WHERE "key" = ${k.key}`;
      }
      expect(await row(k.key)).toMatchObject({ failures: 100, lockedUntil: null });
    }
  });

  it("refuses all keys or counts all: one refused key leaves the others as they were", async () => {
    const address = throttleKey.address("10.0.0.5");
    const locked = throttleKey.pair("erin", "10.0.0.5");
    await t.prisma.loginThrottle.create({
      data: { key: locked.key, username: "erin", address: "10.0.0.5", failures: 10, lockedUntil: new Date(Date.now() + 600_000) },
    });
    expect((await chargeAttempt([address, locked])).ok).toBe(false);
    expect(await row(address.key)).toBeNull();
  });

  it("counts a burst of parallel attempts one by one: no more get through than the limit allows", async () => {
    const strict: Record<ThrottleKind, Limits> = { ...LIMITS, pair: { slowAfter: 100, lockAfter: 5, maxWaitSeconds: 60, windowMinutes: 15, lockMinutes: 15 } };
    const pair = [throttleKey.pair("frank", "10.0.0.6"), throttleKey.address("10.0.0.6")];
    const results = await Promise.all(Array.from({ length: 20 }, () => chargeAttempt(pair, strict)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await row(pair[0]!.key)).toMatchObject({ failures: 5 });
    expect(await row(pair[1]!.key)).toMatchObject({ failures: 5 });
  });

  it("a refund clears the client's own count and takes one attempt off the shared ones", async () => {
    const keys = [throttleKey.pair("grace", "10.0.0.7"), throttleKey.address("10.0.0.7"), throttleKey.account("grace")];
    await chargeAttempt(keys);
    await waitOut();
    await chargeAttempt(keys);
    await refundAttempt(keys);
    expect(await row(keys[0]!.key)).toBeNull();
    expect(await row(keys[1]!.key)).toMatchObject({ failures: 1 });
    expect(await row(keys[2]!.key)).toMatchObject({ failures: 1 });
    await refundAttempt([keys[1]!, keys[2]!]);
    expect(await row(keys[1]!.key)).toBeNull();
  });

  it("a refund of the attempt that reached an account's lock lifts that lock", async () => {
    const account = throttleKey.account("heidi");
    await t.prisma.loginThrottle.create({
      data: { key: account.key, username: "heidi", failures: (LIMITS.account.lockAfter ?? 0) - 1, lastFailureAt: new Date(Date.now() - 600_000) },
    });
    expect((await chargeAttempt([account])).ok).toBe(true);
    expect((await row(account.key))?.lockedUntil).not.toBeNull();
    await refundAttempt([account]);
    expect(await row(account.key)).toMatchObject({ failures: (LIMITS.account.lockAfter ?? 0) - 1, lockedUntil: null });
  });

  it("starts afresh after a quiet window", async () => {
    const pair = [throttleKey.pair("ivan", "10.0.0.8")];
    for (let i = 0; i < 3; i++) {
      await chargeAttempt(pair);
      await waitOut();
    }
    await t.prisma.$executeRaw`UPDATE "LoginThrottle" SET "lastFailureAt" = "lastFailureAt" - interval '1 hour' WHERE "key" = ${pair[0]!.key}`;
    expect(await chargeAttempt(pair)).toEqual({ ok: true, waitSeconds: 0 });
    expect((await row(pair[0]!.key))?.failures).toBe(1);
  });

  it("clears every count of one account, and prunes counts a day old", async () => {
    await chargeAttempt([throttleKey.pair("judy", "10.0.0.9"), throttleKey.account("judy"), throttleKey.address("10.0.0.9")]);
    await clearAccountThrottle("JUDY");
    expect(await t.prisma.loginThrottle.count({ where: { username: "judy" } })).toBe(0);
    expect(await row("address:10.0.0.9")).not.toBeNull();
    await t.prisma.$executeRaw`UPDATE "LoginThrottle" SET "lastFailureAt" = "lastFailureAt" - interval '2 days' WHERE "key" = 'address:10.0.0.9'`;
    await pruneThrottle();
    expect(await row("address:10.0.0.9")).toBeNull();
  });
});
