import { beforeAll, describe, expect, it } from "vitest";
import { findDownloadableAttachment } from "@/lib/attachments/mutations";
import { searchAudit } from "@/lib/audit/queries";
import { getCampaignTrail } from "@/lib/campaigns/queries";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { startCorrection } from "./mutations";
import { getReportPage } from "./queries";
import { saveReport } from "./save";

// Decided for #11: an unsubmitted draft's content is its campaign's leads' and admins' only; everyone
// else who sees the campaign learns only that a draft exists.
describe.each(DB_KINDS)("who reads an unsubmitted draft (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let campaignId: string;
  let reportId: string;
  let attachmentId: string;
  beforeAll(async () => {
    const c = await t.prisma.campaign.findFirstOrThrow({ where: { number: 1 }, include: { indicators: true } });
    campaignId = c.id;
    const lead = await sessionUser("lead1");
    const form: Record<string, string> = { campaignId, year: "2018", month: "4", version: "0", intent: "save", progressText: "草稿里的进展：尚未核实的数字" };
    for (const ind of c.indicators) form[`value.${ind.id}`] = ind.unit === "%" ? "88" : "123";
    const saved = await saveReport(lead, form);
    if (!saved.ok || !saved.data) throw new Error("draft");
    reportId = saved.data.reportId;
    const file = await t.prisma.attachment.create({
      data: {
        campaignId,
        reportId,
        fileName: "草稿照片.png",
        mimeType: "image/png",
        size: 1,
        sha256: "0".repeat(64),
        storageKey: `test-${kind}`,
        uploadedById: lead.id,
      },
    });
    attachmentId = file.id;
  });

  it.each(["lead1", "admin"])("%s reads the draft whole", async (username) => {
    const page = await getReportPage(await sessionUser(username), campaignId, 4);
    expect(page?.latest).toMatchObject({ hidden: false, progressText: "草稿里的进展：尚未核实的数字" });
    expect(page?.shown?.values.length).toBeGreaterThan(0);
    expect(await findDownloadableAttachment(await sessionUser(username), attachmentId)).not.toBeNull();
  });

  it.each(["leader3", "leader", "viewer", "staff", "lead2", "county"])(
    "%s learns only that a draft exists: no figures, narrative or evidence",
    async (username) => {
      const user = await sessionUser(username);
      const page = await getReportPage(user, campaignId, 4);
      expect(page?.latest).toMatchObject({ hidden: true, status: "DRAFT" });
      expect(page?.latest).not.toHaveProperty("progressText");
      expect(page?.latest).not.toHaveProperty("values");
      expect(page?.shown).toBeNull();
      expect(JSON.stringify(page?.revisions)).not.toContain("尚未核实");
      expect(await findDownloadableAttachment(user, attachmentId)).toBeNull();
      // Nor through the audit trail, on the campaign page or (for leaders) in the audit viewer.
      const trail = await getCampaignTrail(user, campaignId);
      const created = trail.audit.find((r) => r.entityId === reportId && r.action === "report.create");
      expect(created).toMatchObject({ oldValues: null, newValues: null, redacted: true });
      expect(JSON.stringify(trail.audit, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain("尚未核实");
      if (username.startsWith("leader")) {
        const search = await searchAudit(user, { campaign: campaignId });
        if (!search.ok) throw new Error("leaders read the audit trail");
        expect(search.rows.find((r) => r.entityId === reportId)).toMatchObject({ newValues: null, redacted: true });
      }
    },
  );

  it("shows everyone the content once submitted; a correction's draft stays hidden under the approved revision", async () => {
    const viewer = await sessionUser("viewer");
    // Campaign 2's March report is approved; its lead starts a correction (a new draft revision).
    const c2 = await t.prisma.campaign.findFirstOrThrow({ where: { number: 2 } });
    const approved = await t.prisma.progressReport.findFirstOrThrow({ where: { campaignId: c2.id, month: 3 } });
    const correction = await startCorrection(await sessionUser("lead2"), { reportId: approved.id });
    expect(correction).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    const page = await getReportPage(viewer, c2.id, 3);
    expect(page?.latest).toMatchObject({ hidden: true, revision: 2 });
    expect(page?.shown).toMatchObject({ hidden: false, revision: 1, status: "APPROVED" });

    // Campaign 1's April draft, once submitted, is everyone's to read.
    const lead = await sessionUser("lead1");
    const c1 = await t.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { indicators: true, tasks: true } });
    const draft = await t.prisma.progressReport.findUniqueOrThrow({ where: { id: reportId } });
    const form: Record<string, string> = {
      campaignId,
      year: "2018",
      month: "4",
      version: String(draft.version),
      intent: "submit",
      progressText: "核实后的进展",
      problemsText: "无",
      nextStepsText: "五月安排",
    };
    for (const ind of c1.indicators) form[`value.${ind.id}`] = ind.unit === "%" ? "88" : "100000";
    for (const task of c1.tasks)
      Object.assign(form, { [`task.${task.id}.percent`]: "50", [`task.${task.id}.status`]: "IN_PROGRESS", [`taskVersion.${task.id}`]: String(task.version) });
    expect(await saveReport(lead, form)).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    const submitted = await getReportPage(viewer, campaignId, 4);
    expect(submitted?.latest).toMatchObject({ hidden: false, progressText: "核实后的进展" });
    expect(await findDownloadableAttachment(viewer, attachmentId)).not.toBeNull();
  });
});
