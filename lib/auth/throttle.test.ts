// Only the pure parts: the limits, the waits, the keys. Nothing here opens the database.
import { describe, expect, it } from "vitest";
import { kindOf, LIMITS, secondsUntilAllowed, THROTTLE_KINDS, throttleKey, waitAfter, type Limits } from "@/lib/auth/throttle";

describe("LIMITS", () => {
  it.each(THROTTLE_KINDS)("%s slows down no later than it locks, over positive windows", (kind) => {
    const l = LIMITS[kind];
    expect(l.slowAfter).toBeGreaterThan(0);
    if (l.lockAfter !== null) {
      expect(l.lockAfter).toBeGreaterThanOrEqual(l.slowAfter);
      expect(l.lockMinutes).toBeGreaterThan(0);
      expect(l.lockMinutes).toBeLessThanOrEqual(l.windowMinutes);
    }
    expect(l.windowMinutes).toBeGreaterThan(0);
    expect(l.maxWaitSeconds).toBeGreaterThan(0);
  });

  it("never locks an account's owner on a known browser or at a known address", () => {
    expect(LIMITS.device.lockAfter).toBeNull();
    expect(LIMITS.knownAddress.lockAfter).toBeNull();
  });

  it("gives an address (perhaps a whole office behind one NAT) more room than one account from it", () => {
    expect(LIMITS.address.slowAfter).toBeGreaterThan(LIMITS.pair.slowAfter);
    expect(LIMITS.address.lockAfter ?? 0).toBeGreaterThan(LIMITS.pair.lockAfter ?? 0);
  });
});

describe("waitAfter", () => {
  it.each([0, 1, 2])("lets the next attempt through at once after %i failures of an (account, address) pair", (failures) => {
    expect(waitAfter(failures, LIMITS.pair)).toBe(0);
  });

  it.each([
    [3, 1],
    [4, 2],
    [5, 4],
    [6, 8],
    [7, 16],
    [8, 32],
    [9, 60],
    [50, 60],
    [10_000, 60],
  ])("after %i failures of a pair, waits %i s", (failures, seconds) => {
    expect(waitAfter(failures, LIMITS.pair)).toBe(seconds);
  });

  it("caps a known browser's wait at its own maximum", () => {
    expect(waitAfter(100, LIMITS.device)).toBe(LIMITS.device.maxWaitSeconds);
  });

  it("never decreases as failures grow", () => {
    for (const kind of THROTTLE_KINDS) {
      let previous = 0;
      for (let failures = 0; failures < 200; failures++) {
        const w = waitAfter(failures, LIMITS[kind]);
        expect(w).toBeGreaterThanOrEqual(previous);
        previous = w;
      }
    }
  });
});

describe("secondsUntilAllowed", () => {
  const now = new Date("2026-11-27T10:00:00Z");
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  const limits: Limits = { slowAfter: 3, lockAfter: 10, maxWaitSeconds: 60, windowMinutes: 15, lockMinutes: 15 };

  it("is 0 below slowAfter", () => {
    expect(secondsUntilAllowed({ failures: 2, lastFailureAt: ago(0), lockedUntil: null }, limits, now)).toBe(0);
  });

  it("is what is left of the wait after the last failure", () => {
    expect(secondsUntilAllowed({ failures: 6, lastFailureAt: ago(3), lockedUntil: null }, limits, now)).toBe(5);
    expect(secondsUntilAllowed({ failures: 6, lastFailureAt: ago(8), lockedUntil: null }, limits, now)).toBe(0);
  });

  it("is what is left of a lock, rounded up to whole seconds", () => {
    const lockedUntil = new Date(now.getTime() + 14 * 60_000 + 500);
    expect(secondsUntilAllowed({ failures: 10, lastFailureAt: ago(60), lockedUntil }, limits, now)).toBe(14 * 60 + 1);
  });

  it("forgets failures older than the window and locks that have run out", () => {
    expect(secondsUntilAllowed({ failures: 9, lastFailureAt: ago(16 * 60), lockedUntil: null }, limits, now)).toBe(0);
    expect(secondsUntilAllowed({ failures: 10, lastFailureAt: ago(16 * 60), lockedUntil: ago(60) }, limits, now)).toBe(0);
  });
});

describe("throttle keys", () => {
  it("fold the account name to trimmed lower case", () => {
    expect(throttleKey.account("  Admin ").key).toBe("account:admin");
    expect(throttleKey.pair("ADMIN", "10.0.0.1").key).toBe(throttleKey.pair("admin", "10.0.0.1").key);
    expect(throttleKey.pair(" Lead1", "10.0.0.1")).toEqual({ key: "pair:lead1|10.0.0.1", kind: "pair", username: "lead1", address: "10.0.0.1" });
  });

  it("keep one account's counts apart by address and browser", () => {
    const keys = [
      throttleKey.pair("lead1", "10.0.0.1"),
      throttleKey.pair("lead1", "10.0.0.2"),
      throttleKey.knownAddress("lead1", "10.0.0.1"),
      throttleKey.device("lead1", "abc"),
      throttleKey.device("lead1", "abd"),
      throttleKey.account("lead1"),
      throttleKey.reauth("lead1"),
      throttleKey.address("10.0.0.1"),
    ].map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("name their kind", () => {
    for (const k of [throttleKey.pair("a", "::1"), throttleKey.address("::1"), throttleKey.device("a", "d"), throttleKey.reauth("a")]) {
      expect(kindOf(k.key)).toBe(k.kind);
    }
    expect(kindOf("nonsense")).toBeNull();
    expect(kindOf("other:x")).toBeNull();
  });
});
