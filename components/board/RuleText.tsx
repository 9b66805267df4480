import { getTranslations } from "next-intl/server";
import { RULE } from "@/lib/status";

/** The status rule in words, its numbers taken from the code that applies it (lib/status.ts). */
export async function RuleText() {
  const t = await getTranslations("rule");
  const pct = (x: number) => Math.round(x * 100);
  return (
    <details className="card p-4 text-sm" id="rule">
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <ol className="mt-2 list-decimal space-y-2 pl-5 text-slate-700" data-testid="rule-text">
        <li>{t("indicator", { green: pct(RULE.indicator.green), amber: pct(RULE.indicator.amber) })}</li>
        <li>{t("task", { green: RULE.task.green, amber: RULE.task.amber })}</li>
        <li>
          {t("campaign", {
            share: pct(RULE.campaign.indicatorShare),
            green: pct(RULE.campaign.green),
            amber: pct(RULE.campaign.amber),
            lateDays: RULE.reportLateDaysRed,
          })}
        </li>
        <li>{t("asOf")}</li>
      </ol>
    </details>
  );
}
