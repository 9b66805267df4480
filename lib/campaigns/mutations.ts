// Adding and editing a campaign: its number, names, departments, people and dates.
import "server-only";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { db, WRITE_TX, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { fieldErrorsOf, type Saved } from "@/lib/errors";
import { campaignErrors } from "./checks";
import { createCampaignSchema, updateCampaignSchema, type CampaignFields } from "./schemas";
import { changes } from "@/lib/audit/diff";
import { isoDay } from "@/lib/validation/form-fields";
import { bumpUserVersions, symmetricDifference } from "@/lib/db/versions";
import { keepableCampaigns, keepablePlans } from "@/lib/auth/scope";

const numberTaken = (): Saved => ({ ok: false, error: "invalid", fieldErrors: { number: ["validation.campaignNumberTaken"] } });

/** The campaign as the audit trail and a conflict show it. */
async function snapshot(tx: Tx, campaignId: string) {
  const c = await tx.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    include: { cooperating: { select: { departmentId: true } }, leads: { select: { userId: true } } },
  });
  return {
    number: c.number,
    name: c.name,
    nameEn: c.nameEn,
    description: c.description,
    leadDepartmentId: c.leadDepartmentId,
    cooperatingIds: c.cooperating.map((d) => d.departmentId).sort(),
    leadingOfficialId: c.leadingOfficialId,
    reviewerId: c.reviewerId,
    leadIds: c.leads.map((l) => l.userId).sort(),
    startDate: isoDay(c.startDate),
    endDate: isoDay(c.endDate),
    version: c.version,
  };
}

type Fields = Omit<CampaignFields, "planId">;

/** The campaign's own columns (departments and leads are rows of their own). */
const columns = (f: Fields) => ({
  number: f.number,
  name: f.name,
  nameEn: f.nameEn,
  description: f.description,
  leadDepartmentId: f.leadDepartmentId,
  leadingOfficialId: f.leadingOfficialId,
  reviewerId: f.reviewerId,
  startDate: f.startDate,
  endDate: f.endDate,
});

export async function createCampaign(user: SessionUser, raw: unknown): Promise<Saved> {
  const parsed = createCampaignSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { planId, ...input } = parsed.data;
  try {
    return await db().$transaction(async (tx): Promise<Saved> => {
      const plan = await tx.plan.findFirst({ where: { AND: [{ id: planId }, keepablePlans(user)] }, select: { id: true, orgId: true, year: true } });
      if (!plan) return { ok: false, error: "notFound" };
      const errors = await campaignErrors(tx, plan, input);
      if (Object.keys(errors).length) return { ok: false, error: "invalid", fieldErrors: errors };
      const created = await tx.campaign.create({
        data: {
          ...columns(input),
          planId,
          cooperating: { create: input.cooperatingIds.map((departmentId) => ({ departmentId })) },
          leads: { create: input.leadIds.map((userId) => ({ userId })) },
        },
        select: { id: true },
      });
      await bumpUserVersions(tx, input.leadIds);
      await audit(tx, {
        actor: user,
        action: "campaign.create",
        entityType: "Campaign",
        entityId: created.id,
        orgId: plan.orgId,
        campaignId: created.id,
        newValues: await snapshot(tx, created.id),
      });
      return { ok: true, data: { id: created.id } };
    }, WRITE_TX);
  } catch (error) {
    if (isUniqueViolation(error)) return numberTaken();
    throw error;
  }
}

export async function updateCampaign(user: SessionUser, raw: unknown): Promise<Saved> {
  const parsed = updateCampaignSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { campaignId, version, ...input } = parsed.data;
  try {
    return await db().$transaction(async (tx): Promise<Saved> => {
      const scope = { AND: [{ id: campaignId }, keepableCampaigns(user)] };
      const found = await tx.campaign.findFirst({ where: scope, select: { plan: { select: { id: true, orgId: true, year: true } } } });
      if (!found) return { ok: false, error: "notFound" };
      const before = await snapshot(tx, campaignId);
      if (before.version !== version) return { ok: false, error: "conflict", current: before };
      const errors = await campaignErrors(tx, found.plan, input, {
        id: campaignId,
        leadingOfficialId: before.leadingOfficialId,
        reviewerId: before.reviewerId,
        leadIds: before.leadIds,
      });
      if (Object.keys(errors).length) return { ok: false, error: "invalid", fieldErrors: errors };
      const { count } = await tx.campaign.updateMany({ where: { ...scope, version }, data: { ...columns(input), version: { increment: 1 } } });
      if (count === 0) return { ok: false, error: "conflict", current: await snapshot(tx, campaignId) };
      // The people and cooperating departments are replaced as a whole, like the form shows them.
      await tx.campaignDepartment.deleteMany({ where: { campaignId } });
      await tx.campaignDepartment.createMany({ data: input.cooperatingIds.map((departmentId) => ({ campaignId, departmentId })) });
      await tx.campaignLead.deleteMany({ where: { campaignId } });
      await tx.campaignLead.createMany({ data: input.leadIds.map((userId) => ({ campaignId, userId })) });
      // Whom a person leads is also on their user form: a form opened before this is now stale.
      await bumpUserVersions(tx, symmetricDifference(before.leadIds, input.leadIds));
      await audit(tx, {
        actor: user,
        action: "campaign.update",
        entityType: "Campaign",
        entityId: campaignId,
        orgId: found.plan.orgId,
        campaignId,
        ...changes(before, await snapshot(tx, campaignId)),
      });
      return { ok: true, data: { id: campaignId } };
    }, WRITE_TX);
  } catch (error) {
    if (isUniqueViolation(error)) return numberTaken();
    throw error;
  }
}
