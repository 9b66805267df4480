"use server";
// 核对存档: make an archived summary again and compare its checksum (a read; nothing is written).
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { verifyArchivedSummary, type Verified } from "./verify";

const input = z.object({ id: z.string().min(1).max(64).regex(/^[\w-]+$/) });

export async function verifySummaryAction(_prev: ActionResult<Verified> | null, formData: FormData): Promise<ActionResult<Verified>> {
  const user = await requireUser();
  const parsed = input.safeParse({ id: formData.get("id") });
  if (!parsed.success) return { ok: false, error: "notFound" };
  return verifyArchivedSummary(user, parsed.data.id);
}
