// Browser tests only (lib/e2e/test-api.ts): the app's clock stands still (DUBAN_TODAY), and a 批示 cannot
// be written with a deadline already past, so a test that needs an overdue one moves its deadline back.
import { z } from "zod";
import { audit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { notFound, refused, testApiAllowed } from "@/lib/e2e/test-api";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ commentId: z.string().min(1), dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return refused(parsed.error.issues);
  // A write like any other: with its audit record, which also moves the data stamp that kept boards go by.
  const count = await db().$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: parsed.data.commentId, state: { not: null } },
      data: { dueDate: new Date(`${parsed.data.dueDate}T00:00:00Z`) },
    });
    if (count)
      await audit(tx, {
        actor: SYSTEM_ACTOR,
        action: "comment.deadlineMoved",
        entityType: "Comment",
        entityId: parsed.data.commentId,
        newValues: { dueDate: parsed.data.dueDate },
      });
    return count;
  });
  return count ? Response.json({ ok: true }) : notFound();
}
