"use server";
// The plan-admin forms' server actions: each parses nothing itself (the mutations do), sends back
// what was typed when the save is refused, and opens the saved record's page when it succeeds.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { createCampaign, updateCampaign } from "./campaign-mutations";
import { createIndicator, updateIndicator } from "./indicator-mutations";
import { createPlan, updatePlan } from "./plan-mutations";
import { createTask, updateTask } from "./task-mutations";
import type { Saved } from "./types";

export interface AdminFormState {
  result?: Saved;
  /** What was typed, so a refused save keeps it in the form. */
  values?: Record<string, string | string[]>;
}

/** Checkbox groups post one entry per ticked box. */
const MULTI = new Set(["cooperatingIds", "leadIds"]);

function fields(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v !== "string" || k.startsWith("$")) continue;
    const prev = out[k];
    out[k] = MULTI.has(k) ? [...(Array.isArray(prev) ? prev : []), v] : v;
  }
  return out;
}

const str = (v: string | string[] | undefined) => encodeURIComponent(typeof v === "string" ? v : "");

async function run(
  formData: FormData,
  save: (user: Awaited<ReturnType<typeof requireUser>>, values: Record<string, string | string[]>) => Promise<Saved>,
  next: (id: string, values: Record<string, string | string[]>) => string,
): Promise<AdminFormState> {
  const user = await requireUser();
  const values = fields(formData);
  const result = await save(user, values);
  if (!result.ok || !result.data) return { result, values };
  // A plan's figures and people show on the board, the home page, the plan and campaign pages.
  revalidatePath("/", "layout");
  redirect(next(result.data.id, values));
}

export async function createPlanAction(_prev: AdminFormState, formData: FormData) {
  return run(formData, createPlan, (id) => `/plans/${id}`);
}

export async function updatePlanAction(_prev: AdminFormState, formData: FormData) {
  return run(formData, updatePlan, (id) => `/plans/${id}`);
}

export async function createCampaignAction(_prev: AdminFormState, formData: FormData) {
  return run(formData, createCampaign, (id) => `/campaigns/${id}`);
}

export async function updateCampaignAction(_prev: AdminFormState, formData: FormData) {
  return run(formData, updateCampaign, (id) => `/campaigns/${id}`);
}

/** A campaign's indicator goes back to the campaign; a town-wide one to the plan's edit page. */
const indicatorHome = (_id: string, v: Record<string, string | string[]>) => (v.campaignId ? `/campaigns/${str(v.campaignId)}` : `/plans/${str(v.planId)}/edit`);

export async function createIndicatorAction(_prev: AdminFormState, formData: FormData) {
  return run(formData, (user, values) => createIndicator(user, values), indicatorHome);
}

export async function updateIndicatorAction(_prev: AdminFormState, formData: FormData) {
  return run(formData, (user, values) => updateIndicator(user, values), indicatorHome);
}

export async function createTaskAction(_prev: AdminFormState, formData: FormData) {
  return run(formData, createTask, (_id, v) => `/campaigns/${str(v.campaignId)}`);
}

export async function updateTaskAction(_prev: AdminFormState, formData: FormData) {
  return run(formData, updateTask, (_id, v) => `/campaigns/${str(v.campaignId)}`);
}
