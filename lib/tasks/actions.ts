"use server";
// The task forms' server actions: the definition (title, dates, weight, owner) and the progress;
// each goes back to the campaign.
import { formAction, type FormValues } from "@/lib/form-action";
import { createTask, updateTask } from "./definition";
import { askClosure, decideClosure } from "./closure";
import { updateTaskProgress } from "./mutations";

const toCampaign = (_saved: unknown, v: FormValues) => `/campaigns/${encodeURIComponent(typeof v.campaignId === "string" ? v.campaignId : "")}`;

export const createTaskAction = formAction({ write: createTask, next: toCampaign });
export const updateTaskAction = formAction({ write: updateTask, next: toCampaign });

/** A task's progress, saved on its own page. */
export const saveTaskProgress = formAction({ write: updateTaskProgress, next: toCampaign });

/** 申请销号 and the confirmer's decision, on the task's 销号 page (which they reload). */
export const askClosureAction = formAction({ permission: "askTaskClosure", write: askClosure, echo: "onRefusal" });
export const decideClosureAction = formAction({ permission: "confirmTaskClosure", write: decideClosure, echo: "onRefusal" });
