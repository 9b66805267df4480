// Manual 催办: once a day per campaign unless forced with a reason, counted per press, gone from the
// lead's desk once the report is in.
import { describe, expect, it } from "vitest";
import { getLeadHome } from "@/lib/desk/queries";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { channelMap, recordingChannel } from "@/lib/testing/fixtures/channels";
import { sessionUser } from "@/lib/testing/users";
import { sendReminder } from "./mutations";

describe.each(DB_KINDS)("manual reminders (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  it("a second press on one day sends nothing and counts nothing unless forced with a reason", async () => {
    const staff = await sessionUser("staff");
    const lead = await t.prisma.user.update({ where: { username: "lead2" }, data: { email: "lead2@town.example.cn", notifyChannels: ["EMAIL"] } });
    const campaign = await t.prisma.campaign.findFirstOrThrow({
      where: { planId: t.demo.planId, leads: { some: { userId: lead.id } } },
      select: { id: true, leads: { select: { userId: true } } },
    });
    await t.prisma.progressReport.deleteMany({ where: { campaignId: campaign.id, month: 4 } });
    const month = "4";
    const email = recordingChannel("EMAIL");
    const first = await sendReminder(staff, { campaignId: campaign.id, month }, channelMap(email));
    expect(first).toMatchObject({ ok: true, data: { sent: expect.any(Number) } });
    const second = await sendReminder(staff, { campaignId: campaign.id, month }, channelMap(email));
    expect(second).toEqual({ ok: false, error: "locked", status: "remindedToday" });
    const rounds = () => t.prisma.reminderRound.count({ where: { campaignId: campaign.id, month: Number(month) } });
    expect(await rounds()).toBe(1);
    const reminders = await t.prisma.reminder.count({ where: { campaignId: campaign.id, month: Number(month) } });
    expect(reminders).toBeGreaterThanOrEqual(campaign.leads.length);
    // The lead's email is queued once, beside the in-app message.
    expect(await t.prisma.delivery.count({ where: { userId: lead.id, channel: "EMAIL" } })).toBe(1);
    expect(await t.prisma.notification.count({ where: { userId: lead.id, reminder: { campaignId: campaign.id } } })).toBe(1);

    expect(await sendReminder(staff, { campaignId: campaign.id, month, force: "1" }, channelMap(email))).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { reason: ["reminders.reasonNeeded"] },
    });
    expect(await sendReminder(staff, { campaignId: campaign.id, month, force: "1", reason: "县里今天要数据" }, channelMap(email))).toMatchObject({ ok: true });
    expect(await rounds()).toBe(2);
    const forced = await t.prisma.reminderRound.findFirstOrThrow({ where: { campaignId: campaign.id, forced: true } });
    expect(forced.reason).toBe("县里今天要数据");
    expect(await t.prisma.auditRecord.count({ where: { action: "reminder.send", entityId: campaign.id } })).toBe(2);
  });

  it("a reminder leaves the lead's desk when the report arrives, and no one may remind for it then", async () => {
    const staff = await sessionUser("staff");
    const lead = await sessionUser("lead5");
    const campaign = await t.prisma.campaign.findFirstOrThrow({ where: { planId: t.demo.planId, leads: { some: { userId: lead.id } } }, select: { id: true } });
    await t.prisma.progressReport.deleteMany({ where: { campaignId: campaign.id, month: 4 } });
    expect(await sendReminder(staff, { campaignId: campaign.id, month: "4" }, channelMap())).toMatchObject({ ok: true });
    const onDesk = async () => (await getLeadHome(lead)).reminders.filter((r) => r.campaign.id === campaign.id && r.month === 4);
    expect(await onDesk()).toHaveLength(1);
    await t.prisma.progressReport.create({
      data: { campaignId: campaign.id, year: 2018, month: 4, status: "SUBMITTED", createdById: lead.id, submittedById: lead.id, submittedAt: new Date() },
    });
    expect(await onDesk()).toHaveLength(0);
    expect(await sendReminder(staff, { campaignId: campaign.id, month: "4" }, channelMap())).toEqual({ ok: false, error: "locked", status: "SUBMITTED" });
  });

  it("leads and viewers may not remind (403); a campaign out of reach is not found (404)", async () => {
    const campaign = await t.prisma.campaign.findFirstOrThrow({ where: { planId: t.demo.planId }, select: { id: true } });
    for (const who of ["lead1", "viewer"]) {
      expect(await sendReminder(await sessionUser(who), { campaignId: campaign.id, month: "4" }, channelMap())).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await sendReminder(await sessionUser("county"), { campaignId: "nope", month: "4" }, channelMap())).toEqual({ ok: false, error: "notFound" });
  });
});
