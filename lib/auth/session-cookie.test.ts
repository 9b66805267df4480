import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { claimsOf, sessionCookieName, sessionToken } from "./session-cookie";

const SECRET = "session-cookie-test-secret-0123456789abcdef";
vi.mock("./secret", () => ({ authSecret: () => SECRET }));

const token = (claims: Record<string, unknown>, maxAge = 3600, secret = SECRET) => encode({ token: claims, secret, maxAge });

describe("the session cookie, read without next-auth's request handler", () => {
  it("gives the claims next-auth wrote, and the same again from what it keeps", async () => {
    const t = await token({ uid: "u1", sid: "s1", sv: 3, name: "张三" });
    expect(await claimsOf(t)).toEqual({ uid: "u1", sid: "s1", sv: 3 });
    expect(await claimsOf(t)).toEqual({ uid: "u1", sid: "s1", sv: 3 });
  });

  it("refuses a token made with another secret, a tampered one and garbage", async () => {
    expect(await claimsOf(await token({ uid: "u1", sid: "s1", sv: 0 }, 3600, "another-secret-another-secret-another-secret"))).toBeNull();
    const t = await token({ uid: "u2", sid: "s2", sv: 0 });
    const tampered = `${t.slice(0, -6)}${t.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await claimsOf(tampered)).toBeNull();
    expect(await claimsOf("not-a-token")).toBeNull();
  });

  it("refuses an expired token, and one it kept once it expires", async () => {
    expect(await claimsOf(await token({ uid: "u3", sid: "s3", sv: 0 }, -60))).toBeNull();
    const t = await token({ uid: "u4", sid: "s4", sv: 0 }, 60);
    expect(await claimsOf(t)).not.toBeNull();
    expect(await claimsOf(t, Date.now() + 61_000)).toBeNull();
  });

  it("finds the token under next-auth's name, whole or in chunks", () => {
    const name = sessionCookieName();
    expect(name).toBe("next-auth.session-token");
    expect(sessionToken([{ name: "other", value: "x" }])).toBeNull();
    expect(sessionToken([{ name, value: "abc" }])).toBe("abc");
    expect(
      sessionToken([
        { name: `${name}.1`, value: "def" },
        { name: `${name}.0`, value: "abc" },
      ]),
    ).toBe("abcdef");
  });
});
