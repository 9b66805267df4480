// Only the pure parts: delayFor and the limit constants. Nothing here opens the database.
import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMITS, ADDRESS_LIMITS, accountKey, addressKey, delayFor, type Limits } from "@/lib/auth/throttle";

describe("limit constants", () => {
  it.each([
    ["ACCOUNT_LIMITS", ACCOUNT_LIMITS],
    ["ADDRESS_LIMITS", ADDRESS_LIMITS],
  ] as const)("%s slow down before they lock, over positive windows", (_name, limits) => {
    expect(limits.slowAfter).toBeGreaterThan(0);
    expect(limits.lockAfter).toBeGreaterThan(limits.slowAfter);
    expect(limits.windowMinutes).toBeGreaterThan(0);
    expect(limits.lockMinutes).toBeGreaterThan(0);
  });

  it("has the documented account limits", () => {
    expect(ACCOUNT_LIMITS).toEqual({ slowAfter: 3, lockAfter: 8, windowMinutes: 15, lockMinutes: 15 });
  });

  it("is more generous per address (a shared office NAT) than per account", () => {
    expect(ADDRESS_LIMITS.slowAfter).toBeGreaterThan(ACCOUNT_LIMITS.slowAfter);
    expect(ADDRESS_LIMITS.lockAfter).toBeGreaterThan(ACCOUNT_LIMITS.lockAfter);
  });
});

describe("delayFor", () => {
  it.each([0, 1, 2])("does not hold back an account after %i failures", (failures) => {
    expect(delayFor(failures, ACCOUNT_LIMITS)).toBe(0);
  });

  it.each([
    [3, 500],
    [4, 1000],
    [5, 2000],
    [6, 4000],
    [7, 5000],
    [8, 5000],
    [50, 5000],
  ])("holds back an account by %i failures for %i ms", (failures, ms) => {
    expect(delayFor(failures, ACCOUNT_LIMITS)).toBe(ms);
  });

  it("starts delaying an address only at its own slowAfter", () => {
    expect(delayFor(ADDRESS_LIMITS.slowAfter - 1, ADDRESS_LIMITS)).toBe(0);
    expect(delayFor(ADDRESS_LIMITS.slowAfter, ADDRESS_LIMITS)).toBe(500);
  });

  it("never decreases as failures grow, and never exceeds 5000 ms", () => {
    for (const limits of [ACCOUNT_LIMITS, ADDRESS_LIMITS]) {
      let previous = 0;
      for (let failures = 0; failures <= limits.lockAfter + 100; failures++) {
        const d = delayFor(failures, limits);
        expect(d).toBeGreaterThanOrEqual(previous);
        expect(d).toBeLessThanOrEqual(5000);
        previous = d;
      }
      expect(previous).toBe(5000);
    }
  });

  it("stays capped for a huge failure count", () => {
    expect(delayFor(10_000, ACCOUNT_LIMITS)).toBe(5000);
  });

  it("uses the limits it is given", () => {
    const custom: Limits = { slowAfter: 0, lockAfter: 5, windowMinutes: 1, lockMinutes: 1 };
    expect(delayFor(0, custom)).toBe(500);
    expect(delayFor(1, custom)).toBe(1000);
  });
});

describe("throttle keys", () => {
  it("folds the account name to trimmed lower case", () => {
    expect(accountKey("  Admin ")).toBe("account:admin");
    expect(accountKey("admin")).toBe(accountKey("ADMIN"));
  });

  it("keeps the address as given", () => {
    expect(addressKey("10.0.0.1")).toBe("address:10.0.0.1");
    expect(addressKey("::1")).not.toBe(accountKey("::1"));
  });
});
