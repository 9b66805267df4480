"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { decidePlanChange } from "./approval";
import { saveBaselineMonths } from "./baseline-months";

/** A leader approves or rejects a change of targets waiting for approval. */
export async function decidePlanChangeAction(_prev: ActionResult<{ status: string }> | null, formData: FormData): Promise<ActionResult<{ status: string }>> {
  const user = await requireUser();
  const result = await decidePlanChange(user, { versionId: formData.get("versionId"), decision: formData.get("decision"), note: formData.get("note") ?? undefined });
  // The plan in force shows on the board, the plan and campaign pages.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export interface BaselineMonthsState {
  result?: ActionResult<{ id: string }>;
  values?: Record<string, string>;
}

/** Staff save the baseline year's monthly figures of an indicator (同比基数). */
export async function saveBaselineMonthsAction(_prev: BaselineMonthsState, formData: FormData): Promise<BaselineMonthsState> {
  const user = await requireUser();
  const values = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, v as string]));
  const result = await saveBaselineMonths(user, values);
  if (result.ok) revalidatePath("/", "layout");
  return { result, values };
}
