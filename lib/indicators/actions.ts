"use server";
// The indicator forms' server actions. A campaign's indicator goes back to the campaign; a
// town-wide one to the plan's edit page.
import { formAction, type FormValues } from "@/lib/form-action";
import { saveBaselineMonths } from "./baseline-months";
import { createIndicator, updateIndicator } from "./mutations";

const str = (v: string | string[] | undefined) => encodeURIComponent(typeof v === "string" ? v : "");
const indicatorHome = (_saved: unknown, v: FormValues) => (v.campaignId ? `/campaigns/${str(v.campaignId)}` : `/plans/${str(v.planId)}/edit`);

export const createIndicatorAction = formAction({ write: (user, values) => createIndicator(user, values), next: indicatorHome });
export const updateIndicatorAction = formAction({ write: (user, values) => updateIndicator(user, values), next: indicatorHome });

/** Staff save the baseline year's monthly figures of an indicator (同比基数). */
export const saveBaselineMonthsAction = formAction({ write: saveBaselineMonths });
