import "server-only";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleUsers } from "@/lib/auth/scope";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { setDisabledSchema } from "./schemas";

/** Disables or re-enables a user. Disabling bumps the session version, which ends their sessions. */
export async function setUserDisabled(admin: SessionUser, raw: unknown): Promise<ActionResult> {
  const parsed = setDisabledSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, version, disabled } = parsed.data;
  if (userId === admin.id) return { ok: false, error: "forbidden" };
  return db().$transaction(async (tx) => {
    const scope = { id: userId, ...visibleUsers(admin) };
    const before = await tx.user.findFirst({ where: scope, select: { disabled: true, version: true, orgId: true } });
    if (!before) return { ok: false, error: "notFound" } as const;
    const { count } = await tx.user.updateMany({
      where: { ...scope, version },
      data: { disabled, version: { increment: 1 }, sessionVersion: { increment: 1 } },
    });
    if (count === 0) return { ok: false, error: "conflict", current: { disabled: before.disabled, version: before.version } } as const;
    await audit(tx, {
      actor: admin,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: userId,
      orgId: before.orgId,
      oldValues: { disabled: before.disabled },
      newValues: { disabled },
    });
    return { ok: true } as const;
  }, WRITE_TX);
}
