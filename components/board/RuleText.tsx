import { getLocale, getTranslations } from "next-intl/server";
import { formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { ruleLines } from "@/lib/board/reasons";
import type { PlanRules } from "@/lib/plans/history/versions";

/** The status rule in words, its numbers those of the plan's rules in force for the month (lib/status, lib/plan/versions). */
export async function RuleText({ plan, rules, month }: { plan: { year: number; baselineYear: number; title: string }; rules: PlanRules; month: number }) {
  const [t, locale] = await Promise.all([getTranslations("rule"), getLocale() as Promise<Locale>]);
  return (
    <details className="card p-4 text-sm" id="rule">
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <ol className="mt-2 list-decimal space-y-2 pl-5 text-slate-700" data-testid="rule-text">
        {ruleLines(t, rules, plan.baselineYear).map((line) => (
          <li key={line}>{line}</li>
        ))}
        <li>{t("asOf")}</li>
      </ol>
      <p className="mt-2 text-xs text-slate-500">{t("source", { month: formatMonth(plan.year, month, locale), plan: plan.title })}</p>
    </details>
  );
}
