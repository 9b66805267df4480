// 批示办理情况 in the Word and PDF 月报: one row per 批示 that asked for an answer, overdue ones marked.
import { formatDate, formatNumber } from "@/lib/format";
import type { MonthlySummary } from "../model";
import type { SummaryText } from "../text";
import { column, type OutlineBlock } from "./outline-blocks";

export function instructionsBlock({ instructions }: MonthlySummary, { t, locale }: SummaryText): OutlineBlock {
  if (instructions.length === 0) return { kind: "paragraph", text: t("noneInstructions") };
  return {
    kind: "table",
    columns: [
      column(t("colNumber"), 32, "center"),
      column(t("colCampaign"), 80),
      column(t("colInstruction"), 150),
      column(t("colAuthor"), 50),
      column(t("colDueDate"), 60, "center"),
      column(t("colState"), 62, "center"),
      column(t("colOverdueDays"), 44, "right"),
    ],
    rows: instructions.map((i) => [
      { text: String(i.number) },
      { text: i.campaign },
      { text: i.body },
      { text: i.author },
      { text: i.dueDate ? formatDate(i.dueDate, locale) : t("noDueDate") },
      { text: i.stateText },
      { text: i.overdueDays > 0 ? formatNumber(i.overdueDays, locale, 0) : "—" },
    ]),
  };
}
