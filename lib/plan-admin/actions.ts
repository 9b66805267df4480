"use server";
// The plan-admin forms' server actions: the mutations parse; a refused save keeps what was typed,
// a successful one opens the saved record's page.
import { formAction, type FormValues } from "@/lib/form-action";
import { createCampaign, updateCampaign } from "./campaign-mutations";
import { createIndicator, updateIndicator } from "./indicator-mutations";
import { createPlan, updatePlan } from "./plan-mutations";
import { createTask, updateTask } from "./task-mutations";

/** Checkbox groups post one entry per ticked box. */
const multiple = ["cooperatingIds", "leadIds"];

const str = (v: string | string[] | undefined) => encodeURIComponent(typeof v === "string" ? v : "");

const toPlan = (saved: { id: string } | undefined) => `/plans/${saved?.id ?? ""}`;
const toCampaign = (saved: { id: string } | undefined) => `/campaigns/${saved?.id ?? ""}`;
const toOwnCampaign = (_saved: unknown, v: FormValues) => `/campaigns/${str(v.campaignId)}`;
/** A campaign's indicator goes back to the campaign; a town-wide one to the plan's edit page. */
const indicatorHome = (_saved: unknown, v: FormValues) => (v.campaignId ? `/campaigns/${str(v.campaignId)}` : `/plans/${str(v.planId)}/edit`);

export const createPlanAction = formAction({ multiple, write: createPlan, next: toPlan });
export const updatePlanAction = formAction({ multiple, write: updatePlan, next: toPlan });
export const createCampaignAction = formAction({ multiple, write: createCampaign, next: toCampaign });
export const updateCampaignAction = formAction({ multiple, write: updateCampaign, next: toCampaign });
export const createIndicatorAction = formAction({ multiple, write: (user, values) => createIndicator(user, values), next: indicatorHome });
export const updateIndicatorAction = formAction({ multiple, write: (user, values) => updateIndicator(user, values), next: indicatorHome });
export const createTaskAction = formAction({ multiple, write: createTask, next: toOwnCampaign });
export const updateTaskAction = formAction({ multiple, write: updateTask, next: toOwnCampaign });
