import { describe, expect, it } from "vitest";
import type { Role, SessionUser } from "@/lib/auth/roles";
import {
  decidablePlanChanges,
  downloadableSummaries,
  exportableCampaigns,
  keepableOrgs,
  reportableCampaigns,
  rollablePlans,
  visibleAudit,
  visibleCampaigns,
  visiblePlans,
  visibleUsers,
} from "@/lib/auth/scope";

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

describe("the clauses of users without the permission match nothing", () => {
  it.each<[string, (u: SessionUser) => unknown, Role[]]>([
    ["keepableOrgs", keepableOrgs, ["LEADER", "LEAD", "VIEWER"]],
    ["rollablePlans", rollablePlans, ["LEADER", "LEAD", "VIEWER"]],
    ["decidablePlanChanges", decidablePlanChanges, ["STAFF", "LEAD", "VIEWER"]],
    ["exportableCampaigns", exportableCampaigns, []],
    ["downloadableSummaries", downloadableSummaries, []],
  ])("%s", (_name, clause, roles) => {
    expect(clause(user(roles))).toEqual({ id: { in: [] } });
  });

  it("gives a lead only their own campaigns to export and their own archives to download", () => {
    expect(exportableCampaigns(user(["LEAD"]))).toMatchObject({ leads: { some: { userId: "user-7" } } });
    expect(downloadableSummaries(user(["LEAD"]))).toMatchObject({ generatedById: "user-7" });
    expect(downloadableSummaries(user(["VIEWER"]))).not.toHaveProperty("generatedById");
  });

  it("shows the system's own audit records to admins alone", () => {
    expect(visibleAudit(user(["ADMIN"]))).toEqual({ OR: [{ orgId: { in: ["town-1", "town-2"] } }, { orgId: null }] });
    expect(visibleAudit(user(["LEADER"]))).toEqual({ orgId: { in: ["town-1", "town-2"] } });
  });
});
