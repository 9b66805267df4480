"use server";
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { setUserDisabled } from "./mutations";

export async function toggleUserDisabled(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await requireRole("ADMIN");
  const result = await setUserDisabled(admin, {
    userId: formData.get("userId"),
    version: formData.get("version"),
    disabled: formData.get("disabled"),
  });
  revalidatePath("/admin/users");
  return result;
}
