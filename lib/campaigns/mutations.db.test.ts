import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { createCampaign, updateCampaign } from "./mutations";
import { auditCount, expectNothingWritten, KEEPERS, lastAudit, NOT_KEEPERS } from "@/lib/testing/fixtures/plan-keeping";

describe.each(DB_KINDS)("campaign administration (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let planId: string;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    planId = t.demo.planId;
    for (const u of await t.prisma.user.findMany()) ids.set(u.username, u.id);
    for (const d of await t.prisma.department.findMany()) ids.set(d.name, d.id);
  });

  const id = (key: string) => ids.get(key) ?? `missing ${key}`;
  const form = (number: number, extra: Record<string, string | string[]> = {}) => ({
    planId,
    number: String(number),
    name: `第${number}号新战役`,
    nameEn: "",
    description: "新增的专项工作",
    leadDepartmentId: id("经济发展办"),
    cooperatingIds: [id("财政所"), id("招商服务中心")],
    leadingOfficialId: id("leader2"),
    leadIds: [id("lead3"), id("lead6")],
    startDate: "2018-05-01",
    endDate: "2018-11-30",
    ...extra,
  });
  const editForm = async (campaignId: string, number: number, extra: Record<string, string | string[]> = {}) => {
    const c = await t.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    return { ...form(number), planId: undefined, campaignId, version: String(c.version), ...extra };
  };

  it.each(KEEPERS)("%s adds a campaign with its departments and people, then edits it; one audit record each", async (username) => {
    const user = await sessionUser(username);
    const number = username === "staff" ? 11 : 12;
    const before = await auditCount(t.prisma);
    const created = await createCampaign(user, form(number));
    expect(created).toMatchObject({ ok: true });
    if (!created.ok || !created.data) throw new Error("created");
    const campaignId = created.data.id;
    const saved = await t.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { cooperating: true, leads: true } });
    expect(saved).toMatchObject({ planId, number, leadDepartmentId: id("经济发展办"), leadingOfficialId: id("leader2"), version: 1 });
    expect(saved.startDate?.toISOString().slice(0, 10)).toBe("2018-05-01");
    expect(saved.cooperating.map((c) => c.departmentId).sort()).toEqual([id("财政所"), id("招商服务中心")].sort());
    expect(saved.leads.map((l) => l.userId).sort()).toEqual([id("lead3"), id("lead6")].sort());
    const createRecord = await lastAudit(t.prisma);
    expect(createRecord).toMatchObject({ action: "campaign.create", entityId: campaignId, campaignId, oldValues: null });
    expect(createRecord.newValues).toMatchObject({ number, leadIds: [id("lead3"), id("lead6")].sort(), endDate: "2018-11-30" });

    const edited = await updateCampaign(user, await editForm(campaignId, number, { leadIds: id("lead3"), cooperatingIds: [], name: "改名后的战役" }));
    expect(edited).toEqual({ ok: true, data: { id: campaignId } });
    const after = await t.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { cooperating: true, leads: true } });
    expect(after).toMatchObject({ name: "改名后的战役", version: 2 });
    expect(after.cooperating).toEqual([]);
    expect(after.leads.map((l) => l.userId)).toEqual([id("lead3")]);
    const editRecord = await lastAudit(t.prisma);
    expect(editRecord).toMatchObject({ action: "campaign.update", entityId: campaignId, campaignId });
    expect(editRecord.oldValues).toEqual({
      name: `第${number}号新战役`,
      cooperatingIds: [id("财政所"), id("招商服务中心")].sort(),
      leadIds: [id("lead3"), id("lead6")].sort(),
      version: 1,
    });
    expect(editRecord.newValues).toEqual({ name: "改名后的战役", cooperatingIds: [], leadIds: [id("lead3")], version: 2 });
    expect(await auditCount(t.prisma)).toBe(before + 2);
  });

  it.each(NOT_KEEPERS)("refuses %s adding or editing a campaign: nothing written, no audit record", async (username) => {
    const user = await sessionUser(username);
    const campaign = await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 1 } });
    expect(await expectNothingWritten(t.prisma, () => createCampaign(user, form(40)))).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.campaign.count({ where: { planId, number: 40 } })).toBe(0);
    const edit = await expectNothingWritten(t.prisma, async () => updateCampaign(user, await editForm(campaign.id, 1, { name: "越权改名" })));
    expect(edit).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ name: campaign.name, version: campaign.version });
  });

  it("refuses a number the plan already has, as an error on the number", async () => {
    const staff = await sessionUser("staff");
    const dup = await expectNothingWritten(t.prisma, () => createCampaign(staff, form(3)));
    expect(dup).toEqual({ ok: false, error: "invalid", fieldErrors: { number: ["validation.campaignNumberTaken"] } });
    const c5 = await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 5 } });
    const renumber = await expectNothingWritten(t.prisma, async () => updateCampaign(staff, await editForm(c5.id, 6)));
    expect(renumber).toMatchObject({ ok: false, error: "invalid", fieldErrors: { number: ["validation.campaignNumberTaken"] } });
  });

  it("keys people, department and date errors to their fields", async () => {
    const staff = await sessionUser("staff");
    const county = await t.prisma.organization.findUniqueOrThrow({ where: { code: "haiyan" } });
    const foreign = await t.prisma.department.create({ data: { orgId: county.id, name: "县发改局" } });
    const bad = await expectNothingWritten(t.prisma, () =>
      createCampaign(
        staff,
        form(41, {
          leadDepartmentId: foreign.id,
          leadingOfficialId: id("lead1"),
          leadIds: [id("lead1"), id("viewer")],
          startDate: "2017-12-01",
          endDate: "2019-01-31",
        }),
      ),
    );
    expect(bad).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: {
        leadDepartmentId: ["validation.department"],
        leadingOfficialId: ["validation.leadingOfficial"],
        leadIds: ["validation.leads"],
        startDate: ["validation.dateOutsideYear"],
        endDate: ["validation.dateOutsideYear"],
      },
    });
    const twice = await createCampaign(staff, form(41, { cooperatingIds: [id("经济发展办")] }));
    expect(twice).toEqual({ ok: false, error: "invalid", fieldErrors: { cooperatingIds: ["validation.cooperatingIsLead"] } });
    const backwards = await createCampaign(staff, form(41, { startDate: "2018-06-01", endDate: "2018-05-31" }));
    expect(backwards).toEqual({ ok: false, error: "invalid", fieldErrors: { endDate: ["validation.endBeforeStart"] } });
    const garbled = await createCampaign(staff, form(41, { number: "十", name: " ", startDate: "2018-02-30" }));
    expect(garbled).toMatchObject({ fieldErrors: { number: ["validation.campaignNumber"], name: ["validation.required"], startDate: ["validation.date"] } });
  });

  it("refuses an edit based on a stale version and returns the current values, writing nothing", async () => {
    const staff = await sessionUser("staff");
    const admin = await sessionUser("admin");
    const created = await createCampaign(staff, form(20));
    if (!created.ok || !created.data) throw new Error("created");
    const campaignId = created.data.id;
    const stale = await editForm(campaignId, 20, { name: "乙的名称" });
    expect(await updateCampaign(admin, await editForm(campaignId, 20, { name: "甲的名称" }))).toMatchObject({ ok: true });
    const conflict = await expectNothingWritten(t.prisma, () => updateCampaign(staff, stale));
    expect(conflict).toMatchObject({ ok: false, error: "conflict", current: { name: "甲的名称", version: 2 } });
    expect(await t.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).toMatchObject({ name: "甲的名称", version: 2 });
  });

  it("names a leader to review the campaign's reports: one of the town's active leaders, audited", async () => {
    const staff = await sessionUser("staff");
    const c4 = await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 4 } });
    const refused = await expectNothingWritten(t.prisma, async () =>
      updateCampaign(staff, await editForm(c4.id, 4, { name: c4.name, reviewerId: id("lead1") })),
    );
    expect(refused).toMatchObject({ ok: false, error: "invalid", fieldErrors: { reviewerId: ["validation.reviewer"] } });
    const county = await expectNothingWritten(t.prisma, async () =>
      updateCampaign(staff, await editForm(c4.id, 4, { name: c4.name, reviewerId: id("county") })),
    );
    expect(county).toMatchObject({ ok: false, error: "invalid", fieldErrors: { reviewerId: ["validation.reviewer"] } });

    expect(await updateCampaign(staff, await editForm(c4.id, 4, { name: c4.name, reviewerId: id("leader2") }))).toMatchObject({ ok: true });
    expect(await t.prisma.campaign.findUniqueOrThrow({ where: { id: c4.id } })).toMatchObject({ reviewerId: id("leader2") });
    const record = await lastAudit(t.prisma);
    expect(record).toMatchObject({
      action: "campaign.update",
      oldValues: expect.objectContaining({ reviewerId: null }),
      newValues: expect.objectContaining({ reviewerId: id("leader2") }),
    });
    // Left empty, the campaign has no named reviewer again.
    expect(await updateCampaign(staff, await editForm(c4.id, 4, { name: c4.name, reviewerId: "" }))).toMatchObject({ ok: true });
    expect((await t.prisma.campaign.findUniqueOrThrow({ where: { id: c4.id } })).reviewerId).toBeNull();
  });

  it("a change of a campaign's leads makes the user forms of those added or removed stale", async () => {
    const staff = await sessionUser("staff");
    const c9 = await t.prisma.campaign.findFirstOrThrow({ where: { planId, number: 9 }, include: { leads: true } });
    const [kept] = c9.leads;
    if (!kept) throw new Error("campaign 9 has a lead");
    const users = () => t.prisma.user.findMany({ where: { id: { in: [kept.userId, id("lead2")] } }, select: { id: true, version: true } });
    const before = new Map((await users()).map((u) => [u.id, u.version]));
    expect(await updateCampaign(staff, await editForm(c9.id, 9, { name: c9.name, leadIds: [kept.userId, id("lead2")] }))).toMatchObject({ ok: true });
    const after = new Map((await users()).map((u) => [u.id, u.version]));
    // lead2 now leads campaign 9 as well: an admin's user form loaded before would take it away again.
    expect(after.get(id("lead2"))).toBe((before.get(id("lead2")) ?? 0) + 1);
    expect(after.get(kept.userId)).toBe(before.get(kept.userId));
  });

  it("keeps the audit chain intact", async () => {
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });
});
