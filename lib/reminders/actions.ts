"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { sendReminder, type ReminderResult } from "./mutations";

export async function sendReminderAction(_prev: ReminderResult | null, formData: FormData): Promise<ReminderResult> {
  const user = await requireUser();
  const result = await sendReminder(user, {
    campaignId: formData.get("campaignId"),
    month: formData.get("month"),
    force: formData.get("force") ?? undefined,
    reason: formData.get("reason") ?? undefined,
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
