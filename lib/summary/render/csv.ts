// The monthly summary as one flat table for filtering in Excel: a row per town-wide indicator,
// then a row per indicator of each campaign (a campaign without indicators still gets one row),
// the campaign's columns repeated on each. UTF-8 with a BOM and CRLF, because that is what Excel needs to open Chinese text directly.
import { stringify } from "csv-stringify/sync";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/format";
import type { MonthlySummary, SummaryCampaign, SummaryIndicator } from "../model";
import type { SummaryText } from "../text";
import { labelled } from "./wording";

/**
 * A cell starting with one of these is run as a formula by spreadsheet programs, which can leak
 * data or start programs ("=HYPERLINK(…)", "@SUM(…)"). OWASP's advice is to prefix a single quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell; numeric columns never go through here, so "-74.90" stays a number. */
export function csvSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** A numeric column: plain decimals as Excel reads numbers; anything else is treated as text, to be safe. */
export function csvNumber(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return PLAIN_DECIMAL.test(text) ? text : csvSafe(text);
}

const LIST_SEPARATOR: Record<Locale, string> = { "zh-CN": "；", en: "; " };

export function renderCsv(summary: MonthlySummary, text: SummaryText): Buffer {
  const { t, locale } = text;
  const { baselineYear } = summary.cover;
  const sep = LIST_SEPARATOR[locale];
  const campaignHeader = [t("colNumber"), t("colCampaign"), t("colStatus"), t("colReason"), t("colProgress"), t("colOverdue"), t("colReport"), t("colLateSubmitted")];
  const indicatorHeader = [
    t("colIndicator"),
    t("colUnit"),
    t("colBaseline", { year: baselineYear }),
    t("colTarget"),
    t("colPlannedOf"),
    t("colActual"),
    t("colDataMonth"),
    t("colCompletion"),
    t("colSchedule"),
    t("colGap"),
    t("colVsSchedule"),
    t("colYoy"),
    t("colIndicatorStatus"),
    t("colIndicatorReason"),
    t("colNote"),
  ];
  const closingHeader = [t("colProgressText"), t("colProblemsText"), t("colNextStepsText"), t("sectionComments")];
  const header = [...campaignHeader, ...indicatorHeader, ...closingHeader].map(csvSafe);

  const campaignCells = (c: SummaryCampaign) => [
    csvNumber(c.number),
    csvSafe(c.name),
    csvSafe(t(`light.${c.light}`)),
    csvSafe([c.verdict, ...(c.reasons.length ? [labelled(c.reasonsLabel, c.reasons.join(sep), locale)] : []), ...c.adjustments.map((a) => labelled(t("adjusted"), a, locale))].join(sep)),
    csvNumber(c.progress),
    csvNumber(c.overdueTasks.length),
    csvSafe(c.report?.status ?? t("noReport")),
    c.report && c.report.lateDays > 0 ? csvNumber(c.report.lateDays) : "",
  ];
  const indicatorCells = (i: SummaryIndicator) => [
    csvSafe(i.name),
    csvSafe(i.unit),
    csvNumber(i.baseline),
    csvNumber(i.target),
    csvNumber(i.planned),
    csvNumber(i.actual),
    csvSafe(t("monthOf", { month: i.planMonth })),
    csvNumber(i.completion),
    csvNumber(i.schedule),
    csvNumber(i.gap),
    csvSafe(i.progress),
    csvSafe(i.yoy),
    csvSafe(t(`light.${i.light}`)),
    csvSafe(i.reason),
    csvSafe([i.isSample ? t("sample") : "", i.pending ? t("pending") : "", i.awaiting ?? "", i.adjusted ? t("adjusted") : ""].filter(Boolean).join(sep)),
  ];
  const noIndicator = indicatorHeader.map(() => "");
  const closingCells = (c: SummaryCampaign) => [
    csvSafe(c.report?.progressText ?? ""),
    csvSafe(c.report?.problemsText ?? ""),
    csvSafe(c.report?.nextStepsText ?? ""),
    csvSafe(c.comments.map((comment) => commentLine(comment.author, formatDateTime(comment.at, locale), comment.body, locale)).join(sep)),
  ];

  // The town-wide indicators come first, under the section's name instead of a campaign's.
  const townWide = ["", csvSafe(t("sectionPlanIndicators")), ...campaignHeader.slice(2).map(() => "")];
  const planRows = summary.planIndicators.map((i) => [...townWide, ...indicatorCells(i), ...closingHeader.map(() => "")]);
  const campaignRows = summary.campaigns.flatMap((c) => {
    const indicators = c.indicators.length > 0 ? c.indicators.map(indicatorCells) : [noIndicator];
    return indicators.map((cells) => [...campaignCells(c), ...cells, ...closingCells(c)]);
  });
  return Buffer.from(`\uFEFF${stringify([header, ...planRows, ...campaignRows], { record_delimiter: "windows" })}`, "utf8");
}

function commentLine(author: string, at: string, body: string, locale: Locale): string {
  return locale === "en" ? `${author} (${at}): ${body}` : `${author}（${at}）：${body}`;
}
