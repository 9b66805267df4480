"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { sendReminderAction } from "@/lib/reminders/actions";

/** 催办: once a day per campaign; a second press that day asks for a reason (强制催办). */
export function RemindButton({ campaignId, month, campaignName }: { campaignId: string; month: number; campaignName: string }) {
  const t = useTranslations("board");
  const [result, action, pending] = useActionState(sendReminderAction, null);
  const throttled = result && !result.ok && result.error === "locked" && result.status === "remindedToday";
  const reasonError = result && !result.ok && result.error === "invalid" ? result.fieldErrors.reason : undefined;
  const askReason = throttled || !!reasonError;
  return (
    <form action={action} className="ml-auto flex flex-wrap items-center gap-2">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="month" value={month} />
      <span aria-live="polite" className="text-xs">
        {result?.ok && result.data && (result.data.escalated ? t("sentEscalated", { count: result.data.sent }) : t("sent", { count: result.data.sent }))}
        {askReason && <span className="text-amber-800">{t("remindedToday")}</span>}
        {result && !result.ok && !askReason && <span className="text-red-700">{t("remindFailed")}</span>}
      </span>
      {askReason && (
        <>
          <input type="hidden" name="force" value="1" />
          <input
            name="reason"
            className="input min-h-8 w-48"
            maxLength={200}
            required
            aria-label={`${t("forceReason")} ${campaignName}`}
            placeholder={t("forceReason")}
          />
        </>
      )}
      <button
        type="submit"
        className="btn-secondary min-h-8 px-3"
        disabled={pending}
        aria-label={`${askReason ? t("forceRemind") : t("remind")} ${campaignName}`}
      >
        {askReason ? t("forceRemind") : t("remind")}
      </button>
    </form>
  );
}
