// 批示 that wait for a 落实反馈 or a 办结, with their deadlines and what is overdue: for the campaign page,
// the board, the inbox and the 月报 (as the 批示 stood at the summary's cutoff, replayed from their steps).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { InstructionState } from "@/generated/prisma/enums";
import { chinaDay, now } from "@/lib/clock";
import { db } from "@/lib/db";
import { daysOverdue, instructionAt } from "./instruction-rules";

export interface InstructionStanding {
  id: string;
  campaignId: string;
  body: string;
  author: string;
  createdAt: Date;
  state: InstructionState;
  dueDate: Date | null;
  /** Whole days past the deadline without an answer (0: not overdue). */
  overdueDays: number;
  /** When it was closed (办结), if by the instant. */
  closedAt: Date | null;
}

/**
 * 批示 asking for an answer, among `where`, as they stood at `at`: those still open or answered then,
 * and (with `closedSince`) those closed from that instant on. Oldest deadline first.
 */
export async function instructionsAt(where: Prisma.CommentWhereInput, at: Date = now(), closedSince?: Date): Promise<InstructionStanding[]> {
  const rows = await db().comment.findMany({
    where: {
      AND: [
        where,
        { state: { not: null }, createdAt: { lte: at } },
        { OR: [{ closedAt: null }, { closedAt: closedSince ? { gte: closedSince } : { gt: at } }] },
      ],
    },
    select: {
      id: true,
      campaignId: true,
      body: true,
      createdAt: true,
      state: true,
      dueDate: true,
      closedAt: true,
      author: { select: { name: true } },
      steps: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, createdAt: true, dueDate: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const today = chinaDay(at);
  const out: InstructionStanding[] = [];
  for (const row of rows) {
    const then = instructionAt(row, row.steps, at);
    if (!then) continue;
    const closedAt = then.state === "CLOSED" ? ([...row.steps].reverse().find((s) => s.kind === "CLOSE" && s.createdAt <= at)?.createdAt ?? null) : null;
    if (then.state === "CLOSED" && !(closedSince && closedAt && closedAt >= closedSince)) continue;
    out.push({
      id: row.id,
      campaignId: row.campaignId,
      body: row.body,
      author: row.author.name,
      createdAt: row.createdAt,
      state: then.state,
      dueDate: then.dueDate,
      overdueDays: daysOverdue(then, today),
      closedAt,
    });
  }
  return out.sort((a, b) => (a.dueDate?.getTime() ?? Infinity) - (b.dueDate?.getTime() ?? Infinity) || a.createdAt.getTime() - b.createdAt.getTime());
}

/** Per campaign: how many 批示 wait (open or answered) and how many of them are overdue. */
export function countByCampaign(list: readonly InstructionStanding[]): Map<string, { open: number; overdue: number }> {
  const out = new Map<string, { open: number; overdue: number }>();
  for (const i of list) {
    if (i.state === "CLOSED") continue;
    const c = out.get(i.campaignId) ?? { open: 0, overdue: 0 };
    c.open++;
    if (i.overdueDays > 0) c.overdue++;
    out.set(i.campaignId, c);
  }
  return out;
}
