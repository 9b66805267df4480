// Who may read an unsubmitted draft (decided for #11): its campaign's leads and admins. Everyone
// else who sees the campaign learns only that a draft exists (草稿，未提交): its figures, narrative
// and evidence are not read for them, on the report page, in downloads or in the audit trail.
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { reportableCampaigns } from "@/lib/auth/scope";
import { db } from "@/lib/db";

/** Audit actions whose values are a report's content while it is being written (before it is submitted). */
const DRAFT_STAGE = new Set(["report.create", "report.save", "attachment.upload", "attachment.delete"]);

interface AuditValues {
  action: string;
  campaignId: string | null;
  oldValues: unknown;
  newValues: unknown;
}

/**
 * Audit records as this user may read them. For campaigns whose drafts they may not read, a
 * draft-stage record keeps who, when and what kind of change, without its values; a submission
 * keeps what was submitted, without the draft it replaced.
 */
export async function withDraftsRedacted<T extends AuditValues>(user: SessionUser, rows: T[]): Promise<(T & { redacted?: true })[]> {
  const touches = (r: T) => r.campaignId !== null && (DRAFT_STAGE.has(r.action) || r.action === "report.submit");
  const ids = [...new Set(rows.filter(touches).map((r) => r.campaignId as string))];
  if (ids.length === 0) return rows;
  const readable = new Set(
    (await db().campaign.findMany({ where: { AND: [{ id: { in: ids } }, reportableCampaigns(user)] }, select: { id: true } })).map((c) => c.id),
  );
  return rows.map((r) => {
    if (!touches(r) || readable.has(r.campaignId as string)) return r;
    return r.action === "report.submit"
      ? { ...r, oldValues: null, redacted: true as const }
      : { ...r, oldValues: null, newValues: null, redacted: true as const };
  });
}
