// What the plan forms post, parsed with zod. Messages are catalogue keys, keyed by the form field.
import { z } from "zod";
import { recordId } from "@/lib/validation/ids";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export const PLAN_TITLE_MAX = TEXT_LIMITS.title;

/** A checkbox posts "on" when ticked and nothing otherwise; callers in code may pass a boolean. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const rolloverSchema = z.object({
  planId: recordId,
  year: z.coerce.number({ message: "rollover.errors.yearNotNext" }).int("rollover.errors.yearNotNext"),
  title: z.string("rollover.errors.titleRequired").trim().min(1, "rollover.errors.titleRequired").max(PLAN_TITLE_MAX, "validation.tooLong"),
  carryUnfinishedTasks: checkbox,
  /** The source plan's version the preview was made from. */
  version: z.coerce.number().int().min(1),
});

export type RolloverInput = z.infer<typeof rolloverSchema>;
