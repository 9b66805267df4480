"use server";
import { formAction } from "@/lib/form-action";
import { rollPlanForward } from "./mutation";

/** The one step of the rollover page: create next year's plan, then open it. */
export const rollPlanForwardAction = formAction({ permission: "keepPlan", write: rollPlanForward, next: (rolled) => `/plans/${rolled?.planId ?? ""}` });
