// User administration: create, edit, disable. Every write checks the admin role here (not only in
// the page), reaches only users of the admin's organisations, and commits with its audit record.
import "server-only";
import { may } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { generatePassword, passwordProblem } from "@/lib/auth/password-rules";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns, visibleUsers } from "@/lib/auth/scope";
import { db, WRITE_TX } from "@/lib/db";
import { changes } from "@/lib/audit/diff";
import { invalid, type ActionResult, type FieldErrors } from "@/lib/errors";
import { placementErrors, replaceLeads, replaceRoles } from "./assignments";
import { createUserSchema, editUserSchema, setDisabledSchema, byFormField } from "./schemas";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { bumpCampaignVersions, symmetricDifference } from "@/lib/db/versions";

export interface CreatedUser {
  userId: string;
  /** Only when generated: shown to the admin this once, never stored in the clear. */
  password?: string;
}

const refused = (fieldErrors: FieldErrors) => ({ ok: false, error: "invalid", fieldErrors }) as const;
const hasErrors = (e: FieldErrors) => Object.keys(e).length > 0;
const sorted = (xs: string[]) => [...xs].sort();

/** Only a leader can be a principal leader (主要领导). */
function principalErrors(p: { isPrincipal: boolean; roles: string[] }): FieldErrors {
  return p.isPrincipal && !p.roles.includes("LEADER") ? { isPrincipal: ["users.principalNeedsLeader"] } : {};
}

/** A new account on a temporary password: the person must change it at first sign-in. */
export async function createUser(admin: SessionUser, raw: unknown): Promise<ActionResult<CreatedUser>> {
  if (!may(admin, "administer")) return { ok: false, error: "forbidden" };
  const parsed = createUserSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, byFormField);
  const input = parsed.data;
  const errors: FieldErrors = principalErrors(input);
  if (!admin.orgIds.includes(input.orgId)) errors.orgId = ["users.orgInvalid"];
  const generated = input.passwordMode === "generated";
  const password = generated ? generatePassword(input.username) : input.password;
  const problem = generated ? null : passwordProblem(password, input.username);
  if (problem) errors.password = [problem];
  if (hasErrors(errors)) return refused(errors);

  const passwordHash = await hashPassword(password);
  const taken = refused({ username: ["users.usernameTaken"] });
  try {
    return await db().$transaction(async (tx): Promise<ActionResult<CreatedUser>> => {
      const placement = await placementErrors(tx, admin, input);
      if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) placement.username = ["users.usernameTaken"];
      if (hasErrors(placement)) return refused(placement);
      const user = await tx.user.create({
        data: {
          username: input.username,
          name: input.name,
          title: input.title,
          orgId: input.orgId,
          departmentId: input.departmentId,
          isPrincipal: input.isPrincipal,
          passwordHash,
          mustChangePassword: true,
          roles: { create: input.roles.map((role) => ({ role, orgId: input.orgId })) },
          leadOf: { create: input.campaignIds.map((campaignId) => ({ campaignId })) },
        },
        select: { id: true },
      });
      // The campaigns' own forms list their leads: one opened before this is now stale.
      await bumpCampaignVersions(tx, input.campaignIds);
      await audit(tx, {
        actor: admin,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        orgId: input.orgId,
        newValues: {
          username: input.username,
          name: input.name,
          title: input.title,
          departmentId: input.departmentId,
          roles: sorted(input.roles),
          campaignIds: sorted(input.campaignIds),
          isPrincipal: input.isPrincipal,
          mustChangePassword: true,
        },
      });
      return { ok: true, data: { userId: user.id, password: generated ? password : undefined } };
    }, WRITE_TX);
  } catch (error) {
    // Two admins creating the same username at once: the database's unique index decides.
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

/**
 * Name, title, department, roles and campaigns led. The form's version must still be the user's,
 * or nothing is written. An admin keeps their own ADMIN role: whoever edits is an admin and stays
 * one, so the last admin can never lock everyone out.
 */
export async function editUser(admin: SessionUser, raw: unknown): Promise<ActionResult<{ version: number }>> {
  if (!may(admin, "administer")) return { ok: false, error: "forbidden" };
  const parsed = editUserSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, byFormField);
  const input = parsed.data;
  const self = input.userId === admin.id;
  if (self && !input.roles.includes("ADMIN")) return refused({ roles: ["users.keepOwnAdmin"] });
  if (hasErrors(principalErrors(input))) return refused(principalErrors(input));

  return db().$transaction(async (tx): Promise<ActionResult<{ version: number }>> => {
    const scope = { id: input.userId, ...visibleUsers(admin) };
    const before = await tx.user.findFirst({
      where: scope,
      select: {
        orgId: true,
        version: true,
        name: true,
        title: true,
        departmentId: true,
        isPrincipal: true,
        roles: { select: { role: true } },
        leadOf: { where: { campaign: visibleCampaigns(admin) }, select: { campaignId: true } },
      },
    });
    if (!before) return { ok: false, error: "notFound" };
    const placement = await placementErrors(tx, admin, { ...input, orgId: before.orgId });
    if (hasErrors(placement)) return refused(placement);

    const old = {
      name: before.name,
      title: before.title,
      departmentId: before.departmentId,
      roles: sorted([...new Set(before.roles.map((r) => r.role))]),
      campaignIds: sorted(before.leadOf.map((l) => l.campaignId)),
      isPrincipal: before.isPrincipal,
    };
    const next = {
      name: input.name,
      title: input.title,
      departmentId: input.departmentId,
      roles: sorted(input.roles),
      campaignIds: sorted(input.campaignIds),
      isPrincipal: input.isPrincipal,
    };
    // Losing a role ends the person's sessions (not one's own: that would sign the admin out mid-edit).
    const demoted = !self && old.roles.some((r) => !next.roles.includes(r));
    const { count } = await tx.user.updateMany({
      where: { ...scope, version: input.version },
      data: {
        name: next.name,
        title: next.title,
        departmentId: next.departmentId,
        isPrincipal: next.isPrincipal,
        version: { increment: 1 },
        ...(demoted ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (count === 0) return { ok: false, error: "conflict", current: { ...old, version: before.version } };
    await replaceRoles(tx, input.userId, before.orgId, input.roles);
    await replaceLeads(tx, admin, input.userId, input.campaignIds);
    await bumpCampaignVersions(tx, symmetricDifference(old.campaignIds, next.campaignIds));

    await audit(tx, {
      actor: admin,
      action: "user.update",
      entityType: "User",
      entityId: input.userId,
      orgId: before.orgId,
      ...changes(old, next),
    });
    return { ok: true, data: { version: before.version + 1 } };
  }, WRITE_TX);
}

/** Disables or re-enables a user. Disabling bumps the session version, which ends their sessions. */
export async function setUserDisabled(admin: SessionUser, raw: unknown): Promise<ActionResult> {
  if (!may(admin, "administer")) return { ok: false, error: "forbidden" };
  const parsed = setDisabledSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, byFormField);
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
