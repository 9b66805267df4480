"use server";
import { formAction } from "@/lib/form-action";
import { createDepartment, deleteDepartment, renameDepartment } from "./mutations";

export const createDepartmentAction = formAction({ permission: "keepDepartments", write: createDepartment, echo: "never" });
export const renameDepartmentAction = formAction({ permission: "keepDepartments", write: renameDepartment, echo: "never" });
export const deleteDepartmentAction = formAction({ permission: "keepDepartments", write: deleteDepartment, echo: "never" });
