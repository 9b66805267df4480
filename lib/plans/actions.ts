"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { rollPlanForward, type RolledPlan } from "./rollover-mutation";

export interface RolloverFormState {
  result?: ActionResult<RolledPlan>;
  /** What was typed, sent back so a refused roll keeps it in the form. */
  values?: Record<string, string>;
}

/** The one step of the rollover page: create next year's plan, then open it. */
export async function rollPlanForwardAction(_prev: RolloverFormState, formData: FormData): Promise<RolloverFormState> {
  const user = await requireUser();
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) values[k] = v;
  const result = await rollPlanForward(user, values);
  if (result.ok && result.data) {
    revalidatePath("/plans");
    redirect(`/plans/${result.data.planId}`);
  }
  return { result, values };
}
