// The scheduled 催办 on PostgreSQL: two schedulers (two app instances, each with its own connection
// pool) racing on one database create each reminder exactly once; a submitted report stops them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDatabase, openDatabase, type Holder } from "@/lib/db";
import { channelMap, recordingChannel } from "@/lib/testing/fixtures/channels";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";
import { postgresTemplate } from "@/lib/testing/templates";
import { runSchedulerOnce } from "./scheduler";

const cst = (day: string, time = "09:00") => new Date(`${day}T${time}:00+08:00`);

describe("scheduled reminders on one PostgreSQL database, two instances", () => {
  let created: { name: string; url: string };
  let a: Holder;
  let b: Holder;
  beforeAll(async () => {
    created = await createTestDatabase("duban_sched", await postgresTemplate("demo"));
    a = openDatabase({ kind: "postgres", url: created.url });
    b = openDatabase({ kind: "postgres", url: created.url });
    installDatabase(a);
  });
  afterAll(async () => {
    installDatabase(undefined);
    for (const h of [a, b]) {
      await h.prisma.$disconnect();
      await h.connection.raw.close();
    }
    await dropTestDatabase(created.name);
  });

  it("each step reaches each person once, however many runs race", async () => {
    const plan = await a.prisma.plan.findFirstOrThrow({ select: { id: true, year: true } });
    await a.prisma.plan.update({ where: { id: plan.id }, data: { reportDueDay: 5, escalateAfterDays: 3, escalatePrincipalAfterDays: 7 } });
    const email = recordingChannel("EMAIL");
    const channels = channelMap(email);
    const lead1 = await a.prisma.user.update({ where: { username: "lead1" }, data: { email: "lead1@town.example.cn", notifyChannels: ["EMAIL"] } });

    // 10 May: April's reports were due on the 5th, so the leads' reminder and the 分管领导's escalation are due.
    const at = cst("2018-05-10");
    const runs = await Promise.all([a, b, a, b].map((h) => runSchedulerOnce(at, { database: h.prisma, channels })));
    const campaigns = await a.prisma.campaign.findMany({
      where: { planId: plan.id, reports: { none: { year: 2018, month: 4, status: { in: ["SUBMITTED", "APPROVED"] } } } },
      select: { id: true, leadingOfficialId: true, leads: { select: { userId: true } } },
    });
    expect(campaigns.length).toBeGreaterThan(3);
    const expected = campaigns.reduce((n, c) => n + c.leads.length + (c.leadingOfficialId ? 1 : 0), 0);
    const reminders = await a.prisma.reminder.findMany({
      where: { year: 2018, month: 4 },
      select: { campaignId: true, toUserId: true, step: true, level: true },
    });
    expect(reminders).toHaveLength(expected);
    expect(runs.reduce((n, r) => n + r.reminders, 0)).toBe(expected);
    expect(new Set(reminders.map((r) => `${r.campaignId}/${r.toUserId}/${r.step}`)).size).toBe(expected);
    expect(reminders.filter((r) => r.step === "ESCALATE_OFFICIAL").every((r) => r.level === "OFFICIAL")).toBe(true);
    expect(await a.prisma.notification.count({ where: { reminderId: { not: null } } })).toBe(expected);
    const rounds = await a.prisma.reminderRound.count({ where: { year: 2018, month: 4 } });
    expect(rounds).toBe(campaigns.length + campaigns.filter((c) => c.leadingOfficialId).length);
    // Only lead1 chose email: one delivery per campaign they lead, queued, not yet sent.
    const led = campaigns.filter((c) => c.leads.some((l) => l.userId === lead1.id)).length;
    expect(await a.prisma.delivery.count({ where: { userId: lead1.id, channel: "EMAIL", status: "PENDING" } })).toBe(led);
    expect(email.tries).toBe(0);
    // The system's runs are audited.
    expect(await a.prisma.auditRecord.count({ where: { action: "reminder.schedule" } })).toBe(rounds);

    // Later that day, and after a restart (a new run): nothing new.
    expect((await runSchedulerOnce(cst("2018-05-10", "18:00"), { database: b.prisma, channels })).reminders).toBe(0);
    expect(await a.prisma.reminder.count({ where: { year: 2018, month: 4 } })).toBe(expected);
  });

  it("stops for a campaign once its report is submitted; the principal leaders get the rest", async () => {
    const plan = await a.prisma.plan.findFirstOrThrow({ select: { id: true } });
    const campaign = await a.prisma.campaign.findFirstOrThrow({
      where: { planId: plan.id, number: 1 },
      select: { id: true, leads: { select: { userId: true } } },
    });
    const lead = campaign.leads[0]!.userId;
    await a.prisma.progressReport.create({
      data: {
        campaignId: campaign.id,
        year: 2018,
        month: 4,
        status: "SUBMITTED",
        createdById: lead,
        submittedById: lead,
        submittedAt: cst("2018-05-11"),
        firstSubmittedAt: cst("2018-05-11"),
      },
    });
    const before = await a.prisma.reminder.count({ where: { campaignId: campaign.id } });
    // 13 May: more than 7 days late, the principal leader's step.
    const runs = await Promise.all([
      runSchedulerOnce(cst("2018-05-13"), { database: a.prisma, channels: channelMap() }),
      runSchedulerOnce(cst("2018-05-13"), { database: b.prisma, channels: channelMap() }),
    ]);
    expect(await a.prisma.reminder.count({ where: { campaignId: campaign.id } })).toBe(before);
    const principals = await a.prisma.user.findMany({
      where: { isPrincipal: true, disabled: false, roles: { some: { role: "LEADER" } } },
      select: { id: true },
    });
    expect(principals.length).toBeGreaterThan(0);
    const toPrincipals = await a.prisma.reminder.findMany({ where: { step: "ESCALATE_PRINCIPAL" }, select: { campaignId: true, toUserId: true, level: true } });
    const open = await a.prisma.campaign.count({
      where: { planId: plan.id, reports: { none: { year: 2018, month: 4, status: { in: ["SUBMITTED", "APPROVED"] } } } },
    });
    expect(toPrincipals).toHaveLength(open * principals.length);
    expect(toPrincipals.some((r) => r.campaignId === campaign.id)).toBe(false);
    expect(toPrincipals.every((r) => r.level === "PRINCIPAL")).toBe(true);
    expect(runs[0]!.reminders + runs[1]!.reminders).toBe(toPrincipals.length);
  });
});
