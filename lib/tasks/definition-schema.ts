// What the task form posts: a task node of a campaign, nested at most one level.
import Decimal from "decimal.js";
import { z } from "zod";
import { id, optionalDate, optionalId, requiredDate, requiredText, version } from "@/lib/validation/form-fields";
import { parseDecimalInput } from "@/lib/validation/numbers";
import { TEXT_LIMITS } from "@/lib/validation/limits";

/** A task's share of its campaign: more than 0, at most 100, two decimals (the column's). */
const weight = z.string({ message: "validation.weight" }).transform((raw, ctx) => {
  const v = parseDecimalInput(raw);
  const d = v === null ? null : new Decimal(v);
  if (!d || d.lte(0) || d.gt(100) || d.decimalPlaces() > 2) {
    ctx.addIssue({ code: "custom", message: "validation.weight" });
    return z.NEVER;
  }
  return d.toFixed();
});

const taskFields = {
  title: requiredText(TEXT_LIMITS.taskTitle),
  ownerId: optionalId,
  startDate: optionalDate,
  dueDate: requiredDate,
  weight,
  parentId: optionalId,
};

// Runs even when the due date itself was refused (zod goes on to object checks), so it guards for it.
const inOrder = (t: { startDate: Date | null; dueDate: Date | null }) => !t.startDate || !t.dueDate || t.dueDate >= t.startDate;
const order = { path: ["dueDate"], message: "validation.dueBeforeStart" };

export const createTaskSchema = z.object({ campaignId: id, ...taskFields }).refine(inOrder, order);
export const updateTaskSchema = z.object({ campaignId: id, taskId: id, version, ...taskFields }).refine(inOrder, order);

export type TaskFields = Omit<z.infer<typeof createTaskSchema>, "campaignId">;
