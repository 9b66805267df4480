// The plan's 催办 schedule (lib/reminders/schedule.ts reads it) and who confirms a task's 销号, as the
// plan form posts them. Posted together (schedulePosted): a form without them leaves them as they are.
import { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { checkbox, optionalWholeNumber, wholeNumber } from "@/lib/validation/form-fields";

/** Left blank: never escalated to the principal leaders. */
const principalDays = optionalWholeNumber(1, 60, "validation.escalatePrincipalAfterDays");

export const scheduleSchema = z.object({
  remindDaysBefore: wholeNumber(0, 10, "validation.remindDaysBefore"),
  remindOnDueDay: checkbox,
  escalatePrincipalAfterDays: principalDays,
  closureConfirmedBy: z.enum(["OFFICIAL", "STAFF"], { message: "validation.choice" }),
});

export type Schedule = z.infer<typeof scheduleSchema>;

/** The schedule posted with the plan form; {} when the form did not post it. */
export function scheduleFromForm(raw: unknown): { ok: true; data: Schedule | Record<string, never> } | { ok: false; fieldErrors: FieldErrors } {
  const values = (raw ?? {}) as Record<string, unknown>;
  if (!values.schedulePosted) return { ok: true, data: {} };
  const parsed = scheduleSchema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** The plan form's initial values of the schedule. */
export function scheduleFormValues(plan: Schedule): Record<string, string> {
  return {
    remindDaysBefore: String(plan.remindDaysBefore),
    remindOnDueDay: plan.remindOnDueDay ? "on" : "",
    escalatePrincipalAfterDays: plan.escalatePrincipalAfterDays === null ? "" : String(plan.escalatePrincipalAfterDays),
    closureConfirmedBy: plan.closureConfirmedBy,
  };
}
