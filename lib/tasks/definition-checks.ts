// A task checked against its campaign: an owner of the plan's town, dates within the plan year, and
// one level of nesting (a parent is a top-level task of the same campaign; a parent has no parent).
import "server-only";
import type { Tx } from "@/lib/db";
import type { FieldErrors } from "@/lib/errors";
import { withinYear } from "@/lib/validation/form-fields";
import type { TaskFields } from "./definition-schema";

interface Context {
  campaignId: string;
  orgId: string;
  year: number;
  /** Editing: the task itself, its current owner (who stays eligible) and whether it has sub-tasks. */
  task?: { id: string; ownerId: string | null; hasChildren: boolean };
}

export async function taskErrors(tx: Tx, c: Context, t: TaskFields): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);
  if (t.ownerId && t.ownerId !== c.task?.ownerId) {
    const owner = await tx.user.findFirst({ where: { id: t.ownerId, orgId: c.orgId, disabled: false }, select: { id: true } });
    if (!owner) add("ownerId", "validation.owner");
  }
  if (t.startDate && !withinYear(t.startDate, c.year)) add("startDate", "validation.dateOutsideYear");
  if (!withinYear(t.dueDate, c.year)) add("dueDate", "validation.dateOutsideYear");
  if (t.parentId) {
    if (c.task?.hasChildren) add("parentId", "validation.parentHasChildren");
    else {
      const parent = await tx.task.findFirst({ where: { id: t.parentId, campaignId: c.campaignId, parentId: null }, select: { id: true } });
      if (!parent || parent.id === c.task?.id) add("parentId", "validation.parent");
    }
  }
  return errors;
}
