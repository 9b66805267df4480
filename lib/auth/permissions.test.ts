import { describe, expect, it } from "vitest";
import { may, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { Role, SessionUser } from "@/lib/auth/roles";

const ROLES: Role[] = ["ADMIN", "LEADER", "LEAD", "STAFF", "VIEWER"];

function user(...roles: Role[]): SessionUser {
  return { id: "u1", username: "u1", name: "用户", orgId: "o1", orgIds: ["o1"], roles, mustChangePassword: false };
}

// The table of docs/architecture.md ("What each role may do"), written out again on purpose.
const EXPECTED: Record<Permission, Role[]> = {
  keepPlan: ["ADMIN", "STAFF"],
  keepDepartments: ["ADMIN", "STAFF"],
  comment: ["ADMIN", "LEADER"],
  remind: ["ADMIN", "LEADER", "STAFF"],
  export: ["ADMIN", "LEADER", "STAFF", "VIEWER", "LEAD"],
  exportAll: ["ADMIN", "LEADER", "STAFF", "VIEWER"],
  readAudit: ["ADMIN", "LEADER", "VIEWER"],
  readSystemAudit: ["ADMIN"],
  administer: ["ADMIN"],
  reportProgress: ["ADMIN", "LEAD"],
  leadOwn: ["LEAD"],
  decidePlanChanges: ["ADMIN", "LEADER"],
  askTaskClosure: ["ADMIN", "LEAD"],
  confirmTaskClosure: ["ADMIN", "LEADER", "STAFF"],
};

describe("may", () => {
  it("has exactly the permissions listed in the table", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const rows = (Object.keys(EXPECTED) as Permission[]).flatMap((permission) =>
    ROLES.map((role) => [permission, role, EXPECTED[permission].includes(role)] as const),
  );

  it.each(rows)("%s for a user with only %s is %s", (permission, role, allowed) => {
    expect(may(user(role), permission)).toBe(allowed);
  });

  it.each(Object.keys(EXPECTED) as Permission[])("denies %s to a user with no roles", (permission) => {
    expect(may(user(), permission)).toBe(false);
  });

  it("combines the permissions of several roles", () => {
    const u = user("LEAD", "STAFF");
    expect(may(u, "keepPlan")).toBe(true);
    expect(may(u, "reportProgress")).toBe(true);
    expect(may(u, "comment")).toBe(false);
    expect(may(u, "administer")).toBe(false);
  });
});
