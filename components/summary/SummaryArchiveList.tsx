// The plan's archive of generated summaries, newest first: each downloads again byte for byte.
import { getTranslations } from "next-intl/server";
import { formatDateTime, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { VerifyArchiveButton } from "./VerifyArchiveButton";

export interface ArchiveRow {
  id: string;
  fileName: string;
  month: string;
  scope: string;
  by: string;
  at: Date;
  size: number;
}

function fileSize(bytes: number, locale: Locale): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024, locale, 1)} MB` : `${formatNumber(Math.max(bytes / 1024, 0.1), locale, 1)} KB`;
}

export async function SummaryArchiveList({ rows, locale }: { rows: ArchiveRow[]; locale: Locale }) {
  const t = await getTranslations("export");
  return (
    <section className="card overflow-hidden" aria-labelledby="archive-heading">
      <h2 id="archive-heading" className="p-4 pb-2 font-semibold">
        {t("archive")}
      </h2>
      {rows.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-slate-600">{t("archiveEmpty")}</p>
      ) : (
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t("colFile")}</th>
              <th scope="col">{t("colMonth")}</th>
              <th scope="col">{t("colScope")}</th>
              <th scope="col">{t("colBy")}</th>
              <th scope="col">{t("colAt")}</th>
              <th scope="col" className="num">
                {t("colSize")}
              </th>
              <th scope="col">{t("colVerify")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label={t("colFile")}>
                  <a className="link break-all" href={`/api/summaries/${r.id}`} download>
                    {r.fileName}
                  </a>
                </td>
                <td data-label={t("colMonth")}>{r.month}</td>
                <td data-label={t("colScope")}>{r.scope}</td>
                <td data-label={t("colBy")}>{r.by}</td>
                <td data-label={t("colAt")}>{formatDateTime(r.at, locale)}</td>
                <td data-label={t("colSize")} className="num">
                  {fileSize(r.size, locale)}
                </td>
                <td data-label={t("colVerify")}>
                  <VerifyArchiveButton id={r.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
