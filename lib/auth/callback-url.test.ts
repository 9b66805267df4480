import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/plans", "/plans"],
    ["/plans/abc?f.status=RED#campaigns", "/plans/abc?f.status=RED#campaigns"],
    ["/board?asOf=2018-03", "/board?asOf=2018-03"],
    ["/campaigns/x/reports/2018-03", "/campaigns/x/reports/2018-03"],
    // Kept on this site, with the odd characters percent-encoded (no raw control character in a Location).
    ["/a b", "/a%20b"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/plans/../board", "/board"],
    // A relative path is resolved on this site.
    ["plans", "/plans"],
  ])("keeps the same-site path %j as %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    // The reported ones: a tab or newline between the slashes, which the browser drops.
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\n/evil.example"],
    ["\t//evil.example"],
    ["/\t\t/evil.example/login"],
    // Protocol-relative, with backslashes, with extra slashes.
    ["//evil.example"],
    ["///evil.example"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["\\/evil.example"],
    // Paths that normalise to "//host".
    ["/.//evil.example"],
    ["/..//evil.example"],
    ["/%2e%2e//evil.example"],
    ["/plans/../..//evil.example"],
    // Absolute URLs and other schemes.
    ["https://evil.example/plans"],
    ["http://evil.example"],
    ["HTTPS://evil.example"],
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["mailto:someone@evil.example"],
    // Not worth a redirect: the sign-in page itself (a loop), the API, nothing, junk.
    ["/login"],
    ["/login?callbackUrl=%2Fplans"],
    ["/api/audit/export?format=csv"],
    [""],
    ["/" + "a".repeat(3000)],
  ])("refuses %j (goes home)", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("refuses values that are not a string", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(42)).toBe("/");
    expect(safeCallbackPath({ toString: () => "/plans" })).toBe("/");
  });

  it("takes the first of repeated query parameters", () => {
    expect(safeCallbackPath(["/plans", "//evil.example"])).toBe("/plans");
    expect(safeCallbackPath(["//evil.example", "/plans"])).toBe("/");
  });

  it("accepts an absolute URL on one of this site's own origins, as a path", () => {
    expect(safeCallbackPath("http://localhost:3000/plans?x=1", ["http://localhost:3000"])).toBe("/plans?x=1");
    expect(safeCallbackPath("http://localhost:3000/plans", ["http://localhost:3000/api/auth"])).toBe("/plans");
    expect(safeCallbackPath("http://localhost:3001/plans", ["http://localhost:3000"])).toBe("/");
    expect(safeCallbackPath("https://localhost:3000/plans", ["http://localhost:3000"])).toBe("/");
    expect(safeCallbackPath("http://localhost:3000//evil.example", ["http://localhost:3000"])).toBe("/");
  });

  it("never returns anything but a single-slash path free of control characters", () => {
    const nasty = ["/\t/x", "/\u0000/x", "/\u000b/x", "/\u00a0/x", "/ /x", "/\u2028/x", "/%00", "/x\r\nSet-Cookie: a=b"];
    for (const value of nasty) {
      const path = safeCallbackPath(value);
      expect(path, JSON.stringify(value)).toMatch(/^\/(?!\/)/);
      expect(path, JSON.stringify(value)).not.toMatch(/[\u0000-\u001f\u007f\s\\]/);
    }
  });
});
