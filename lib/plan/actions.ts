"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { decidePlanChange } from "./approval";

/** A leader approves or rejects a change of targets waiting for approval. */
export async function decidePlanChangeAction(_prev: ActionResult<{ status: string }> | null, formData: FormData): Promise<ActionResult<{ status: string }>> {
  const user = await requireUser();
  const result = await decidePlanChange(user, { versionId: formData.get("versionId"), decision: formData.get("decision"), note: formData.get("note") ?? undefined });
  // The plan in force shows on the board, the plan and campaign pages.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
