// The 落实反馈 loop of a 批示, as rules (pure, unit-tested): which step may follow which state, and when
// an open 批示 is overdue. The mutations (instructions.ts) hold the state in their update's where-clause,
// so the rule is checked again by the database at the moment of the write.
import type { InstructionState } from "@/generated/prisma/enums";

export type InstructionStep = "ANSWER" | "ASK_AGAIN" | "CLOSE";

/** From which states each step may be taken, and the state it leads to. */
export const STEPS: Record<InstructionStep, { from: readonly InstructionState[]; to: InstructionState }> = {
  // The lead answers an open 批示 (also one asked again).
  ANSWER: { from: ["OPEN"], to: "ANSWERED" },
  // The leader is not satisfied with the answer: back to the lead, with a note.
  ASK_AGAIN: { from: ["ANSWERED"], to: "OPEN" },
  // 办结: after the answer, or at once when the leader settles it without one.
  CLOSE: { from: ["OPEN", "ANSWERED"], to: "CLOSED" },
};

export function mayTake(step: InstructionStep, state: InstructionState | null): boolean {
  return state !== null && STEPS[step].from.includes(state);
}

/** ISO day of a @db.Date column (stored at midnight UTC). */
export function dueDay(dueDate: Date): string {
  return dueDate.toISOString().slice(0, 10);
}

/**
 * Whole days an open 批示 is past its deadline (0: not overdue). Only an unanswered one is overdue: an
 * answered one waits for its leader, a closed one is done. `today` is the China calendar day.
 */
export function daysOverdue(instruction: { state: InstructionState | null; dueDate: Date | null }, today: string): number {
  if (instruction.state !== "OPEN" || !instruction.dueDate) return 0;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDay(instruction.dueDate)}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

/** Evidence files on one answer (together within one request's size, MAX_REQUEST_BYTES). */
export const MAX_ANSWER_FILES = 5;

/**
 * A 批示 as it stood at an instant, replayed from its steps (sorted oldest first): its state and the
 * deadline then. null for a remark that asks nothing, or one written after the instant.
 */
export function instructionAt(
  comment: { state: InstructionState | null; dueDate: Date | null; createdAt: Date },
  steps: readonly { kind: InstructionStep; createdAt: Date; dueDate: Date | null }[],
  at: Date,
): { state: InstructionState; dueDate: Date | null } | null {
  if (comment.state === null || comment.createdAt > at) return null;
  // The first step never moves the deadline (only asking again does, and an answer comes before it).
  let state: InstructionState = "OPEN";
  let dueDate = steps[0] ? steps[0].dueDate : comment.dueDate;
  for (const step of steps) {
    if (step.createdAt > at) break;
    state = STEPS[step.kind].to;
    dueDate = step.dueDate;
  }
  return { state, dueDate };
}
