// Messages leave outside the user's request: a write enqueues a Notification (the in-app message) and
// a Delivery per channel in its own transaction; a sender (runDeliveriesOnce, from the scheduler loop)
// claims due deliveries with FOR UPDATE SKIP LOCKED, so several instances never take the same one, sends
// them, and records the outcome: SENT, or tried again later with backoff, or FAILED after the last try.
import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db as appDb, type Db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/ops/log";
import { backoffMs, CLAIM_MS, MAX_ATTEMPTS } from "./backoff";
import { ChannelError, configuredChannels, type Channel, type ChannelName, type Recipient } from "./channels";

let cached: Map<ChannelName, Channel> | undefined;
/** The channels this server's environment configures (none by default). */
export function appChannels(): Map<ChannelName, Channel> {
  cached ??= configuredChannels(env);
  return cached;
}

export type NewNotification = {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  reminderId?: string | null;
};

const RECIPIENT_SELECT = {
  id: true,
  name: true,
  mobile: true,
  email: true,
  dingtalkUserId: true,
  wecomUserId: true,
  notifyChannels: true,
  disabled: true,
} as const;

/**
 * Inside the caller's transaction: the in-app message, and a pending Delivery for each channel that is
 * configured, chosen by the person (the intranet webhook: always) and able to reach them.
 */
export async function enqueueNotification(tx: Tx, input: NewNotification, channels: ReadonlyMap<ChannelName, Channel> = appChannels(), at = clockNow()) {
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: RECIPIENT_SELECT });
  const notification = await tx.notification.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      reminderId: input.reminderId ?? null,
      createdAt: at,
    },
    select: { id: true },
  });
  if (!user || user.disabled) return { notificationId: notification.id, channels: [] as ChannelName[] };
  const chosen = [...channels.values()].filter((c) => (c.name === "WEBHOOK" || user.notifyChannels.includes(c.name)) && c.reaches(user)).map((c) => c.name);
  if (chosen.length) {
    await tx.delivery.createMany({
      data: chosen.map((channel) => ({ notificationId: notification.id, userId: user.id, channel, nextAttemptAt: at, createdAt: at })),
    });
  }
  return { notificationId: notification.id, channels: chosen };
}

type Claimed = { id: string; channel: ChannelName; attempts: number };

/** Takes up to `limit` due deliveries for this sender (attempts counted now, so a crash mid-send still counts). */
export async function claimDeliveries(database: Db, at: Date, limit: number): Promise<Claimed[]> {
  const atSql = at.toISOString();
  const until = new Date(at.getTime() + CLAIM_MS).toISOString();
  return database.$queryRaw<Claimed[]>`
    UPDATE "Delivery" AS d
    SET "lockedUntil" = ${until}::timestamp(3), "attempts" = d."attempts" + 1
    WHERE d."id" IN (
      SELECT "id" FROM "Delivery"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${atSql}::timestamp(3)
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${atSql}::timestamp(3))
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d."id", d."channel"::text AS "channel", d."attempts"`;
}

export type SendSummary = { sent: number; retried: number; failed: number };

/**
 * One pass of the sender: claims due deliveries and sends each (outside any transaction: a slow SMTP
 * server holds no lock). Returns what happened. `at` is the app's clock (DUBAN_TODAY in demo and tests).
 */
export async function runDeliveriesOnce(
  options: { at?: Date; channels?: ReadonlyMap<ChannelName, Channel>; database?: Db; limit?: number } = {},
): Promise<SendSummary> {
  const database = options.database ?? appDb();
  const channels = options.channels ?? appChannels();
  const at = options.at ?? clockNow();
  const claimed = await claimDeliveries(database, at, options.limit ?? 50);
  const summary: SendSummary = { sent: 0, retried: 0, failed: 0 };
  for (const job of claimed) {
    const row = await database.delivery.findUnique({
      where: { id: job.id },
      select: { notification: { select: { kind: true, title: true, body: true, link: true } }, user: { select: RECIPIENT_SELECT } },
    });
    if (!row) continue;
    const recipient: Recipient = row.user;
    const channel = channels.get(job.channel);
    let error: ChannelError | null = null;
    try {
      if (!channel) throw new ChannelError("channel not configured", true);
      await channel.send(row.notification, recipient);
    } catch (e) {
      error = e instanceof ChannelError ? e : new ChannelError((e as Error).message ?? String(e));
    }
    const done = new Date(Math.max(clockNow().getTime(), at.getTime()));
    // Only while the claim is still ours (same attempt count): a sender that overran its claim records nothing.
    const mine = { id: job.id, attempts: job.attempts, status: "PENDING" as const };
    if (!error) {
      await database.delivery.updateMany({ where: mine, data: { status: "SENT", deliveredAt: done, lockedUntil: null, lastError: null } });
      summary.sent++;
    } else if (error.permanent || job.attempts >= MAX_ATTEMPTS) {
      await database.delivery.updateMany({ where: mine, data: { status: "FAILED", lockedUntil: null, lastError: error.message.slice(0, 500) } });
      summary.failed++;
      log().warn({ deliveryId: job.id, channel: job.channel, attempts: job.attempts, err: error.message }, "delivery failed");
    } else {
      await database.delivery.updateMany({
        where: mine,
        data: { lockedUntil: null, lastError: error.message.slice(0, 500), nextAttemptAt: new Date(at.getTime() + backoffMs(job.attempts)) },
      });
      summary.retried++;
    }
  }
  return summary;
}
