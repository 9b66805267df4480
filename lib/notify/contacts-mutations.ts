// Saving a person's contacts and channels: by the person themselves (/account) or by an admin of their
// town (users page). Checked, versioned, audited with the values masked (the audit trail is exported).
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit/record";
import { may } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleUsers } from "@/lib/auth/scope";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import { recordId } from "@/lib/validation/ids";
import { contactsSchema, maskEmail, maskMobile, type Contacts } from "./contacts";

const target = z.object({ userId: recordId, version: z.coerce.number().int().min(1) });

function masked(c: Contacts) {
  return { ...c, mobile: maskMobile(c.mobile), email: maskEmail(c.email) };
}

export async function updateContacts(actor: SessionUser, raw: Record<string, unknown>): Promise<ActionResult<{ version: number }>> {
  const who = target.safeParse(raw);
  if (!who.success) return invalid(who.error);
  const parsed = contactsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, version } = who.data;
  const contacts = parsed.data;
  // Oneself, or (an admin) a user of one's own towns; anyone else's is simply not found.
  const scope = userId === actor.id ? { id: userId } : may(actor, "administer") ? { id: userId, ...visibleUsers(actor) } : null;
  if (!scope) return { ok: false, error: "notFound" };
  return db().$transaction(async (tx): Promise<ActionResult<{ version: number }>> => {
    const before = await tx.user.findFirst({
      where: scope,
      select: { orgId: true, contactsVersion: true, mobile: true, email: true, dingtalkUserId: true, wecomUserId: true, notifyChannels: true },
    });
    if (!before) return { ok: false, error: "notFound" };
    const { count } = await tx.user.updateMany({ where: { ...scope, contactsVersion: version }, data: { ...contacts, contactsVersion: { increment: 1 } } });
    if (count === 0) return { ok: false, error: "conflict", current: { version: before.contactsVersion } };
    const old: Contacts = {
      mobile: before.mobile,
      email: before.email,
      dingtalkUserId: before.dingtalkUserId,
      wecomUserId: before.wecomUserId,
      notifyChannels: before.notifyChannels.filter((c) => c !== "WEBHOOK") as Contacts["notifyChannels"],
    };
    await audit(tx, {
      actor,
      action: "user.contacts",
      entityType: "User",
      entityId: userId,
      orgId: before.orgId,
      oldValues: masked(old),
      newValues: masked(contacts),
    });
    return { ok: true, data: { version: before.contactsVersion + 1 } };
  }, WRITE_TX);
}
