// The users page's "sign-in limits": every account or address held back right now, with a way to lift it.
import { getLocale, getTranslations } from "next-intl/server";
import type { Restriction } from "@/lib/auth/throttle-admin";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { ClearRestrictionForm } from "./ClearRestrictionForm";

export async function SignInLimits({ restrictions }: { restrictions: Restriction[] }) {
  const [t, locale] = await Promise.all([getTranslations("account"), getLocale() as Promise<Locale>]);
  return (
    <section className="card mt-6 space-y-3 p-4 sm:p-6" aria-labelledby="limits-heading" data-testid="sign-in-limits">
      <h2 id="limits-heading" className="text-lg font-semibold">
        {t("limitsTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("limitsIntro")}</p>
      {restrictions.length === 0 ? (
        <p className="text-sm text-slate-600">{t("limitsNone")}</p>
      ) : (
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t("colWhat")}</th>
              <th scope="col" className="num">
                {t("colFailures")}
              </th>
              <th scope="col">{t("colState")}</th>
              <th scope="col">
                <span className="sr-only">{t("clear")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {restrictions.map((r) => {
              const who = r.username ? (r.name ? `${r.username}（${r.name}）` : r.username) : "";
              const what = t(`kind.${r.kind}`, { username: who, address: r.address ?? "" });
              return (
                <tr key={r.key} data-testid="restriction-row">
                  <td data-label={t("colWhat")}>{what}</td>
                  <td data-label={t("colFailures")} className="num">
                    {r.failures}
                  </td>
                  <td data-label={t("colState")}>
                    {r.lockedUntil ? t("lockedUntil", { time: formatDateTime(r.lockedUntil, locale) }) : t("slowed", { seconds: r.retryAfterSeconds })}
                  </td>
                  <td>
                    <ClearRestrictionForm restrictionKey={r.key} what={what} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
