// 批示办理 in the Excel 月报: one row per 批示 that asked for an answer, with its deadline and days overdue.
import type { MonthlySummary } from "../model";
import type { SummaryText } from "../text";
import { DATE, DATE_TIME, INTEGER, wallClock, type Table } from "./xlsx-sheet";

export function instructionSheet({ instructions }: MonthlySummary, { t }: SummaryText): Table {
  return {
    name: t("sheetInstructions"),
    columns: [
      { header: t("colNumber") },
      { header: t("colCampaign") },
      { header: t("colAuthor") },
      { header: t("colAt"), numFmt: DATE_TIME },
      { header: t("colInstruction"), wrap: true },
      { header: t("colDueDate"), numFmt: DATE },
      { header: t("colState") },
      { header: t("colOverdueDays"), numFmt: INTEGER },
    ],
    rows: instructions.map((i) => [
      i.number,
      i.campaign,
      i.author,
      wallClock(i.at),
      i.body,
      i.dueDate ? wallClock(i.dueDate) : t("noDueDate"),
      i.stateText,
      i.overdueDays,
    ]),
    empty: t("noneInstructions"),
  };
}
