import { getLocale, getTranslations } from "next-intl/server";
import { formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { PlanRules } from "@/lib/plan/versions";

/** The status rule in words, its numbers those of the plan's rules in force for the month (lib/status, lib/plan/versions). */
export async function RuleText({ plan, rules, month }: { plan: { year: number; baselineYear: number; title: string }; rules: PlanRules; month: number }) {
  const [t, locale] = await Promise.all([getTranslations("rule"), getLocale() as Promise<Locale>]);
  const r = rules.rules;
  const pct = (x: number) => Math.round(x * 100);
  return (
    <details className="card p-4 text-sm" id="rule">
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <ol className="mt-2 list-decimal space-y-2 pl-5 text-slate-700" data-testid="rule-text">
        <li>{t("ytd", { green: r.ytd.green, amber: r.ytd.amber })}</li>
        <li>{t("allowance")}</li>
        <li>{t("rate", { green: r.rate.green, amber: r.rate.amber })}</li>
        <li>{t("level", { green: r.level.green, amber: r.level.amber })}</li>
        <li>{t("task", { green: r.task.green, amber: r.task.amber })}</li>
        <li>{t("campaign", { share: pct(r.campaign.indicatorShare), green: pct(r.campaign.green), amber: pct(r.campaign.amber) })}</li>
        <li>{t("silence", { dueDay: rules.reportDueDay, days: rules.escalateAfterDays })}</li>
        <li>{t("pending", { count: r.countUnapproved ? "yes" : "no" })}</li>
        <li>{t("yoy", { year: plan.baselineYear })}</li>
        <li>{t("asOf")}</li>
      </ol>
      <p className="mt-2 text-xs text-slate-500">{t("source", { month: formatMonth(plan.year, month, locale), plan: plan.title })}</p>
    </details>
  );
}
