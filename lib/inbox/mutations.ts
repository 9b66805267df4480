// The inbox's writes, each scoped to the person's own rows in its where-clause (ownNotifications): a
// message read (one, or all), and the red list acknowledged. They change what only this person sees,
// like the desk's "seen" (lib/comments/mutations.ts markCommentsSeen), so they leave no audit record.
import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/roles";
import { ownNotifications } from "@/lib/auth/scope";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { recordId } from "@/lib/validation/ids";
import { currentRedIds } from "./queries";
import { appPath } from "./link";

const oneSchema = z.object({ id: recordId });

/** Marks one of the person's messages read; answers the path it leads to (another's message: notFound). */
export async function markRead(user: SessionUser, raw: unknown): Promise<ActionResult<{ path: string }>> {
  const parsed = oneSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const where = { id: parsed.data.id, ...ownNotifications(user) };
  const row = await db().notification.findFirst({ where, select: { link: true } });
  if (!row) return { ok: false, error: "notFound" };
  await db().notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: now() } });
  return { ok: true, data: { path: appPath(row.link) } };
}

export async function markAllRead(user: SessionUser): Promise<ActionResult<{ count: number }>> {
  const { count } = await db().notification.updateMany({ where: { ...ownNotifications(user), readAt: null }, data: { readAt: now() } });
  return { ok: true, data: { count } };
}

/** 知道了: the campaigns red now no longer count as newly red for this leader. */
export async function acknowledgeRed(user: SessionUser): Promise<ActionResult> {
  await db().user.update({ where: { id: user.id }, data: { redSeenCampaignIds: await currentRedIds(user) } });
  return { ok: true };
}
