"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { contactsFromForm } from "./contacts";
import { updateContacts } from "./contacts-mutations";

export async function updateContactsAction(_prev: ActionResult<{ version: number }> | null, form: FormData): Promise<ActionResult<{ version: number }>> {
  const user = await requireUser();
  const result = await updateContacts(user, { ...contactsFromForm(form), userId: form.get("userId"), version: form.get("version") });
  if (result.ok) {
    revalidatePath("/account");
    revalidatePath("/admin/users", "layout");
  }
  return result;
}
