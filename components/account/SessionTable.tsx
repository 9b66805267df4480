// Open sessions, newest first: when and where each signed in, when it was last active, in which
// browser. Shown to the person (their account page) and to an admin (the person's page).
import { getLocale, getTranslations } from "next-intl/server";
import { describeUserAgent } from "@/lib/auth/device-name";
import type { OpenSession } from "@/lib/auth/sessions";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export async function SessionTable({ sessions, currentId, testId }: { sessions: OpenSession[]; currentId?: string; testId: string }) {
  const [t, locale] = await Promise.all([getTranslations("account"), getLocale() as Promise<Locale>]);
  if (sessions.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <table className="stack-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t("colSignedIn")}</th>
          <th scope="col">{t("colLastSeen")}</th>
          <th scope="col">{t("colAddress")}</th>
          <th scope="col">{t("colDevice")}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id} data-testid="session-row">
            <td data-label={t("colSignedIn")}>
              {formatDateTime(s.createdAt, locale)}
              {s.id === currentId && <span className="ml-2 whitespace-nowrap rounded bg-green-100 px-1.5 text-xs text-green-800">{t("thisDevice")}</span>}
            </td>
            <td data-label={t("colLastSeen")}>{formatDateTime(s.lastSeenAt, locale)}</td>
            <td data-label={t("colAddress")} className="break-all">
              {s.address ?? t("unknown")}
            </td>
            <td data-label={t("colDevice")}>{describeUserAgent(s.userAgent) ?? t("unknown")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
