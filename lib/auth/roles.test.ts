import { describe, expect, it } from "vitest";
import { can, hasRole, type Role, type SessionUser } from "@/lib/auth/roles";

const ROLES: Role[] = ["ADMIN", "LEADER", "LEAD", "STAFF", "VIEWER"];

function user(...roles: Role[]): SessionUser {
  return { id: "u1", username: "u1", name: "用户", orgId: "o1", orgIds: ["o1"], roles, mustChangePassword: false };
}

const EXPECTED: Record<keyof typeof can, Role[]> = {
  keepPlan: ["ADMIN", "STAFF"],
  comment: ["ADMIN", "LEADER"],
  exportAll: ["ADMIN", "LEADER", "STAFF", "VIEWER"],
  readAudit: ["ADMIN", "LEADER", "VIEWER"],
  administer: ["ADMIN"],
  reportProgress: ["ADMIN", "LEAD"],
};

describe("can", () => {
  it("has exactly the permissions listed in the table", () => {
    expect(Object.keys(can).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const rows = (Object.keys(EXPECTED) as (keyof typeof can)[]).flatMap((permission) =>
    ROLES.map((role) => [permission, role, EXPECTED[permission].includes(role)] as const),
  );

  it.each(rows)("%s for a user with only %s is %s", (permission, role, allowed) => {
    expect(can[permission](user(role))).toBe(allowed);
  });

  it.each(Object.keys(EXPECTED) as (keyof typeof can)[])("denies %s to a user with no roles", (permission) => {
    expect(can[permission](user())).toBe(false);
  });

  it("combines the permissions of several roles", () => {
    const u = user("LEAD", "STAFF");
    expect(can.keepPlan(u)).toBe(true);
    expect(can.reportProgress(u)).toBe(true);
    expect(can.comment(u)).toBe(false);
    expect(can.administer(u)).toBe(false);
  });
});

describe("hasRole", () => {
  it("is true when the user holds any of the roles asked for", () => {
    expect(hasRole({ roles: ["STAFF"] }, "ADMIN", "STAFF")).toBe(true);
    expect(hasRole({ roles: ["VIEWER", "LEAD"] }, "LEAD")).toBe(true);
  });

  it("is false when the user holds none of them", () => {
    expect(hasRole({ roles: ["VIEWER"] }, "ADMIN", "STAFF")).toBe(false);
    expect(hasRole({ roles: [] }, "VIEWER")).toBe(false);
  });

  it("is false when no role is asked for", () => {
    expect(hasRole({ roles: ["ADMIN"] })).toBe(false);
  });
});
