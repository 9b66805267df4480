// The monthly summary as an Excel workbook: a cover, then one sheet per part of the summary. Every
// campaign detail sheet starts with the campaign's number and name, so a sheet copied out on its
// own still says which campaign each row belongs to; the town-wide sheet has no campaign.
import ExcelJS from "exceljs";
import { formatMonth } from "@/lib/format";
import type { MonthlySummary, SummaryCampaign, SummaryIndicator } from "../model";
import type { SummaryText } from "../text";
import { stableZip } from "./stable-zip";
import { labelled } from "./wording";
import { instructionSheet } from "./xlsx-instructions";
import { addTable, DATE_TIME, figure, FOOTER_PAGE, FOOTER_PAGES, INTEGER, printOnA4, wallClock, writeText, type Table } from "./xlsx-sheet";

type Sheet = (summary: MonthlySummary, text: SummaryText) => Table;

export async function renderXlsx(summary: MonthlySummary, text: SummaryText): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = summary.cover.generatedBy;
  workbook.created = summary.cover.generatedAt;
  workbook.modified = summary.cover.generatedAt;
  const footer = text.t("page", { page: FOOTER_PAGE, pages: FOOTER_PAGES });
  addCover(workbook, summary, text, footer);
  // A plan without town-wide indicators has no such sheet (the PDF and Word files leave the section out too).
  const townWide = summary.planIndicators.length > 0 ? [planIndicatorSheet] : [];
  // The change list is the appendix: only in a summary asked for with it.
  const appendix = summary.appendix ? [changeSheet] : [];
  // 批示办理: only where a 批示 asked for an answer (as in the PDF and Word files).
  const instructions = summary.instructions.length > 0 ? [instructionSheet] : [];
  const sheets: Sheet[] = [campaignSheet, ...townWide, indicatorSheet, taskSheet, narrativeSheet, commentSheet, missingSheet, ...instructions, ...appendix];
  for (const sheet of sheets) addTable(workbook, sheet(summary, text), footer);
  return stableZip(Buffer.from(await workbook.xlsx.writeBuffer()), summary.cover.generatedAt);
}

function addCover(workbook: ExcelJS.Workbook, summary: MonthlySummary, { t, locale }: SummaryText, footer: string): void {
  const { cover } = summary;
  const sheet = workbook.addWorksheet(t("sheetCover"));
  const scope =
    cover.campaignCount === cover.planCampaignCount
      ? t("scopeAll", { count: cover.campaignCount })
      : t("scopePart", { count: cover.campaignCount, total: cover.planCampaignCount });
  const lights = t("coverLights", { red: cover.lights.RED, amber: cover.lights.AMBER, green: cover.lights.GREEN, none: cover.lights.NONE });
  const facts: [string, string | number | Date][] = [
    [t("coverOrg"), cover.orgName],
    [t("coverPlan"), cover.planTitle],
    [t("coverMonth"), formatMonth(cover.year, cover.month, locale)],
    [t("coverBaseline"), cover.baselineYear],
    [t("coverGeneratedBy"), cover.generatedBy],
    [t("coverGeneratedAt"), wallClock(cover.generatedAt)],
    [t("coverScope"), scope],
    [t("sectionOverview"), lights],
  ];

  writeText(sheet.getCell(1, 1), cover.title);
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.mergeCells(1, 1, 1, 2);
  facts.forEach(([label, value], i) => {
    const labelCell = sheet.getCell(i + 3, 1);
    writeText(labelCell, label);
    labelCell.font = { bold: true };
    const cell = sheet.getCell(i + 3, 2);
    if (typeof value === "string") writeText(cell, value);
    else {
      cell.value = value;
      cell.numFmt = value instanceof Date ? DATE_TIME : INTEGER;
      cell.alignment = { horizontal: "left" };
    }
  });
  // Notes under the facts: sample data, what "—" and 待审核 mean, and every 调整 of the month's plan.
  const notes = [
    ...(cover.hasSampleData ? [t("sampleNote")] : []),
    ...summary.notes,
    ...summary.adjustments.map((a) => labelled(t("sectionAdjustments"), a, locale)),
    ...summary.rules.map((r) => labelled(t("sectionRules"), r, locale)),
  ];
  notes.forEach((note, i) => {
    const row = facts.length + 4 + i;
    writeText(sheet.getCell(row, 1), note);
    sheet.getCell(row, 1).alignment = { wrapText: true, vertical: "top" };
    sheet.mergeCells(row, 1, row, 2);
    sheet.getRow(row).height = 36;
  });
  sheet.getColumn(1).width = 20;
  sheet.getColumn(2).width = 60;
  printOnA4(sheet, false, footer);
}

const light = (t: SummaryText["t"], value: string) => t(`light.${value}`);
const reportStatus = (c: SummaryCampaign, t: SummaryText["t"]) => c.report?.status ?? t("noReport");

const campaignSheet: Sheet = ({ campaigns }, { t, locale }) => ({
  name: t("sheetCampaigns"),
  columns: [
    { header: t("colNumber") },
    { header: t("colCampaign") },
    { header: t("colStatus") },
    { header: t("colReason"), wrap: true },
    { header: t("colProgress"), numFmt: INTEGER },
    { header: t("colTaskCount"), numFmt: INTEGER },
    { header: t("colOverdue"), numFmt: INTEGER },
    { header: t("colReport") },
    { header: t("colLateSubmitted"), numFmt: INTEGER },
    { header: t("colDepartment") },
    { header: t("colOfficial") },
    { header: t("colLeads") },
  ],
  rows: campaigns.map((c) => [
    c.number,
    c.name,
    light(t, c.light),
    [
      c.verdict,
      ...(c.reasons.length ? [labelled(c.reasonsLabel, "", locale)] : []),
      ...c.reasons,
      ...c.adjustments.map((a) => labelled(t("adjusted"), a, locale)),
    ].join("\n"),
    c.progress,
    c.taskCount,
    c.overdueTasks.length,
    reportStatus(c, t),
    c.report && c.report.lateDays > 0 ? c.report.lateDays : null,
    c.leadDepartment,
    c.leadingOfficial,
    c.leads,
  ]),
});

const indicatorColumns = (cover: MonthlySummary["cover"], t: SummaryText["t"]) => [
  { header: t("colIndicator") },
  { header: t("colUnit") },
  { header: t("colBaseline", { year: cover.baselineYear }) },
  { header: t("colTarget") },
  { header: t("colPlannedOf") },
  { header: t("colActual") },
  { header: t("colDataMonth") },
  { header: t("colCompletion") },
  { header: t("colSchedule") },
  { header: t("colGap") },
  { header: t("colVsSchedule") },
  { header: t("colYoy") },
  { header: t("colStatus") },
  { header: t("colReason"), wrap: true },
  { header: t("colNote") },
];

const indicatorCells = (i: SummaryIndicator, { t, locale }: SummaryText) => [
  i.name,
  i.unit,
  figure(i.baseline, i.decimals),
  figure(i.target, i.decimals),
  figure(i.planned, i.decimals),
  figure(i.actual, i.decimals),
  t("monthOf", { month: i.planMonth }),
  figure(i.completion, 1),
  figure(i.schedule, 1),
  // 个百分点 for year-to-date figures and rates (one or the unit's decimals), the unit otherwise.
  figure(i.gap, i.kind === "ytd" ? 1 : i.decimals),
  i.progress,
  i.yoy,
  light(t, i.light),
  i.reason,
  [i.isSample ? t("sample") : null, i.pending ? t("pending") : null, i.awaiting, i.adjusted ? t("adjusted") : null]
    .filter(Boolean)
    .join(locale === "zh-CN" ? "、" : ", ") || null,
];

const planIndicatorSheet: Sheet = ({ cover, planIndicators }, text) => ({
  name: text.t("sheetPlanIndicators"),
  columns: indicatorColumns(cover, text.t),
  rows: planIndicators.map((i) => indicatorCells(i, text)),
});

const indicatorSheet: Sheet = ({ cover, campaigns }, text) => ({
  name: text.t("sheetIndicators"),
  columns: [{ header: text.t("colNumber") }, { header: text.t("colCampaign") }, ...indicatorColumns(cover, text.t)],
  rows: campaigns.flatMap((c) => c.indicators.map((i) => [c.number, c.name, ...indicatorCells(i, text)])),
});

const taskSheet: Sheet = ({ campaigns }, { t }) => ({
  name: t("sheetTasks"),
  columns: [
    { header: t("colNumber") },
    { header: t("colCampaign") },
    { header: t("colTask"), wrap: true },
    { header: t("colDue") },
    { header: t("colPercentDone"), numFmt: INTEGER },
    { header: t("colStatus") },
    { header: t("colTaskLateReason"), wrap: true },
  ],
  rows: campaigns.flatMap((c) =>
    c.overdueTasks.map((task) => [c.number, c.name, task.title, wallClock(task.due), task.percentDone, light(t, task.light), task.reason]),
  ),
  empty: t("noneOverdue"),
});

const narrativeSheet: Sheet = ({ campaigns }, { t }) => ({
  name: t("sheetNarrative"),
  columns: [
    { header: t("colNumber") },
    { header: t("colCampaign") },
    { header: t("colReport") },
    { header: t("colProgressText"), wrap: true },
    { header: t("colProblemsText"), wrap: true },
    { header: t("colNextStepsText"), wrap: true },
  ],
  rows: campaigns.map((c) => [
    c.number,
    c.name,
    reportStatus(c, t),
    c.report?.progressText ?? t("noNarrative"),
    c.report?.problemsText ?? null,
    c.report?.nextStepsText ?? null,
  ]),
});

const commentSheet: Sheet = ({ campaigns }, { t }) => ({
  name: t("sheetComments"),
  columns: [
    { header: t("colNumber") },
    { header: t("colCampaign") },
    { header: t("colAuthor") },
    { header: t("colAt"), numFmt: DATE_TIME },
    { header: t("colComment"), wrap: true },
  ],
  rows: campaigns.flatMap((c) => c.comments.map((comment) => [c.number, c.name, comment.author, wallClock(comment.at), comment.body])),
  empty: t("noneComments"),
});

const missingSheet: Sheet = ({ missing }, { t }) => ({
  name: t("sheetMissing"),
  columns: [
    { header: t("colNumber") },
    { header: t("colCampaign") },
    { header: t("colLeads") },
    { header: t("colOfficial") },
    { header: t("colDaysLate"), numFmt: INTEGER },
    { header: t("colReminders"), numFmt: INTEGER },
  ],
  rows: missing.map((m) => [m.number, m.campaign, m.leads, m.leadingOfficial, m.daysLate, m.reminders]),
  empty: t("noneMissing"),
});

const changeSheet: Sheet = ({ changes }, { t }) => ({
  name: t("sheetChanges"),
  columns: [
    { header: t("colNumber") },
    { header: t("colCampaign") },
    { header: t("colKind") },
    { header: t("colItem"), wrap: true },
    { header: t("colUnit") },
    { header: t("colPrevious") },
    { header: t("colCurrent") },
    { header: t("colDelta") },
  ],
  rows: changes.flatMap((c) => [
    ...c.indicators.map((i) => [
      c.number,
      c.campaign,
      t("kindIndicator"),
      i.name,
      i.unit,
      figure(i.previous, i.decimals),
      figure(i.current, i.decimals),
      figure(i.delta, i.decimals),
    ]),
    ...c.tasks.map((task) => {
      const percent = (value: number) => ({ number: value, numFmt: INTEGER });
      return [c.number, c.campaign, t("kindTask"), task.title, null, percent(task.previous), percent(task.current), percent(task.current - task.previous)];
    }),
  ]),
  empty: t("noneChanges"),
});
