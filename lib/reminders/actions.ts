"use server";
import type { ActionResult } from "@/lib/errors";
import { formAction } from "@/lib/form-action";
import { sendReminder } from "./mutations";

const remind = formAction({ permission: "remind", write: sendReminder, echo: "never" });

/** 催办 from the board (whose button reads the write's result itself). */
export async function sendReminderAction(_prev: ActionResult<{ sent: number; escalated: boolean }> | null, formData: FormData) {
  return (await remind(null, formData)).result as ActionResult<{ sent: number; escalated: boolean }>;
}
