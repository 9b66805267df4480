// The status rule's verdicts in words, for the board, the campaign page and every export:
// "工业总产值：1—3月累计 14.2 亿元，完成年度目标 21.8%，慢于序时进度（25%）3.2 个百分点".
// Catalogue keys and values come from lib/status; this file only formats the numbers and picks the words.
import { formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { localName } from "@/lib/i18n/local-name";
import type { PlanRules } from "@/lib/plans/history/versions";
import type { IndicatorStatus, YearOnYear } from "@/lib/status";

type T = (key: string, values?: Record<string, string | number>) => string;

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function monthName(month: number, locale: Locale): string {
  return locale === "en" ? (EN_MONTHS[month - 1] ?? String(month)) : `${month}月`;
}

/** "14.2 亿元" but "63.46%": a percent sign takes no space. */
export function unitSuffix(unit: string): string {
  return unit === "%" ? "%" : ` ${unit}`;
}

export interface ReasonIndicator {
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  status: IndicatorStatus;
}

export function indicatorReason(t: T, locale: Locale, i: ReasonIndicator): string {
  const v = i.status.reason.values;
  const places = i.decimals;
  const figure = (x: string | number | undefined, p = places) => (x === undefined || x === "" ? "" : formatNumber(String(x), locale, p));
  const name = localName(i, locale);
  const month = typeof v.month === "number" ? v.month : 0;
  const period = month <= 1 ? t("period.first", { monthName: monthName(1, locale) }) : t("period.range", { month, monthName: monthName(month, locale) });
  return t(`indicator.${i.status.reason.key}`, {
    ...v,
    name,
    unit: unitSuffix(i.unit),
    period,
    monthName: monthName(month, locale),
    actual: figure(v.actual),
    planned: figure(v.planned),
    target: v.target ? figure(v.target) : "none",
    // Shares of the target and 个百分点 of them: one decimal; gaps in the unit: the unit's decimals.
    completion: figure(v.completion, 1),
    schedule: figure(v.schedule, 1),
    gap: figure(v.gap, i.status.kind === "ytd" ? 1 : places),
    relative: figure(v.relative, 1),
  });
}

/** 同比 in words ("同比增长 8.2%", "同比提高 1.5 个百分点"), or "—" when the baseline year's figure is unknown. */
export function yearOnYearText(t: T, locale: Locale, yoy: YearOnYear | null): string {
  if (!yoy) return t("yoy.unknown");
  if (yoy.key === "yoyFlat") return t("yoy.yoyFlat");
  const value = formatNumber(yoy.value, locale, yoy.points ? 2 : 1);
  return t(yoy.points ? `yoy.${yoy.key}Points` : `yoy.${yoy.key}`, { value });
}

export interface ReasonTask {
  status: { overdue?: boolean; reason: { key: string; values: Record<string, string | number> } };
  /** 逾期原因 the lead gave: an overdue task's reason says it (the board, the campaign page, the meeting view). */
  overdueReason?: string | null;
}

export function taskReason(t: T, task: ReasonTask): string {
  const reason = t(`task.${task.status.reason.key}`, task.status.reason.values);
  return task.status.overdue && task.overdueReason ? t("task.lateBecause", { reason, why: task.overdueReason }) : reason;
}

export interface ExplainedCampaign {
  status: {
    light: string;
    silence: "none" | "amber" | "red";
    daysLate: number;
    worst: { kind: "indicator" | "task"; index: number }[];
  };
  indicators: ReasonIndicator[];
  tasks: ReasonTask[];
  /** The month whose report is judged, and the plan's escalation days. */
  month: number;
  redAfterDays: number;
}

export interface Explanation {
  /** One sentence that says the light and why: "红灯：3月进度报告逾期 5 天未报送（超过 3 天）". */
  verdict: string;
  /** Under an amber or red light: the items that made it so ("原因"). */
  reasons: string[];
  /** Under a green light: items lagging all the same ("需关注"). */
  watch: string[];
}

/** Why a campaign has its light: silence first, then its worst indicators and tasks. */
export function explainCampaign(t: T, locale: Locale, c: ExplainedCampaign): Explanation {
  const items = c.status.worst.flatMap((w) => {
    if (w.kind === "indicator") {
      const i = c.indicators[w.index];
      return i ? [indicatorReason(t, locale, i)] : [];
    }
    const task = c.tasks[w.index];
    return task ? [taskReason(t, task)] : [];
  });
  const light = c.status.light;
  let verdict: string;
  if (c.status.silence !== "none") {
    verdict = t(c.status.silence === "red" ? "campaign.silenceRed" : "campaign.silenceAmber", {
      month: c.month,
      days: c.status.daysLate,
      limit: c.redAfterDays,
    });
  } else {
    if (light === "GREEN") verdict = t(items.length ? "campaign.greenWatch" : "campaign.green");
    else if (light === "AMBER") verdict = t("campaign.amber");
    else if (light === "RED") verdict = t("campaign.red");
    else verdict = t("campaign.noData");
    // A missing report is always said, even when the figures alone already gave the light.
    if (c.status.daysLate > 0) verdict += t("campaign.andMissing", { month: c.month, days: c.status.daysLate });
  }
  return light === "GREEN" ? { verdict, reasons: [], watch: items } : { verdict, reasons: items, watch: [] };
}

/** How far an indicator is from its plan, in words and without its name: "慢于序时进度 3.2 个百分点". */
export function progressWords(t: T, locale: Locale, i: ReasonIndicator): string {
  const key = i.status.reason.key;
  if (!i.status.figures) return t("progress.none");
  const gap = formatNumber(
    i.status.reason.values.gap === undefined ? "0" : String(i.status.reason.values.gap),
    locale,
    i.status.kind === "ytd" ? 1 : i.decimals,
  );
  return t(`progress.${key}`, { gap, unit: unitSuffix(i.unit) });
}

/** The status rule in words (namespace "rule"), with a plan's thresholds: printed on the board and in the 月报's appendix. */
export function ruleLines(t: T, rules: PlanRules, baselineYear: number): string[] {
  const r = rules.rules;
  const pct = (x: number) => Math.round(x * 100);
  return [
    t("ytd", { green: r.ytd.green, amber: r.ytd.amber }),
    t("allowance"),
    t("rate", { green: r.rate.green, amber: r.rate.amber }),
    t("level", { green: r.level.green, amber: r.level.amber }),
    t("task", { green: r.task.green, amber: r.task.amber }),
    t("campaign", { share: pct(r.campaign.indicatorShare), green: pct(r.campaign.green), amber: pct(r.campaign.amber) }),
    t("silence", { dueDay: rules.reportDueDay, days: rules.escalateAfterDays }),
    t("pending", { count: r.countUnapproved ? "yes" : "no" }),
    t("yoy", { year: baselineYear }),
  ];
}
