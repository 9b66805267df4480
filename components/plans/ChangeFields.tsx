"use client";
// On an active plan, a change of targets, trajectories, task dates or the light rules applies from
// a chosen month; choosing a month already reported makes it a 调整, which needs its reason.
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ChangeContext } from "@/lib/plans/history/versioning";
import { SelectField, TextArea } from "@/components/ui/inputs";

export function ChangeFields({
  change,
  errors,
  text,
  year,
}: {
  change: ChangeContext;
  errors: Record<string, string[]>;
  text: (name: string) => string;
  year: number;
}) {
  const t = useTranslations("planAdmin.change");
  const [month, setMonth] = useState(() => Number(text("fromMonth")) || change.defaultFromMonth);
  if (!change.versioned) return null;
  const adjusting = month <= change.closedMonth;
  const options = Array.from({ length: 12 }, (_, i) => i + 1).map((m) => ({
    value: String(m),
    label: m <= change.closedMonth ? t("monthAdjust", { year, month: m }) : t("month", { year, month: m }),
  }));
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-300 p-3" data-testid="change-fields">
      <legend className="px-1 text-sm font-semibold">{t("legend")}</legend>
      <p className="text-xs text-slate-600">{t("hint")}</p>
      <div onChange={(e) => setMonth(Number((e.target as unknown as HTMLSelectElement).value))}>
        <SelectField name="fromMonth" label={t("fromMonth")} errors={errors} defaultValue={String(month)} options={options} />
      </div>
      {adjusting && (
        <p role="note" className="rounded border border-purple-300 bg-purple-50 p-2 text-sm text-purple-950">
          {t("adjustNote", { month: change.closedMonth })}
        </p>
      )}
      <TextArea name="changeReason" label={adjusting ? t("reasonRequired") : t("reason")} errors={errors} defaultValue={text("changeReason")} rows={2} />
      {change.needsApproval && <p className="text-xs text-slate-600">{t("needsApproval")}</p>}
    </fieldset>
  );
}
