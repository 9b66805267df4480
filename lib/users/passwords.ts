// Passwords after the account exists: an admin's reset to a temporary one, and the person's own
// change (which is how a temporary password is replaced). Both end the person's other sessions.
import "server-only";
import { may } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { generatePassword, passwordProblem } from "@/lib/auth/password-rules";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleUsers } from "@/lib/auth/scope";
import { chargeAttempt, clearAccountThrottle, refundAttempt, throttleKey } from "@/lib/auth/throttle";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult, type FieldErrors } from "@/lib/errors";
import { changePasswordSchema, resetPasswordSchema, byFormField } from "./schemas";

const refused = (fieldErrors: FieldErrors) => ({ ok: false, error: "invalid", fieldErrors }) as const;

/**
 * Sets a temporary password (typed by the admin, or generated and returned this once) that must be
 * changed at the next sign-in; the person's sessions end. Not for one's own account: that is the
 * change-password page, which asks for the current password.
 */
export async function resetPassword(admin: SessionUser, raw: unknown): Promise<ActionResult<{ password?: string }>> {
  if (!may(admin, "administer")) return { ok: false, error: "forbidden" };
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, byFormField);
  const input = parsed.data;
  if (input.userId === admin.id) return { ok: false, error: "forbidden" };
  const scope = { id: input.userId, ...visibleUsers(admin) };
  const target = await db().user.findFirst({ where: scope, select: { username: true } });
  if (!target) return { ok: false, error: "notFound" };

  const generated = input.passwordMode === "generated";
  const password = generated ? generatePassword(target.username) : input.password;
  const problem = generated ? null : passwordProblem(password, target.username);
  if (problem) return refused({ password: [problem] });
  const passwordHash = await hashPassword(password);

  const result = await db().$transaction(async (tx): Promise<ActionResult<{ password?: string }>> => {
    const before = await tx.user.findFirst({ where: scope, select: { orgId: true, mustChangePassword: true } });
    if (!before) return { ok: false, error: "notFound" };
    await tx.user.updateMany({
      where: scope,
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await audit(tx, {
      actor: admin,
      action: "user.resetPassword",
      entityType: "User",
      entityId: input.userId,
      orgId: before.orgId,
      oldValues: { mustChangePassword: before.mustChangePassword },
      newValues: { mustChangePassword: true },
    });
    return { ok: true, data: { password: generated ? password : undefined } };
  }, WRITE_TX);
  // A reset is also how someone locked out by failed sign-ins gets back in.
  if (result.ok) await clearAccountThrottle(target.username);
  return result;
}

/**
 * The signed-in person replaces their password, proving the current one first (wrong guesses
 * count towards the sign-in lock, so this is no way around it). Ends their other sessions: the
 * caller signs in again with the new password to carry on.
 */
export async function changeOwnPassword(user: SessionUser, raw: unknown): Promise<ActionResult> {
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, byFormField);
  const { current, next, confirm } = parsed.data;
  const errors: FieldErrors = {};
  const problem = passwordProblem(next, user.username);
  if (problem) errors.next = [problem];
  else if (next === current) errors.next = ["password.sameAsCurrent"];
  if (confirm !== next) errors.confirm = ["password.mismatch"];

  // Counted like a sign-in (charged first, refunded when right): a session left open on a shared
  // computer is no way to guess the password at leisure.
  const keys = [throttleKey.reauth(user.username)];
  if (!(await chargeAttempt(keys)).ok) return refused({ ...errors, current: ["password.locked"] });
  const row = await db().user.findFirst({ where: { id: user.id, disabled: false }, select: { passwordHash: true, mustChangePassword: true, orgId: true } });
  if (await verifyPassword(row?.passwordHash, current)) await refundAttempt(keys);
  else errors.current = ["password.currentWrong"];
  if (!row || Object.keys(errors).length > 0) return refused(errors);

  const passwordHash = await hashPassword(next);
  await db().$transaction(async (tx) => {
    await tx.user.updateMany({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await audit(tx, {
      actor: user,
      action: "user.changePassword",
      entityType: "User",
      entityId: user.id,
      orgId: row.orgId,
      oldValues: { mustChangePassword: row.mustChangePassword },
      newValues: { mustChangePassword: false },
    });
  }, WRITE_TX);
  return { ok: true };
}
