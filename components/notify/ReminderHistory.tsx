import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { campaignReminderHistory } from "@/lib/reminders/queries";

type Rounds = Awaited<ReturnType<typeof campaignReminderHistory>>;

/** The campaign's 催办 with, beside each person reached, how the message went out on each channel. */
export async function ReminderHistory({ rounds }: { rounds: Rounds }) {
  const [t, locale] = await Promise.all([getTranslations("notify"), getLocale() as Promise<Locale>]);
  if (!rounds.length) return <p className="text-sm text-slate-600">{t("historyNone")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="reminder-history">
        <thead>
          <tr className="text-left text-slate-600">
            <th className="py-1 pr-3">{t("colWhen")}</th>
            <th className="py-1 pr-3">{t("colMonth")}</th>
            <th className="py-1 pr-3">{t("colBy")}</th>
            <th className="py-1 pr-3">{t("colTo")}</th>
            <th className="py-1">{t("colDelivery")}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.flatMap((round) =>
            round.reminders.map((r, i) => (
              <tr key={r.id} className="border-t border-slate-200 align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{i === 0 ? formatDateTime(round.createdAt, locale) : ""}</td>
                <td className="py-1 pr-3 whitespace-nowrap">{i === 0 ? formatMonth(round.year, round.month, locale) : ""}</td>
                <td className="py-1 pr-3">
                  {i === 0 && (
                    <>
                      {round.sentBy?.name ?? t("system")} · {t(`step.${round.step ?? "MANUAL"}`)}
                      {round.forced && round.reason && <span className="block text-xs text-slate-600">{t("forced", { reason: round.reason })}</span>}
                    </>
                  )}
                </td>
                <td className="py-1 pr-3">{r.toUser.name}</td>
                <td className="py-1">
                  <ul>
                    <li>{t("deliveryLine", { channel: t("channel.IN_APP"), status: t("status.SENT") })}</li>
                    {r.notification?.deliveries.map((d) => (
                      <li key={d.id} data-channel={d.channel} data-status={d.status} className={d.status === "FAILED" ? "text-red-700" : undefined}>
                        {t("deliveryLine", { channel: t(`channel.${d.channel}`), status: t(`status.${d.status}`) })}
                        {d.deliveredAt && ` · ${formatDateTime(d.deliveredAt, locale)}`}
                        {d.status !== "SENT" && d.attempts > 0 && ` · ${t("attempts", { count: d.attempts })}`}
                        {d.status !== "SENT" && d.lastError && <span className="block text-xs">{d.lastError}</span>}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
