import "server-only";
import { may } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleUsers } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { CHOOSABLE_CHANNELS, type ChoosableChannel, type Contacts } from "./contacts";
import { appChannels } from "./queue";

/** A person's contacts for the form: one's own, or (an admin) a user of one's towns; null otherwise. */
export async function contactsForEdit(viewer: SessionUser, userId: string): Promise<{ version: number; contacts: Contacts } | null> {
  if (userId !== viewer.id && !may(viewer, "administer")) return null;
  const row = await db().user.findFirst({
    where: userId === viewer.id ? { id: userId } : { id: userId, ...visibleUsers(viewer) },
    select: { contactsVersion: true, mobile: true, email: true, dingtalkUserId: true, wecomUserId: true, notifyChannels: true },
  });
  if (!row) return null;
  const { contactsVersion, notifyChannels, ...rest } = row;
  const chosen = notifyChannels.filter((c): c is ChoosableChannel => (CHOOSABLE_CHANNELS as readonly string[]).includes(c));
  return { version: contactsVersion, contacts: { ...rest, notifyChannels: chosen } };
}

/** The channels this server can send on (the forms mark the others "not configured"). */
export function configuredChannelNames(): string[] {
  return [...appChannels().keys()];
}
