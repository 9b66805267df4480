import { describe, expect, it } from "vitest";
import { backoffMs, CLAIM_MS, MAX_ATTEMPTS } from "./backoff";

describe("backoff", () => {
  it("doubles from 30 s and stops at an hour", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
    expect(backoffMs(0)).toBe(30_000);
  });
  it("a claim outlives a send's time-out and the attempts end", () => {
    expect(CLAIM_MS).toBeGreaterThan(10_000);
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);
  });
});
