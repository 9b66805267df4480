// Browser tests only (lib/e2e/test-api.ts): the 催办 scheduler driven by the test. "setup" gives a
// test's plan a reminder schedule and its campaign a 分管领导; "run" runs the scheduler for that plan
// at a chosen instant and then sends what is queued, as the server's loop would.
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound, refused, testApiAllowed } from "@/lib/e2e/test-api";
import { runDeliveriesOnce } from "@/lib/notify/queue";
import { runSchedulerOnce } from "@/lib/reminders/scheduler";

export const dynamic = "force-dynamic";

const bodySchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("setup"),
    planId: z.string().min(1),
    campaignId: z.string().min(1),
    officialUsername: z.string().min(1),
    reportDueDay: z.number().int().min(1).max(28),
    remindDaysBefore: z.number().int().min(0).max(10),
    escalateAfterDays: z.number().int().min(0).max(60),
    escalatePrincipalAfterDays: z.number().int().min(0).max(60).nullable(),
  }),
  z.object({ action: z.literal("run"), planId: z.string().min(1), at: z.string().datetime({ offset: true }) }),
]);

export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return refused(parsed.error.issues);
  const input = parsed.data;
  if (input.action === "setup") {
    const official = await db().user.findUnique({ where: { username: input.officialUsername }, select: { id: true } });
    if (!official) return refused("no such official");
    await db().$transaction([
      db().plan.update({
        where: { id: input.planId },
        data: {
          reportDueDay: input.reportDueDay,
          remindDaysBefore: input.remindDaysBefore,
          escalateAfterDays: input.escalateAfterDays,
          escalatePrincipalAfterDays: input.escalatePrincipalAfterDays,
        },
      }),
      db().campaign.update({ where: { id: input.campaignId, planId: input.planId }, data: { leadingOfficialId: official.id } }),
    ]);
    return Response.json({ ok: true });
  }
  const at = new Date(input.at);
  const scheduled = await runSchedulerOnce(at, { planIds: [input.planId] });
  const sent = await runDeliveriesOnce({ at });
  return Response.json({ scheduled, sent });
}
