// 批示办理情况 of the 月报: the 批示 of the summary's campaigns that asked for a 落实反馈, as they stood at
// the month's cutoff (replayed from their steps, so the 月报 made again later says the same): those still
// waiting then, with their deadlines and what was overdue, and those closed (办结) during the month.
import "server-only";
import { startOfMonth } from "@/lib/clock";
import { instructionsAt } from "@/lib/comments/open";
import type { Translate } from "./text";
import type { SummaryInstruction } from "./model";

export async function summaryInstructions(
  campaigns: readonly { id: string; number: number; name: string }[],
  year: number,
  month: number,
  cutoff: Date,
  t: Translate,
): Promise<SummaryInstruction[]> {
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const list = await instructionsAt({ campaignId: { in: [...byId.keys()] } }, cutoff, startOfMonth(year, month));
  return list
    .map((i) => ({ i, c: byId.get(i.campaignId)! }))
    .sort((a, b) => a.c.number - b.c.number)
    .map(({ i, c }) => ({
      number: c.number,
      campaign: c.name,
      author: i.author,
      at: i.createdAt,
      body: i.body,
      dueDate: i.dueDate,
      state: i.state,
      stateText: t(`instructionState.${i.state}`),
      overdueDays: i.overdueDays,
    }));
}
