// 批示 on the board: per campaign, how many wait for an answer or a 办结 and how many are overdue, as
// they stood at the board's cutoff (a past month's board shows them as they were then).
import "server-only";
import { countByCampaign, instructionsAt } from "@/lib/comments/open";
import type { BoardRow } from "./view";

type T = (key: string, values?: Record<string, string | number>) => string;

export async function instructionCounts(planId: string, at: Date) {
  return countByCampaign(await instructionsAt({ campaign: { planId } }, at));
}

/** The rows with their 批示 counts, and a mark each (批示逾期 first: it is what needs calling out). */
export function withInstructions(rows: BoardRow[], counts: Map<string, { open: number; overdue: number }>, t: T): BoardRow[] {
  return rows.map((row) => {
    const c = counts.get(row.id);
    if (!c) return row;
    const marks = [...(c.overdue ? [t("instructionsOverdue", { count: c.overdue })] : []), t("instructionsOpen", { count: c.open }), ...row.marks];
    return { ...row, instructions: c, marks };
  });
}
