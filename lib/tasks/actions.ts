"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { updateTaskProgress } from "./mutations";

export interface TaskFormState {
  result?: ActionResult;
  /** What the user typed, sent back so a refused save keeps it in the form. */
  values?: Record<string, string>;
}

export async function saveTaskProgress(_prev: TaskFormState, formData: FormData): Promise<TaskFormState> {
  const user = await requireUser();
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) values[k] = v;
  const result = await updateTaskProgress(user, values);
  if (result.ok) {
    revalidatePath(`/campaigns/${values.campaignId}`);
    redirect(`/campaigns/${values.campaignId}`);
  }
  return { result, values };
}
