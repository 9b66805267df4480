"use server";
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createDepartment, deleteDepartment, renameDepartment } from "./mutations";

export interface DepartmentFormState {
  result?: ActionResult<unknown>;
}

const text = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : undefined;
};

function done(result: ActionResult<unknown>): DepartmentFormState {
  if (result.ok) {
    revalidatePath("/admin/departments");
    revalidatePath("/admin/users", "layout");
  }
  return { result };
}

export async function createDepartmentAction(_prev: DepartmentFormState | undefined, formData: FormData): Promise<DepartmentFormState> {
  const user = await requirePermission("keepDepartments");
  return done(await createDepartment(user, { orgId: text(formData, "orgId"), name: text(formData, "name") }));
}

export async function renameDepartmentAction(_prev: DepartmentFormState | undefined, formData: FormData): Promise<DepartmentFormState> {
  const user = await requirePermission("keepDepartments");
  return done(await renameDepartment(user, { departmentId: text(formData, "departmentId"), version: text(formData, "version"), name: text(formData, "name") }));
}

export async function deleteDepartmentAction(_prev: DepartmentFormState | undefined, formData: FormData): Promise<DepartmentFormState> {
  const user = await requirePermission("keepDepartments");
  return done(await deleteDepartment(user, { departmentId: text(formData, "departmentId"), version: text(formData, "version") }));
}
