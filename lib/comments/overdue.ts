// 批示 past their deadline without an answer: the scheduler reminds the campaign's leads once per round
// (a round ends when the leader asks again, which clears overdueRemindedAt). The claim is one guarded
// UPDATE (… WHERE "overdueRemindedAt" IS NULL), so of several instances running the scheduler exactly
// one takes each 批示, and its message is queued in the same transaction.
import "server-only";
import { audit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { chinaDay, now as clockNow } from "@/lib/clock";
import { db as appDb, WRITE_TX, type Db } from "@/lib/db";
import { notifyPeople } from "@/lib/inbox/notify";
import type { Channel, ChannelName } from "@/lib/notify/channels";
import { parseDate } from "@/lib/validation/form-fields";
import { daysOverdue } from "./instruction-rules";
import { instructionExcerpt } from "./instructions";

export async function remindOverdueInstructions(
  at: Date = clockNow(),
  options: { database?: Db; channels?: ReadonlyMap<ChannelName, Channel>; planIds?: string[] } = {},
): Promise<number> {
  const database = options.database ?? appDb();
  const today = chinaDay(at);
  const overdue = await database.comment.findMany({
    where: {
      state: "OPEN",
      dueDate: { lt: parseDate(today)! },
      overdueRemindedAt: null,
      campaign: { plan: { status: "ACTIVE", ...(options.planIds ? { id: { in: options.planIds } } : {}) } },
    },
    select: { id: true },
    orderBy: { dueDate: "asc" },
  });
  let reminded = 0;
  for (const { id } of overdue) {
    const done = await database.$transaction(async (tx) => {
      const { count } = await tx.comment.updateMany({ where: { id, state: "OPEN", overdueRemindedAt: null }, data: { overdueRemindedAt: at } });
      if (count === 0) return false;
      const comment = await tx.comment.findUniqueOrThrow({
        where: { id },
        select: {
          body: true,
          state: true,
          dueDate: true,
          campaignId: true,
          campaign: { select: { name: true, plan: { select: { orgId: true } }, leads: { select: { userId: true } } } },
        },
      });
      const days = daysOverdue(comment, today);
      await notifyPeople(tx, {
        kind: "instructionOverdue",
        to: comment.campaign.leads.map((l) => l.userId),
        values: { campaign: comment.campaign.name, instruction: instructionExcerpt(comment.body), days, due: comment.dueDate! },
        path: `/campaigns/${comment.campaignId}#instruction-${id}`,
        at,
        channels: options.channels,
      });
      await audit(tx, {
        actor: SYSTEM_ACTOR,
        action: "instruction.overdueReminder",
        entityType: "Comment",
        entityId: id,
        orgId: comment.campaign.plan.orgId,
        campaignId: comment.campaignId,
        newValues: { daysOverdue: days, recipients: comment.campaign.leads.length },
      });
      return true;
    }, WRITE_TX);
    if (done) reminded++;
  }
  return reminded;
}
