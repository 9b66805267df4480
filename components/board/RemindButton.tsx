"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { sendReminderAction } from "@/lib/reminders/actions";

export function RemindButton({ campaignId, month, campaignName }: { campaignId: string; month: number; campaignName: string }) {
  const t = useTranslations("board");
  const [result, action, pending] = useActionState(sendReminderAction, null);
  return (
    <form action={action} className="ml-auto flex items-center gap-2">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="month" value={month} />
      <span aria-live="polite" className="text-xs">
        {result?.ok && result.data && (result.data.escalated ? t("sentEscalated", { count: result.data.sent }) : t("sent", { count: result.data.sent }))}
        {result && !result.ok && <span className="text-red-700">{t("remindFailed")}</span>}
      </span>
      <button type="submit" className="btn-secondary min-h-8 px-3" disabled={pending} aria-label={`${t("remind")} ${campaignName}`}>
        {t("remind")}
      </button>
    </form>
  );
}
