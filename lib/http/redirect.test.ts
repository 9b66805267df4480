import { describe, expect, it } from "vitest";
import { redirectTo, relativeLocation } from "./redirect";

describe("redirectTo", () => {
  it("answers a 303 to the path, as a relative Location", () => {
    const r = redirectTo("/plans/import?file=abc&name=%E8%AE%A1%E5%88%92.xlsx");
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/plans/import?file=abc&name=%E8%AE%A1%E5%88%92.xlsx");
  });

  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "plans"])("refuses to build a redirect to %j", (path) => {
    expect(() => redirectTo(path)).toThrow();
  });
});

describe("relativeLocation", () => {
  const origin = "http://localhost:3000";
  const located = (location: string) => {
    const headers = new Headers({ location });
    relativeLocation(headers, origin);
    return headers.get("location");
  };

  it("turns next-auth's absolute redirects on its own origin into paths", () => {
    expect(located("http://localhost:3000/login?error=CredentialsSignin")).toBe("/login?error=CredentialsSignin");
    expect(located("http://localhost:3000/")).toBe("/");
    expect(located("http://localhost:3000/api/auth/signin?callbackUrl=%2Fplans")).toBe("/api/auth/signin?callbackUrl=%2Fplans");
  });

  it("leaves other origins, paths and a missing Location alone", () => {
    expect(located("https://sso.example/authorize")).toBe("https://sso.example/authorize");
    expect(located("http://localhost:3001/x")).toBe("http://localhost:3001/x");
    expect(located("/plans")).toBe("/plans");
    const headers = new Headers();
    relativeLocation(headers, origin);
    expect(headers.get("location")).toBeNull();
  });

  it("never leaves a protocol-relative path behind", () => {
    expect(located("http://localhost:3000//evil.example")).toBe("http://localhost:3000//evil.example");
  });
});
