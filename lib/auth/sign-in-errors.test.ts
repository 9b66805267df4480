import { describe, expect, it } from "vitest";
import { decodeSignInError, encodeSignInError, waitInWords } from "./sign-in-errors";

describe("sign-in errors between the server and the login form", () => {
  it.each([
    ["invalid", 0, "CredentialsSignin", { code: "invalid", retryAfterSeconds: 0 }],
    ["invalid", 4, "CredentialsSignin:4", { code: "invalid", retryAfterSeconds: 4 }],
    ["throttled", 900, "SignInThrottled:900", { code: "throttled", retryAfterSeconds: 900 }],
    ["throttled", 0.2, "SignInThrottled:1", { code: "throttled", retryAfterSeconds: 1 }],
  ] as const)("%s with a %d s wait travels as %j", (code, seconds, wire, decoded) => {
    expect(encodeSignInError(code, seconds)).toBe(wire);
    expect(decodeSignInError(wire)).toEqual(decoded);
  });

  it("reads next-auth's own codes and anything else as 'unavailable' or 'invalid'", () => {
    expect(decodeSignInError("CredentialsSignin")).toEqual({ code: "invalid", retryAfterSeconds: 0 });
    expect(decodeSignInError("SignInThrottled")).toEqual({ code: "throttled", retryAfterSeconds: 1 });
    for (const other of [null, undefined, "", "Configuration", "Callback", "SignInThrottled:abc", "x:1:2"]) {
      expect(decodeSignInError(other)).toEqual({ code: "unavailable", retryAfterSeconds: 0 });
    }
  });
});

describe("waitInWords", () => {
  it.each([
    [0.4, { unit: "seconds", count: 1 }],
    [1, { unit: "seconds", count: 1 }],
    [59, { unit: "seconds", count: 59 }],
    [119, { unit: "seconds", count: 119 }],
    [120, { unit: "minutes", count: 2 }],
    [121, { unit: "minutes", count: 3 }],
    [900, { unit: "minutes", count: 15 }],
  ] as const)("says %d s as %j", (seconds, words) => {
    expect(waitInWords(seconds)).toEqual(words);
  });
});
