// The meeting view's rows: the board's campaigns in the plan's order, each with its light, how it
// moved since the previous month's board, and one line saying why.
import type { Locale } from "@/lib/i18n/config";
import type { Board } from "./queries";
import { boardRow, sinceLastMonth, type Since, type Translators } from "./view";

export interface MeetingRow {
  id: string;
  number: number;
  name: string;
  light: string;
  lightLabel: string;
  since: Since;
  headline: string;
  progress: number;
  overdue: number;
  report: string;
  missing: boolean;
  official: string;
}

export function meetingRows(tr: Translators, locale: Locale, board: Pick<Board, "campaigns">, previous: Pick<Board, "campaigns"> | null): MeetingRow[] {
  const before = new Map(previous?.campaigns.map((c) => [c.id, c.status.light]) ?? []);
  return [...board.campaigns]
    .sort((a, b) => a.number - b.number)
    .map((c) => {
      const row = boardRow(tr, locale, c);
      return {
        id: row.id,
        number: row.number,
        name: row.name,
        light: row.light,
        lightLabel: row.lightLabel,
        since: sinceLastMonth(previous ? (before.get(c.id) ?? null) : null, row.light),
        headline: row.headline,
        progress: row.progress,
        overdue: row.overdue,
        report: row.report,
        missing: row.missing,
        official: row.official,
      };
    });
}
