// The monthly summary as a document: the blocks (title, headings, lines, tables) in the order a
// town office reads them. The PDF and Word renderers only draw these blocks, so both files hold the
// same words in the same order; all wording and number formatting happens here.
import { formatDate, formatDateTime, formatMonth, formatNumber } from "@/lib/format";
import type { MonthlySummary, SummaryChange, SummaryCover } from "../model";
import type { SummaryText } from "../text";
import { column, lightCell, type OutlineBlock, type OutlineCell, type OutlineTable } from "./outline-blocks";
import { campaignBlocks } from "./outline-campaign";
import { indicatorTable } from "./outline-indicators";
import { instructionsBlock } from "./outline-instructions";
import { joinInline, labelled, sectionNumber, subsectionNumber } from "./wording";

export function summaryOutline(summary: MonthlySummary, text: SummaryText): OutlineBlock[] {
  const { t, locale } = text;
  const sections: [string, OutlineBlock[]][] = [[t("sectionOverview"), [overviewTable(summary, text)]]];
  // Town-wide indicators exist only in plans that keep them; without any the section is left out.
  if (summary.planIndicators.length > 0) sections.push([t("sectionPlanIndicators"), [indicatorTable(summary, summary.planIndicators, text)]]);
  sections.push(
    [t("sectionCampaigns"), summary.campaigns.flatMap((campaign, i) => campaignBlocks(summary, campaign, subsectionNumber(i + 1, locale), text))],
    [t("sectionMissing"), [missingBlock(summary, text)]],
  );
  // Only where a 批示 asked for an answer: a plan that never does keeps its 月报 as it was.
  if (summary.instructions.length > 0) sections.push([t("sectionInstructions"), [instructionsBlock(summary, text)]]);
  sections.push([t("sectionRules"), summary.rules.map((line): OutlineBlock => ({ kind: "item", text: line }))]);
  return [
    ...coverBlocks(summary, text),
    ...sections.flatMap(([heading, blocks], i): OutlineBlock[] => [{ kind: "heading", level: 1, text: sectionNumber(i + 1, locale) + heading }, ...blocks]),
    ...appendixBlocks(summary, text),
  ];
}

/** A short 月报 by default; asked for, the task-by-task change list follows as its 附件. */
function appendixBlocks(summary: MonthlySummary, text: SummaryText): OutlineBlock[] {
  if (!summary.appendix) return [];
  const { t } = text;
  return [
    { kind: "heading", level: 1, text: t("appendixHeading") },
    { kind: "title", text: t("appendixTitle", { month: summary.cover.month }) },
    changesBlock(summary, text),
  ];
}

/** The 版头 block: "第3期", then "沈荡镇人民政府办公室　2018年4月10日". */
export function headerBlock(cover: SummaryCover, { t, locale }: SummaryText): OutlineBlock {
  return {
    kind: "header",
    issue: t("docIssue", { number: cover.document.issueNumber }),
    issuer: cover.document.issuer,
    date: formatDate(cover.document.date, locale),
  };
}

function coverBlocks({ cover, notes, adjustments }: MonthlySummary, { t, locale }: SummaryText): OutlineBlock[] {
  const field = (key: string, value: string): OutlineBlock => ({ kind: "field", text: labelled(t(key), value, locale) });
  const scope =
    cover.campaignCount === cover.planCampaignCount
      ? t("scopeAll", { count: cover.campaignCount })
      : t("scopePart", { count: cover.campaignCount, total: cover.planCampaignCount });
  const blocks: OutlineBlock[] = [
    headerBlock(cover, { t, locale }),
    { kind: "title", text: cover.title },
    {
      kind: "subtitle",
      text: joinInline(
        [
          cover.orgName,
          labelled(t("coverGeneratedBy"), cover.generatedBy, locale),
          labelled(t("coverGeneratedAt"), formatDateTime(cover.generatedAt, locale), locale),
        ],
        locale,
      ),
    },
    field("coverPlan", cover.planTitle),
    field("coverMonth", formatMonth(cover.year, cover.month, locale)),
    field("coverBaseline", String(cover.baselineYear)),
    field("coverScope", scope),
    { kind: "field", text: t("coverLights", { red: cover.lights.RED, amber: cover.lights.AMBER, green: cover.lights.GREEN, none: cover.lights.NONE }) },
  ];
  if (cover.hasSampleData) blocks.push({ kind: "note", text: t("sampleNote") });
  for (const note of notes) blocks.push({ kind: "note", text: note });
  if (adjustments.length) {
    blocks.push({ kind: "lead", text: labelled(t("sectionAdjustments"), "", locale) });
    for (const line of adjustments) blocks.push({ kind: "item", text: line });
  }
  return blocks;
}

function overviewTable({ campaigns }: MonthlySummary, text: SummaryText): OutlineTable {
  const { t, locale } = text;
  return {
    kind: "table",
    columns: [
      column(t("colNumber"), 32, "center"),
      column(t("colCampaign"), 120),
      column(t("colStatus"), 50, "center"),
      column(t("colProgress"), 55, "right"),
      column(t("colOverdue"), 56, "right"),
      column(t("colReport"), 56, "center"),
      column(t("colDepartment"), 76),
      column(t("colOfficial"), 50),
    ],
    rows: campaigns.map((c) => [
      { text: String(c.number) },
      { text: c.name },
      lightCell(text, c.light),
      { text: formatNumber(c.progress, locale, 1) },
      { text: formatNumber(c.overdueTasks.length, locale, 0) },
      { text: c.report ? c.report.status : t("noReport") },
      { text: c.leadDepartment },
      { text: c.leadingOfficial },
    ]),
  };
}

function missingBlock({ missing }: MonthlySummary, { t, locale }: SummaryText): OutlineBlock {
  if (missing.length === 0) return { kind: "paragraph", text: t("noneMissing") };
  return {
    kind: "table",
    columns: [
      column(t("colNumber"), 32, "center"),
      column(t("colCampaign"), 160),
      column(t("colLeads"), 115),
      column(t("colOfficial"), 72),
      column(t("colDaysLate"), 58, "right"),
      column(t("colReminders"), 58, "right"),
    ],
    rows: missing.map((m) => [
      { text: String(m.number) },
      { text: m.campaign },
      { text: m.leads },
      { text: m.leadingOfficial },
      { text: formatNumber(m.daysLate, locale, 0) },
      { text: formatNumber(m.reminders, locale, 0) },
    ]),
  };
}

function signed(delta: number | string | null, decimals: number, { locale }: SummaryText): string {
  const formatted = formatNumber(delta, locale, decimals);
  return delta !== null && Number(delta) > 0 && formatted !== "0" ? `+${formatted}` : formatted;
}

function changeRows(change: SummaryChange, text: SummaryText): OutlineCell[][] {
  const { t, locale } = text;
  const lead = [{ text: String(change.number) }, { text: change.campaign }];
  return [
    ...change.indicators.map((i) => [
      ...lead,
      { text: t("kindIndicator") },
      { text: t("unitInHeader", { name: i.name, unit: i.unit }) },
      { text: formatNumber(i.previous, locale, i.decimals) },
      { text: formatNumber(i.current, locale, i.decimals) },
      { text: signed(i.delta, i.decimals, text) },
    ]),
    ...change.tasks.map((task) => [
      ...lead,
      { text: t("kindTask") },
      { text: task.title },
      { text: formatNumber(task.previous, locale, 1) },
      { text: formatNumber(task.current, locale, 1) },
      { text: signed(task.current - task.previous, 1, text) },
    ]),
  ];
}

function changesBlock({ changes }: MonthlySummary, text: SummaryText): OutlineBlock {
  const { t } = text;
  const rows = changes.flatMap((change) => changeRows(change, text));
  if (rows.length === 0) return { kind: "paragraph", text: t("noneChanges") };
  return {
    kind: "table",
    columns: [
      column(t("colNumber"), 32, "center"),
      column(t("colCampaign"), 110),
      column(t("colKind"), 70, "center"),
      column(`${t("colIndicator")} / ${t("colTask")}`, 133),
      column(t("colPrevious"), 50, "right"),
      column(t("colCurrent"), 50, "right"),
      column(t("colDelta"), 50, "right"),
    ],
    rows,
  };
}
