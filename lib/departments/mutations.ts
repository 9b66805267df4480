// The department list: add, rename, delete one nobody uses. Staff and admins only (checked here),
// within their organisations; each write commits with its audit record.
import "server-only";
import { may } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { keepableDepartments } from "@/lib/auth/scope";
import { createDepartmentSchema, deleteDepartmentSchema, renameDepartmentSchema } from "./schemas";

const nameTaken = (): ActionResult<never> => ({ ok: false, error: "invalid", fieldErrors: { name: ["departments.nameTaken"] } });

export async function createDepartment(user: SessionUser, raw: unknown): Promise<ActionResult<{ departmentId: string }>> {
  if (!may(user, "keepDepartments")) return { ok: false, error: "forbidden" };
  const parsed = createDepartmentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { orgId, name } = parsed.data;
  if (!user.orgIds.includes(orgId)) return { ok: false, error: "invalid", fieldErrors: { orgId: ["departments.orgInvalid"] } };
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.department.findFirst({ where: { orgId, name }, select: { id: true } })) return nameTaken();
      const created = await tx.department.create({ data: { orgId, name }, select: { id: true } });
      await audit(tx, { actor: user, action: "department.create", entityType: "Department", entityId: created.id, orgId, newValues: { name } });
      return { ok: true, data: { departmentId: created.id } } as const;
    }, WRITE_TX);
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken();
    throw error;
  }
}

/** Renames; the form's version must still be the department's, or nothing is written. */
export async function renameDepartment(user: SessionUser, raw: unknown): Promise<ActionResult> {
  if (!may(user, "keepDepartments")) return { ok: false, error: "forbidden" };
  const parsed = renameDepartmentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { departmentId, version, name } = parsed.data;
  try {
    return await db().$transaction(async (tx): Promise<ActionResult> => {
      const scope = { id: departmentId, ...keepableDepartments(user) };
      const before = await tx.department.findFirst({ where: scope, select: { name: true, version: true, orgId: true } });
      if (!before) return { ok: false, error: "notFound" };
      if (await tx.department.findFirst({ where: { orgId: before.orgId, name, id: { not: departmentId } }, select: { id: true } })) return nameTaken();
      const { count } = await tx.department.updateMany({ where: { ...scope, version }, data: { name, version: { increment: 1 } } });
      if (count === 0) return { ok: false, error: "conflict", current: { name: before.name, version: before.version } };
      await audit(tx, {
        actor: user,
        action: "department.rename",
        entityType: "Department",
        entityId: departmentId,
        orgId: before.orgId,
        oldValues: { name: before.name },
        newValues: { name },
      });
      return { ok: true };
    }, WRITE_TX);
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken();
    throw error;
  }
}

/**
 * Deletes a department that no person and no campaign (leading or cooperating) refers to. The row
 * is locked first, so a person being placed in it at the same moment either is counted or waits
 * and then fails, rather than silently losing their department to ON DELETE SET NULL.
 */
export async function deleteDepartment(user: SessionUser, raw: unknown): Promise<ActionResult> {
  if (!may(user, "keepDepartments")) return { ok: false, error: "forbidden" };
  const parsed = deleteDepartmentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { departmentId, version } = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult> => {
    const scope = { id: departmentId, ...keepableDepartments(user) };
    const before = await tx.department.findFirst({ where: scope, select: { name: true, version: true, orgId: true } });
    if (!before) return { ok: false, error: "notFound" };
    if (before.version !== version) return { ok: false, error: "conflict", current: { name: before.name, version: before.version } };
    await tx.$queryRaw`SELECT 1 FROM "Department" WHERE "id" = ${departmentId} FOR UPDATE`;
    const users = await tx.user.count({ where: { departmentId } });
    const leading = await tx.campaign.count({ where: { leadDepartmentId: departmentId } });
    const cooperating = await tx.campaignDepartment.count({ where: { departmentId } });
    if (users + leading + cooperating > 0) return { ok: false, error: "locked", status: "inUse" };
    const { count } = await tx.department.deleteMany({ where: { ...scope, version } });
    if (count === 0) return { ok: false, error: "conflict", current: { name: before.name, version: before.version } };
    await audit(tx, {
      actor: user,
      action: "department.delete",
      entityType: "Department",
      entityId: departmentId,
      orgId: before.orgId,
      oldValues: { name: before.name },
    });
    return { ok: true };
  }, WRITE_TX);
}
