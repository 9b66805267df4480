// proxy.ts, called as Next calls it: what it does to the response before a page or route runs.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { withPeerAddress } from "./peer-address";

const request = (path: string, init: { cookie?: boolean; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://localhost:3000${path}`, {
    headers: { ...(init.cookie ? { cookie: "next-auth.session-token=x" } : {}), ...init.headers },
  });

describe("proxy", () => {
  it("sets the page policy, with a fresh nonce, on pages", async () => {
    const a = await proxy(request("/plans", { cookie: true }));
    const b = await proxy(request("/plans", { cookie: true }));
    expect(a.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));
  });

  it("leaves route handlers' own policy alone (a download's sandbox would be replaced)", async () => {
    for (const path of ["/api/attachments/abc", "/api/summaries/abc", "/api/audit/export?format=csv", "/api/plans/template"]) {
      expect((await proxy(request(path, { cookie: true }))).headers.get("content-security-policy"), path).toBeNull();
    }
  });

  it("refuses a URL with a NUL byte anywhere, before anything else", async () => {
    for (const path of ["/campaigns/%00", "/api/attachments/abc%00", "/plans?x=%00", "/login?callbackUrl=%2F%00"]) {
      const answer = await proxy(request(path, { cookie: true }));
      expect(answer.status, path).toBe(400);
      expect(await answer.text()).toBe("Bad request");
    }
    // "%2500" is the text "%00", not a NUL byte.
    expect((await proxy(request("/plans?q=%2500", { cookie: true }))).status).toBe(200);
  });

  it("sends anonymous visitors to the sign-in page on the same origin, with a safe callback", async () => {
    const located = async (path: string) => {
      const answer = await proxy(request(path));
      expect(answer.status).toBe(307);
      const url = new URL(answer.headers.get("location") ?? "", "http://elsewhere.invalid");
      expect(url.origin).toBe("http://localhost:3000");
      return url.pathname + url.search;
    };
    expect(await located("/plans/abc?f.status=RED")).toBe("/login?callbackUrl=%2Fplans%2Fabc%3Ff.status%3DRED");
    expect(await located("/")).toBe("/login");
    expect(await located("/%09/evil.example")).toBe("/login?callbackUrl=%2F%2509%2Fevil.example");
  });

  it("answers a server action call whose body React could not have sent with a 400", async () => {
    const call = (body: string, type = "text/plain;charset=UTF-8") =>
      proxy(new NextRequest("http://localhost:3000/login", { method: "POST", headers: { "next-action": "abc123", "content-type": type }, body }));
    for (const body of ["not json", "{}", '"x"', "", "[1,"]) expect((await call(body)).status, body).toBe(400);
    for (const body of ["[]", '["zh-CN"]', "[null]"]) expect((await call(body)).status, body).toBe(200);
    expect((await call("anything", "multipart/form-data; boundary=x")).status).toBe(200);
  });

  it("adds no HSTS when no trusted proxy says the browser came over https", async () => {
    // No proxy trusted (the default): an X-Forwarded-Proto header is anybody's.
    const https = { headers: { "x-forwarded-proto": "https" }, cookie: true };
    expect((await withPeerAddress("127.0.0.1", () => proxy(request("/plans", https)))).headers.get("strict-transport-security")).toBeNull();
    expect((await withPeerAddress("127.0.0.1", () => proxy(request("/plans", { cookie: true })))).headers.get("strict-transport-security")).toBeNull();
  });
});
