// The board in a test: visible and not refused, or the test fails here with a clear message.
import type { SessionUser } from "@/lib/auth/roles";
import { getBoard, type Board } from "@/lib/board/queries";

export async function boardOf(user: SessionUser, planId: string, dataMonth: number | null = null): Promise<Board> {
  const board = await getBoard(user, planId, dataMonth);
  if (!board) throw new Error(`no board of plan ${planId} for ${user.username}`);
  if (board.refused) throw new Error(`the board of plan ${planId} refused month ${dataMonth}`);
  return board;
}
