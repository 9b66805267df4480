import { describe, expect, it } from "vitest";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns, visibleCampaigns, visiblePlans, visibleUsers } from "@/lib/auth/scope";

function user(roles: Role[], orgIds = ["town-1", "town-2"]): SessionUser {
  return { id: "user-7", username: "u7", name: "用户", orgId: orgIds[0] ?? "town-1", orgIds, roles, mustChangePassword: false };
}

describe("visiblePlans", () => {
  it("restricts plans to the user's organisations", () => {
    expect(visiblePlans(user(["VIEWER"]))).toEqual({ orgId: { in: ["town-1", "town-2"] } });
  });

  it("follows the user's orgIds, not only their own orgId", () => {
    expect(visiblePlans(user(["ADMIN"], ["county", "town-a", "town-b"]))).toEqual({ orgId: { in: ["county", "town-a", "town-b"] } });
  });

  it("matches nothing for a user without organisations", () => {
    expect(visiblePlans(user(["ADMIN"], []))).toEqual({ orgId: { in: [] } });
  });
});

describe("visibleCampaigns and visibleUsers", () => {
  it("scope campaigns through their plan's organisation", () => {
    expect(visibleCampaigns(user(["VIEWER"]))).toEqual({ plan: { orgId: { in: ["town-1", "town-2"] } } });
  });

  it("scope users to the same organisations", () => {
    expect(visibleUsers(user(["STAFF"]))).toEqual({ orgId: { in: ["town-1", "town-2"] } });
  });
});

describe("reportableCampaigns", () => {
  it("gives an ADMIN every visible campaign", () => {
    const admin = user(["ADMIN"]);
    expect(reportableCampaigns(admin)).toEqual(visibleCampaigns(admin));
    expect(reportableCampaigns(admin)).not.toHaveProperty("leads");
  });

  it("gives an ADMIN who is also a LEAD every visible campaign", () => {
    const u = user(["ADMIN", "LEAD"]);
    expect(reportableCampaigns(u)).toEqual(visibleCampaigns(u));
  });

  it("gives a LEAD only their own campaigns, within their organisations", () => {
    expect(reportableCampaigns(user(["LEAD"]))).toEqual({
      plan: { orgId: { in: ["town-1", "town-2"] } },
      leads: { some: { userId: "user-7" } },
    });
  });

  it("keeps the org restriction for a LEAD who also holds other roles", () => {
    const where = reportableCampaigns(user(["LEAD", "VIEWER"], ["town-9"]));
    expect(where).toMatchObject({ plan: { orgId: { in: ["town-9"] } }, leads: { some: { userId: "user-7" } } });
  });

  it.each<[Role[]]>([[["VIEWER"]], [["STAFF"]], [["LEADER"]], [["LEADER", "STAFF", "VIEWER"]], [[]]])("matches nothing for roles %j", (roles) => {
    expect(reportableCampaigns(user(roles))).toEqual({ id: { in: [] } });
  });
});
