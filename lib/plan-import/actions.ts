"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { applyImport, type Applied } from "./apply";

export interface ConfirmImportState {
  result?: ActionResult<Applied>;
}

/** The one confirm of the import page: apply the checked file, all or nothing. */
export async function confirmImportAction(_prev: ConfirmImportState, formData: FormData): Promise<ConfirmImportState> {
  const user = await requireUser();
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) values[k] = v;
  const result = await applyImport(user, values);
  if (result.ok && result.data && result.data.created + result.data.updated > 0) {
    revalidatePath("/plans");
    revalidatePath(`/plans/${result.data.planId}`, "layout");
  }
  return { result };
}
