// The indicator table (基数, 目标, 进度目标, 实际, 完成目标%, 较基数增减%, 状态), used for the town-wide
// indicators and for each campaign's own.
import { formatNumber } from "@/lib/format";
import type { MonthlySummary, SummaryIndicator } from "../model";
import type { SummaryText } from "../text";
import { column, lightCell, type OutlineCell, type OutlineTable } from "./outline-blocks";
import { withNoteBelow } from "./wording";

function indicatorRow({ cover }: MonthlySummary, indicator: SummaryIndicator, text: SummaryText): OutlineCell[] {
  const { t, locale } = text;
  const figure = (value: string | null) => formatNumber(value, locale, indicator.decimals);
  // An actual from an earlier month says which month it is, so nobody reads it as this month's.
  const actual =
    indicator.actual !== null && indicator.actualMonth !== null && indicator.actualMonth !== cover.month
      ? withNoteBelow(figure(indicator.actual), t("monthOf", { month: indicator.actualMonth }), locale)
      : figure(indicator.actual);
  const light = t(`light.${indicator.light}`);
  return [
    { text: indicator.name },
    { text: indicator.unit },
    { text: figure(indicator.baseline) },
    { text: figure(indicator.target) },
    { text: figure(indicator.planned) },
    { text: actual },
    { text: formatNumber(indicator.percentOfTarget, locale, 2) },
    { text: formatNumber(indicator.changeVsBaseline, locale, 2) },
    lightCell(text, indicator.light, indicator.isSample ? withNoteBelow(light, t("sample"), locale) : light),
  ];
}

export function indicatorTable(summary: MonthlySummary, indicators: SummaryIndicator[], text: SummaryText): OutlineTable {
  const { t } = text;
  const { baselineYear, month } = summary.cover;
  return {
    kind: "table",
    columns: [
      column(t("colIndicator"), 74),
      column(t("colUnit"), 44, "center"),
      column(t("colBaseline", { year: baselineYear }), 58, "right"),
      column(t("colTarget"), 46, "right"),
      column(t("colPlanned", { month }), 60, "right"),
      column(t("colActual"), 50, "right"),
      column(t("colPercentOfTarget"), 48, "right"),
      column(t("colChangeVsBaseline", { year: baselineYear }), 67, "right"),
      column(t("colStatus"), 48, "center"),
    ],
    rows: indicators.map((indicator) => indicatorRow(summary, indicator, text)),
  };
}
