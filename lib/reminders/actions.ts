"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { sendReminder } from "./mutations";

export async function sendReminderAction(_prev: ActionResult<{ sent: number; escalated: boolean }> | null, formData: FormData) {
  const user = await requireUser();
  const result = await sendReminder(user, { campaignId: formData.get("campaignId"), month: formData.get("month") });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
