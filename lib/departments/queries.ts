import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { keepableDepartments } from "@/lib/auth/scope";

/** The departments a staff member or admin keeps, with how much refers to each (in use: not deletable). */
export async function listDepartments(user: SessionUser) {
  const rows = await db().department.findMany({
    where: keepableDepartments(user),
    orderBy: [{ org: { code: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      version: true,
      org: { select: { id: true, name: true } },
      _count: { select: { users: true, leadOf: true, cooperatesIn: true } },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    version: d.version,
    orgId: d.org.id,
    orgName: d.org.name,
    users: d._count.users,
    campaigns: d._count.leadOf + d._count.cooperatesIn,
  }));
}

export type DepartmentRow = Awaited<ReturnType<typeof listDepartments>>[number];

/** The organisations a department can be added to. */
export function departmentOrgs(user: SessionUser) {
  return db().organization.findMany({ where: { id: { in: user.orgIds } }, orderBy: [{ kind: "asc" }, { code: "asc" }], select: { id: true, name: true } });
}
