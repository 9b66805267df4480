import "server-only";
// The baseline year's figure for each month (同比基数), entered by office staff where the baseline
// year's own plan is not in the app. A fact, not a plan: corrected in place, every change audited,
// and a change made meanwhile by someone else is refused with what they saved (the form posts the
// values it was loaded with).
import { z } from "zod";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { db, WRITE_TX } from "@/lib/db";
import type { ActionResult, FieldErrors } from "@/lib/errors";
import { checkDecimal } from "@/lib/validation/form-fields";
import { keepablePlans } from "@/lib/auth/scope";

export const BASELINE_MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
export const baselineField = (m: number) => `baseline${m}`;

const input = z.object({ indicatorId: z.string().min(1).max(64), loaded: z.string().max(2000) });

/** The stored series as the form loads it: month → exact decimal string. */
export type Series = Record<number, string>;

const asText = (series: Series) => JSON.stringify(BASELINE_MONTHS.map((m) => series[m] ?? ""));

export async function loadBaselineMonths(indicatorId: string): Promise<Series> {
  const rows = await db().baselineMonth.findMany({ where: { indicatorId }, select: { month: true, value: true } });
  return Object.fromEntries(rows.map((r) => [r.month, r.value.toFixed()]));
}

export async function saveBaselineMonths(user: SessionUser, raw: Record<string, unknown>): Promise<ActionResult<{ id: string }>> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "notFound" };
  const { indicatorId, loaded } = parsed.data;
  const errors: FieldErrors = {};
  const next: Series = {};
  for (const m of BASELINE_MONTHS) {
    const typed = typeof raw[baselineField(m)] === "string" ? (raw[baselineField(m)] as string).trim() : "";
    if (!typed) continue;
    const checked = checkDecimal(typed, 4);
    if ("error" in checked) errors[baselineField(m)] = [checked.error];
    else next[m] = checked.value;
  }
  if (Object.keys(errors).length) return { ok: false, error: "invalid", fieldErrors: errors };
  return db().$transaction(async (tx): Promise<ActionResult<{ id: string }>> => {
    const indicator = await tx.indicator.findFirst({
      where: { id: indicatorId, plan: keepablePlans(user) },
      select: { id: true, campaignId: true, plan: { select: { orgId: true } } },
    });
    if (!indicator) return { ok: false, error: "notFound" };
    const rows = await tx.baselineMonth.findMany({ where: { indicatorId }, select: { month: true, value: true } });
    const before: Series = Object.fromEntries(rows.map((r) => [r.month, r.value.toFixed()]));
    if (asText(before) !== loaded) return { ok: false, error: "conflict", current: before };
    if (asText(before) === asText(next)) return { ok: true, data: { id: indicatorId } };
    await tx.baselineMonth.deleteMany({ where: { indicatorId } });
    await tx.baselineMonth.createMany({ data: Object.entries(next).map(([m, value]) => ({ indicatorId, month: Number(m), value })) });
    await audit(tx, {
      actor: user,
      action: "indicator.baselineMonths",
      entityType: "Indicator",
      entityId: indicatorId,
      orgId: indicator.plan.orgId,
      campaignId: indicator.campaignId,
      oldValues: { baselineMonths: before },
      newValues: { baselineMonths: next },
    });
    return { ok: true, data: { id: indicatorId } };
  }, WRITE_TX);
}

export const loadedText = asText;
