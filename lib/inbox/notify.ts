// The one way an event puts a message in people's inboxes: inside the event's own transaction, a
// Notification per person in their language (and a Delivery per channel they chose, lib/notify/queue.ts).
// Reminders (lib/reminders/deliver.ts) go through enqueueNotification themselves, with their Reminder row.
import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import type { Channel, ChannelName } from "@/lib/notify/channels";
import { enqueueNotification } from "@/lib/notify/queue";
import { catalogue } from "@/lib/summary/text";

/** What the inbox knows how to say: each kind has `inbox.message.<kind>.title` and `.body` in the catalogue. */
export type InboxKind = "reportReturned" | "instructionNew" | "instructionAnswered" | "instructionClosed" | "instructionAskedAgain" | "instructionOverdue";

export interface InboxEvent {
  kind: InboxKind;
  /** The people to tell; duplicates and the actor themselves are left out. */
  to: readonly string[];
  actorId?: string | null;
  /** Dates are written in each person's language (a deadline: a @db.Date day). */
  values: Record<string, string | number | Date>;
  /** An app path ("/campaigns/…"); messages that leave the app carry it as a full address. */
  path: string;
  at: Date;
  /** The channels to send on (the server's own by default; the scheduler's tests pass theirs). */
  channels?: ReadonlyMap<ChannelName, Channel>;
}

/** An app path as the address a message outside the app needs (NEXTAUTH_URL's origin; the path alone without one). */
export function absoluteLink(path: string): string {
  return `${env.NEXTAUTH_URL?.replace(/\/$/, "") ?? ""}${path}`;
}

/** Tells each person once; returns how many were told. */
export async function notifyPeople(tx: Tx, event: InboxEvent): Promise<number> {
  const to = [...new Set(event.to)].filter((id) => id !== event.actorId);
  if (!to.length) return 0;
  const people = await tx.user.findMany({ where: { id: { in: to }, disabled: false }, select: { id: true, locale: true } });
  for (const person of people) {
    const locale = toLocale(person.locale);
    const t = catalogue(locale, "inbox");
    const values = Object.fromEntries(Object.entries(event.values).map(([k, v]) => [k, v instanceof Date ? formatDate(v, locale) : v]));
    await enqueueNotification(
      tx,
      {
        userId: person.id,
        kind: event.kind,
        title: t(`message.${event.kind}.title`, values),
        body: t(`message.${event.kind}.body`, values),
        link: absoluteLink(event.path),
      },
      event.channels,
      event.at,
    );
  }
  return people.length;
}
