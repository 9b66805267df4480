// The indicator table, in the office's progress language: 基数 → 年度目标 → 序时目标 → 实际, then
// 完成年度目标 and 序时进度 (year-to-date figures), how far from the plan, 同比, and the light. Used for
// the town-wide indicators and for each campaign's own.
import { formatNumber } from "@/lib/format";
import type { MonthlySummary, SummaryIndicator } from "../model";
import type { SummaryText } from "../text";
import { column, lightCell, type OutlineCell, type OutlineTable } from "./outline-blocks";
import { withNoteBelow } from "./wording";

function indicatorRow({ cover }: MonthlySummary, indicator: SummaryIndicator, text: SummaryText): OutlineCell[] {
  const { t, locale } = text;
  const figure = (value: string | null) => formatNumber(value, locale, indicator.decimals);
  const percent = (value: string | null) => formatNumber(value, locale, 1);
  // A figure of an earlier month says which month it is (its plan is that month's too), and one not
  // yet approved says so as well: nobody reads February's figures as March's.
  const otherMonth = indicator.planMonth !== cover.month ? [t("monthOf", { month: indicator.planMonth })] : [];
  const notes = [
    ...(indicator.actual !== null ? otherMonth : []),
    ...(indicator.pending ? [t("pending")] : []),
    ...(indicator.awaiting ? [indicator.awaiting] : []),
  ];
  const actual = notes.reduce((cell, note) => withNoteBelow(cell, note, locale), figure(indicator.actual));
  const plannedNotes = [...otherMonth, ...(indicator.adjusted ? [t("adjusted")] : [])];
  const planned = plannedNotes.reduce((cell, note) => withNoteBelow(cell, note, locale), figure(indicator.planned));
  const light = t(`light.${indicator.light}`);
  return [
    { text: t("unitInHeader", { name: indicator.name, unit: indicator.unit }) },
    { text: figure(indicator.baseline) },
    { text: figure(indicator.target) },
    { text: planned },
    { text: actual },
    { text: percent(indicator.completion) },
    { text: percent(indicator.schedule) },
    { text: indicator.progress },
    { text: indicator.yoy },
    lightCell(text, indicator.light, indicator.isSample ? withNoteBelow(light, t("sample"), locale) : light),
  ];
}

export function indicatorTable(summary: MonthlySummary, indicators: SummaryIndicator[], text: SummaryText): OutlineTable {
  const { t } = text;
  const { baselineYear } = summary.cover;
  return {
    kind: "table",
    columns: [
      column(t("colIndicator"), 78),
      column(t("colBaseline", { year: baselineYear }), 44, "right"),
      column(t("colTarget"), 42, "right"),
      column(t("colPlannedOf"), 44, "right"),
      column(t("colActual"), 48, "right"),
      column(t("colCompletion"), 42, "right"),
      column(t("colSchedule"), 40, "right"),
      column(t("colVsSchedule"), 62),
      column(t("colYoy"), 55),
      column(t("colStatus"), 40, "center"),
    ],
    rows: indicators.map((indicator) => indicatorRow(summary, indicator, text)),
  };
}
