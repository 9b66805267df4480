// Who keeps the department list: the office staff (党政办) and admins, within their organisations.
import type { Prisma } from "@/generated/prisma/client";
import { hasRole, type SessionUser } from "@/lib/auth/roles";

export const mayKeepDepartments = (user: SessionUser) => hasRole(user, "ADMIN", "STAFF");

export function keptDepartments(user: SessionUser): Prisma.DepartmentWhereInput {
  return { orgId: { in: user.orgIds } };
}
