"use server";
import { formAction, type FormValues } from "@/lib/form-action";
import { updateTaskProgress } from "./mutations";

const toCampaign = (_saved: unknown, v: FormValues) => `/campaigns/${encodeURIComponent(String(v.campaignId ?? ""))}`;

/** A task's progress, saved on its own page; then back to the campaign. */
export const saveTaskProgress = formAction({ write: updateTaskProgress, next: toCampaign });
