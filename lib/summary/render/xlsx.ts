// The monthly summary as an Excel workbook: a cover, then one sheet per part of the summary. Every
// campaign detail sheet starts with the campaign's number and name, so a sheet copied out on its
// own still says which campaign each row belongs to; the town-wide sheet has no campaign.
import ExcelJS from "exceljs";
import { formatMonth } from "@/lib/format";
import type { MonthlySummary, SummaryCampaign, SummaryIndicator } from "../model";
import type { SummaryText } from "../text";
import { addTable, DATE_TIME, figure, INTEGER, printOnA4, wallClock, writeText, type Table } from "./xlsx-sheet";

type Sheet = (summary: MonthlySummary, text: SummaryText) => Table;

export async function renderXlsx(summary: MonthlySummary, text: SummaryText): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = summary.cover.generatedBy;
  workbook.created = summary.cover.generatedAt;
  addCover(workbook, summary, text);
  // A plan without town-wide indicators has no such sheet (the PDF and Word files leave the section out too).
  const townWide = summary.planIndicators.length > 0 ? [planIndicatorSheet] : [];
  const sheets: Sheet[] = [campaignSheet, ...townWide, indicatorSheet, taskSheet, narrativeSheet, commentSheet, missingSheet, changeSheet];
  for (const sheet of sheets) addTable(workbook, sheet(summary, text));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addCover(workbook: ExcelJS.Workbook, { cover }: MonthlySummary, { t, locale }: SummaryText): void {
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
  if (cover.hasSampleData) {
    const row = facts.length + 4;
    writeText(sheet.getCell(row, 1), t("sampleNote"));
    sheet.getCell(row, 1).alignment = { wrapText: true, vertical: "top" };
    sheet.mergeCells(row, 1, row, 2);
    sheet.getRow(row).height = 36;
  }
  sheet.getColumn(1).width = 20;
  sheet.getColumn(2).width = 60;
  printOnA4(sheet, false);
}

const light = (t: SummaryText["t"], value: string) => t(`light.${value}`);
const reportStatus = (c: SummaryCampaign, t: SummaryText["t"]) => c.report?.status ?? t("noReport");

const campaignSheet: Sheet = ({ campaigns }, { t }) => ({
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
    { header: t("colDepartment") },
    { header: t("colOfficial") },
    { header: t("colLeads") },
  ],
  rows: campaigns.map((c) => [
    c.number,
    c.name,
    light(t, c.light),
    c.reasons.join("\n"),
    c.progress,
    c.taskCount,
    c.overdueTasks.length,
    reportStatus(c, t),
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
  { header: t("colPlanned", { month: cover.month }) },
  { header: t("colActual") },
  { header: t("colActualMonth") },
  { header: t("colPercentOfTarget") },
  { header: t("colChangeVsBaseline", { year: cover.baselineYear }) },
  { header: t("colStatus") },
  { header: t("colReason"), wrap: true },
  { header: t("colNote") },
];

const indicatorCells = (i: SummaryIndicator, t: SummaryText["t"]) => [
  i.name,
  i.unit,
  figure(i.baseline, i.decimals),
  figure(i.target, i.decimals),
  figure(i.planned, i.decimals),
  figure(i.actual, i.decimals),
  i.actualMonth === null ? null : t("monthOf", { month: i.actualMonth }),
  figure(i.percentOfTarget, 2),
  figure(i.changeVsBaseline, 2),
  light(t, i.light),
  i.reason,
  i.isSample ? t("sample") : null,
];

const planIndicatorSheet: Sheet = ({ cover, planIndicators }, { t }) => ({
  name: t("sheetPlanIndicators"),
  columns: indicatorColumns(cover, t),
  rows: planIndicators.map((i) => indicatorCells(i, t)),
});

const indicatorSheet: Sheet = ({ cover, campaigns }, { t }) => ({
  name: t("sheetIndicators"),
  columns: [{ header: t("colNumber") }, { header: t("colCampaign") }, ...indicatorColumns(cover, t)],
  rows: campaigns.flatMap((c) => c.indicators.map((i) => [c.number, c.name, ...indicatorCells(i, t)])),
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
    { header: t("colReason"), wrap: true },
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
