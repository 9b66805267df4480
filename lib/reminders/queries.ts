import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleCampaigns } from "@/lib/auth/scope";
import { db } from "@/lib/db";

/**
 * A campaign's 催办, newest first: each press or scheduled step, whom it reached, and how each message
 * went out (channel, delivered or the error, tries). Empty for a campaign the user may not see.
 */
export function campaignReminderHistory(user: SessionUser, campaignId: string, take = 30) {
  return db().reminderRound.findMany({
    where: { campaignId, campaign: visibleCampaigns(user) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      year: true,
      month: true,
      step: true,
      forced: true,
      reason: true,
      createdAt: true,
      sentBy: { select: { name: true } },
      reminders: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          level: true,
          toUser: { select: { name: true } },
          notification: {
            select: {
              readAt: true,
              deliveries: {
                orderBy: { channel: "asc" },
                select: { id: true, channel: true, status: true, attempts: true, lastError: true, deliveredAt: true },
              },
            },
          },
        },
      },
    },
  });
}
