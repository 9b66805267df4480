// The monthly summary as CSV, for filtering in Excel: two flat tables, each a file of its own.
// renderCsv: the indicators, a row per town-wide indicator and then per indicator of each campaign,
// with only the campaign's number, name and light repeated (the narrative is in the Word/PDF 月报).
// renderTaskCsv: the overdue tasks and the missing reports, a row each, told apart by a 类别 column.
// UTF-8 with a BOM and CRLF, because that is what Excel needs to open Chinese text directly.
import { stringify } from "csv-stringify/sync";
import type { Locale } from "@/lib/i18n/config";
import { TIME_ZONE } from "@/lib/i18n/config";
import type { MonthlySummary, SummaryCampaign, SummaryIndicator } from "../model";
import type { SummaryText } from "../text";

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

function csvFile(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${stringify(rows, { record_delimiter: "windows" })}`, "utf8");
}

export function renderCsv(summary: MonthlySummary, text: SummaryText): Buffer {
  const { t, locale } = text;
  const { baselineYear } = summary.cover;
  const sep = LIST_SEPARATOR[locale];
  const campaignHeader = [t("colNumber"), t("colCampaign"), t("colCampaignStatus")];
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
  const header = [...campaignHeader, ...indicatorHeader].map(csvSafe);

  const campaignCells = (c: SummaryCampaign) => [csvNumber(c.number), csvSafe(c.name), csvSafe(t(`light.${c.light}`))];
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

  // The town-wide indicators come first, under the section's name instead of a campaign's.
  const townWide = ["", csvSafe(t("sectionPlanIndicators")), ""];
  const planRows = summary.planIndicators.map((i) => [...townWide, ...indicatorCells(i)]);
  const campaignRows = summary.campaigns.flatMap((c) => c.indicators.map((i) => [...campaignCells(c), ...indicatorCells(i)]));
  return csvFile([header, ...planRows, ...campaignRows]);
}

const ISO_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The second CSV: every overdue task, then every missing report, of the campaigns in the summary. */
export function renderTaskCsv(summary: MonthlySummary, text: SummaryText): Buffer {
  const { t } = text;
  const header = [
    t("csvKind"),
    t("colNumber"),
    t("colCampaign"),
    t("colTask"),
    t("colDue"),
    t("colPercentDone"),
    t("colStatus"),
    t("colTaskLateReason"),
    t("colLeads"),
    t("colOfficial"),
    t("colDaysLate"),
    t("colReminders"),
  ].map(csvSafe);
  const tasks = summary.campaigns.flatMap((c) =>
    c.overdueTasks.map((task) => [
      csvSafe(t("csvKindTask")),
      csvNumber(c.number),
      csvSafe(c.name),
      csvSafe(task.title),
      ISO_DAY.format(task.due),
      csvNumber(task.percentDone),
      csvSafe(t(`light.${task.light}`)),
      csvSafe(task.reason ?? ""),
      csvSafe(c.leads),
      csvSafe(c.leadingOfficial),
      "",
      "",
    ]),
  );
  const missing = summary.missing.map((m) => [
    csvSafe(t("csvKindMissing")),
    csvNumber(m.number),
    csvSafe(m.campaign),
    "",
    "",
    "",
    "",
    "",
    csvSafe(m.leads),
    csvSafe(m.leadingOfficial),
    csvNumber(m.daysLate),
    csvNumber(m.reminders),
  ]);
  return csvFile([header, ...tasks, ...missing]);
}
