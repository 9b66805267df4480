// Turns the status rule's reasons into sentences: "工业总产值 3月实际 14.2 亿元，进度目标 15 亿元，落后进度 5.3%".
import { formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { BoardCampaign } from "./queries";

type T = (key: string, values?: Record<string, string | number>) => string;

export function indicatorReason(t: T, locale: Locale, i: Pick<BoardCampaign["indicators"][number], "name" | "nameEn" | "unit" | "decimals" | "status">): string {
  const v = i.status.reason.values;
  const num = (x: string | number | undefined) => (x === undefined ? "" : formatNumber(String(x), locale, i.decimals));
  const name = locale === "en" && i.nameEn ? i.nameEn : i.name;
  // "14.2 亿元" but "63.46%": a percent sign takes no space.
  const unit = i.unit === "%" ? "%" : ` ${i.unit}`;
  return t(`indicator.${i.status.reason.key}`, { ...v, name, unit, actual: num(v.actual), planned: num(v.planned) });
}

export function taskReason(t: T, task: BoardCampaign["tasks"][number]): string {
  return t(`task.${task.status.reason.key}`, task.status.reason.values);
}

/** Why a campaign has its light: a late report first, then its worst indicators and tasks. */
export function campaignReasons(t: T, locale: Locale, c: BoardCampaign): string[] {
  const out: string[] = [];
  if (c.status.reportLate) out.push(t("campaign.reportLate", { days: c.reportDaysLate }));
  for (const w of c.status.worst) {
    if (w.kind === "indicator") {
      const i = c.indicators[w.index];
      if (i) out.push(indicatorReason(t, locale, i));
    } else {
      const task = c.tasks[w.index];
      if (task) out.push(taskReason(t, task));
    }
  }
  if (out.length === 0) out.push(c.status.light === "NONE" ? t("campaign.noData") : t("campaign.onTrack"));
  return out;
}
