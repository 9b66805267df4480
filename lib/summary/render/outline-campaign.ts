// One campaign's part of the summary: its light and why, its indicators, overdue tasks, the
// month's report (工作进展/存在问题/下步打算) and the leaders' comments, in that order.
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import type { MonthlySummary, SummaryCampaign } from "../model";
import type { SummaryText } from "../text";
import { column, lightCell, type OutlineBlock } from "./outline-blocks";
import { indicatorTable } from "./outline-indicators";
import { itemNumber, joinInline, labelled, withNote } from "./wording";

export function campaignBlocks(summary: MonthlySummary, campaign: SummaryCampaign, number: string, text: SummaryText): OutlineBlock[] {
  const { t, locale } = text;
  const parts: [string, OutlineBlock[]][] = [];
  if (campaign.indicators.length > 0) parts.push([t("sectionIndicators"), [indicatorTable(summary, campaign.indicators, text)]]);
  parts.push([t("sectionTasks"), [overdueBlock(campaign, text)]]);
  parts.push([t("sectionNarrative"), narrativeBlocks(campaign, text)]);
  parts.push([t("sectionComments"), commentBlocks(campaign, text)]);
  return [
    { kind: "heading", level: 2, text: `${number}${campaign.name} — ${t(`light.${campaign.light}`)}` },
    { kind: "paragraph", text: campaign.verdict },
    ...(campaign.reasons.length ? [{ kind: "lead", text: labelled(campaign.reasonsLabel, "", locale) } as OutlineBlock] : []),
    ...campaign.reasons.map((reason): OutlineBlock => ({ kind: "item", text: reason })),
    ...campaign.adjustments.map((line): OutlineBlock => ({ kind: "note", text: labelled(t("adjusted"), line, locale) })),
    ...factsLines(campaign, text).map((line): OutlineBlock => ({ kind: "paragraph", text: line })),
    ...parts.flatMap(([heading, blocks], i): OutlineBlock[] => [{ kind: "heading", level: 3, text: itemNumber(i + 1, locale) + heading }, ...blocks]),
  ];
}

/** Who answers for the campaign, then where it stands. */
function factsLines(campaign: SummaryCampaign, { t, locale }: SummaryText): string[] {
  const submitted = campaign.report?.submittedAt ? formatDate(campaign.report.submittedAt, locale) : null;
  const late = campaign.report && campaign.report.lateDays > 0 ? t("lateSubmitted", { days: campaign.report.lateDays }) : null;
  const report = campaign.report
    ? [submitted, late].filter((x): x is string => x !== null).reduce((text, note) => withNote(text, note, locale), campaign.report.status)
    : t("noReport");
  return [
    joinInline(
      [
        labelled(t("colDepartment"), campaign.leadDepartment, locale),
        labelled(t("colOfficial"), campaign.leadingOfficial, locale),
        labelled(t("colLeads"), campaign.leads, locale),
      ],
      locale,
    ),
    joinInline(
      [
        labelled(t("colTaskCount"), formatNumber(campaign.taskCount, locale, 0), locale),
        labelled(t("colProgress"), formatNumber(campaign.progress, locale, 1), locale),
        labelled(t("colReport"), report, locale),
      ],
      locale,
    ),
  ];
}

function overdueBlock(campaign: SummaryCampaign, text: SummaryText): OutlineBlock {
  const { t, locale } = text;
  if (campaign.overdueTasks.length === 0) return { kind: "paragraph", text: t("noneOverdue") };
  return {
    kind: "table",
    columns: [
      column(t("colTask"), 150),
      column(t("colDue"), 80, "center"),
      column(t("colPercentDone"), 50, "right"),
      column(t("colStatus"), 45, "center"),
      column(t("colTaskLateReason"), 170),
    ],
    rows: campaign.overdueTasks.map((task) => [
      { text: task.title },
      { text: formatDate(task.due, locale) },
      { text: formatNumber(task.percentDone, locale, 1) },
      lightCell(text, task.light),
      { text: task.reason ?? "—" },
    ]),
  };
}

function narrativeBlocks({ report }: SummaryCampaign, { t }: SummaryText): OutlineBlock[] {
  if (!report) return [{ kind: "paragraph", text: t("noNarrative") }];
  return [
    ...narrativeParagraphs(t("colProgressText"), report.progressText),
    ...narrativeParagraphs(t("colProblemsText"), report.problemsText),
    ...narrativeParagraphs(t("colNextStepsText"), report.nextStepsText),
  ];
}

/**
 * The narrative as its author broke it: each line a paragraph of its own (blank lines dropped), the
 * label on the first. "1. …\n2. …\n3. …" stays three lines in every format.
 */
export function narrativeParagraphs(label: string, text: string): OutlineBlock[] {
  const lines = text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length === 0) return [{ kind: "paragraph", label, text: "" }];
  return lines.map((line, i): OutlineBlock => (i === 0 ? { kind: "paragraph", label, text: line } : { kind: "paragraph", text: line }));
}

function commentBlocks({ comments }: SummaryCampaign, { t, locale }: SummaryText): OutlineBlock[] {
  if (comments.length === 0) return [{ kind: "paragraph", text: t("noneComments") }];
  return comments.map((c) => ({ kind: "paragraph", label: withNote(c.author, formatDateTime(c.at, locale), locale), text: c.body }));
}
