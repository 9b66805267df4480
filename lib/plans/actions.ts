"use server";
// The plan form's server actions: the mutations parse; a refused save keeps what was typed, a
// successful one opens the plan.
import { formAction } from "@/lib/form-action";
import { createPlan, updatePlan } from "./mutations";

const toPlan = (saved: { id: string } | undefined) => `/plans/${saved?.id ?? ""}`;

export const createPlanAction = formAction({ write: createPlan, next: toPlan });
export const updatePlanAction = formAction({ write: updatePlan, next: toPlan });
