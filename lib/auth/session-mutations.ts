// "Sign out everywhere": by the person for themselves (the account page), or by an admin on a
// person's behalf (the user's page). Each ends every open session of the person, in one
// transaction with its audit record.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit/record";
import { db, WRITE_TX } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { recordId } from "@/lib/validation/ids";
import { may } from "./permissions";
import { type SessionUser } from "./roles";
import { visibleUsers } from "./scope";
import { openSessions, revokeAllSessions, type OpenSession } from "./sessions";

/** Ends all of the user's own sessions, this one included. */
export async function signOutEverywhere(user: SessionUser): Promise<ActionResult<{ ended: number }>> {
  return db().$transaction(async (tx) => {
    const ended = await revokeAllSessions(tx, user.id, "everywhere");
    await audit(tx, {
      actor: user,
      action: "session.revokeAll",
      entityType: "User",
      entityId: user.id,
      orgId: user.orgId,
      newValues: { sessionsEnded: ended, by: "self" },
    });
    return { ok: true, data: { ended } } as const;
  }, WRITE_TX);
}

const endSessionsSchema = z.object({ userId: recordId });

/** An admin ends every session of someone in their organisations (not their own: that is the account page). */
export async function endUserSessions(admin: SessionUser, raw: unknown): Promise<ActionResult<{ ended: number }>> {
  if (!may(admin, "administer")) return { ok: false, error: "forbidden" };
  const parsed = endSessionsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "notFound" };
  const { userId } = parsed.data;
  if (userId === admin.id) return { ok: false, error: "forbidden" };
  return db().$transaction(async (tx) => {
    const target = await tx.user.findFirst({ where: { id: userId, ...visibleUsers(admin) }, select: { orgId: true } });
    if (!target) return { ok: false, error: "notFound" } as const;
    const ended = await revokeAllSessions(tx, userId, "admin");
    await audit(tx, {
      actor: admin,
      action: "session.revokeAll",
      entityType: "User",
      entityId: userId,
      orgId: target.orgId,
      newValues: { sessionsEnded: ended, by: "admin" },
    });
    return { ok: true, data: { ended } } as const;
  }, WRITE_TX);
}

/** The open sessions of someone an admin may see (null: not theirs to see). */
export async function userSessionsForAdmin(admin: SessionUser, userId: string): Promise<OpenSession[] | null> {
  if (!may(admin, "administer")) return null;
  const target = await db().user.findFirst({ where: { id: userId, ...visibleUsers(admin) }, select: { id: true } });
  return target ? openSessions(target.id) : null;
}
