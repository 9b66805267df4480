import { getLocale, getTranslations } from "next-intl/server";
import type { Reviewer } from "@/lib/reports/reviewers";

/** Who reviews this campaign's report, by name: its 分管领导, a leader named for it, the principal leaders. */
export async function reviewerNames(reviewers: Reviewer[]): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("report"), getLocale()]);
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return list.format(reviewers.map((r) => t("reviewerEntry", { name: r.name, as: t(`reviewerAs.${r.as}`) })));
}

/** The line on the report page saying who reviews it (and that the office checks it first, where it does). */
export async function Reviewers({ reviewers, preReview }: { reviewers: Reviewer[]; preReview: boolean }) {
  const t = await getTranslations("report");
  return (
    <p className="mb-4 text-sm text-slate-700" data-testid="reviewers">
      <span className="font-medium">{t("reviewersLabel")}</span>
      {reviewers.length ? await reviewerNames(reviewers) : t("reviewersNone")}
      {preReview && <span className="ml-1 text-slate-600">{t("preReviewFirst")}</span>}
    </p>
  );
}
