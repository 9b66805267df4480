"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import { requirePermission, requireSignedIn } from "./session";
import { endUserSessions, signOutEverywhere } from "./session-mutations";
import { clearRestriction } from "./throttle-admin";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const text = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : undefined;
};

/** The person ends all their sessions, on every device, this one included, and is back at the sign-in page. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireSignedIn();
  await signOutEverywhere(user);
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/login");
}

/** An admin ends every session of another person. */
export async function endUserSessionsAction(_prev: ActionResult<{ ended: number }> | null, formData: FormData): Promise<ActionResult<{ ended: number }>> {
  const admin = await requirePermission("administer");
  const userId = text(formData, "userId");
  const result = await endUserSessions(admin, { userId });
  if (userId && result.ok) revalidatePath(`/admin/users/${userId}`);
  return result;
}

/** An admin lifts one sign-in limit. */
export async function clearRestrictionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await requirePermission("administer");
  const result = await clearRestriction(admin, { key: text(formData, "key") });
  revalidatePath("/admin/users");
  return result;
}
