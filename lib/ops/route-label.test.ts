import { describe, expect, it } from "vitest";
import { actionNames, incomingRequestId, methodLabel, routeLabeler } from "./route-label";

// As .next/routes-manifest.json has them (route groups such as (app) are not part of the path).
const label = routeLabeler({
  staticRoutes: [{ page: "/" }, { page: "/plans" }, { page: "/plans/import" }, { page: "/api/health" }, { page: "/api/health/ready" }],
  dynamicRoutes: [
    { page: "/plans/[planId]", regex: "^/plans/([^/]+?)(?:/)?$" },
    { page: "/campaigns/[id]/reports/[month]", regex: "^/campaigns/([^/]+?)/reports/([^/]+?)(?:/)?$" },
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/broken", regex: "(" },
  ],
});

describe("routeLabeler", () => {
  it("names a request by its route pattern, never by the ids in its path", () => {
    expect(label("/")).toBe("/");
    expect(label("/plans")).toBe("/plans");
    expect(label("/plans/")).toBe("/plans");
    expect(label("/plans/import")).toBe("/plans/import");
    expect(label("/plans/cmx69at9j001eg07dvsl7zpzk")).toBe("/plans/[planId]");
    expect(label("/campaigns/cmx69atar001fg07dyo2b2znd/reports/3")).toBe("/campaigns/[id]/reports/[month]");
    expect(label("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(label("/api/health/ready")).toBe("/api/health/ready");
  });

  it("groups Next's assets, keeps public files by name, and puts anything else under one label", () => {
    expect(label("/_next/static/chunks/0hx6_vzto22u8.js")).toBe("/_next/static");
    expect(label("/_next/image")).toBe("/_next/image");
    expect(label("/icon.svg")).toBe("/icon.svg");
    expect(label("/wp-admin/setup-config.php")).toBe("other");
    expect(label("/campaigns/x/reports/3/extra")).toBe("other");
  });
});

describe("request ids and methods", () => {
  it("keeps a request id a proxy sent when it looks like one", () => {
    expect(incomingRequestId("0123456789abcdef0123456789abcdef")).toBe("0123456789abcdef0123456789abcdef");
    expect(incomingRequestId(["req-12345678", "other"])).toBe("req-12345678");
    expect(incomingRequestId(undefined)).toBeNull();
    expect(incomingRequestId("short")).toBeNull();
    expect(incomingRequestId("has space in it")).toBeNull();
    expect(incomingRequestId('"><script>alert(1)</script>')).toBeNull();
    expect(incomingRequestId("x".repeat(129))).toBeNull();
  });

  it("labels the methods there are, and nothing else", () => {
    expect(methodLabel("GET")).toBe("GET");
    expect(methodLabel("POST")).toBe("POST");
    expect(methodLabel("PROPFIND")).toBe("OTHER");
    expect(methodLabel(undefined)).toBe("OTHER");
  });
});

describe("actionNames", () => {
  it("names a server action by the id Next sends, as the build's manifest lists it", () => {
    const name = actionNames({
      node: {
        "6094be66ad74b68ebe9f82e6e2210dc5bcece6a7d5": { exportedName: "createDepartmentAction" },
        "4095537ce6e170a5c6065e52138caa6f6cffea179a": {},
      },
    });
    expect(name("6094be66ad74b68ebe9f82e6e2210dc5bcece6a7d5")).toBe("createDepartmentAction");
    expect(name("4095537ce6e170a5c6065e52138caa6f6cffea179a")).toBeUndefined();
    expect(name("unknown")).toBeUndefined();
  });
});
