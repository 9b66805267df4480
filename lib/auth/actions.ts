"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/form-action";
import { requireSignedIn } from "./session";
import { endUserSessions, signOutEverywhere } from "./session-mutations";
import { clearRestriction } from "./throttle-admin";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** The person ends all their sessions, on every device, this one included, and is back at the sign-in page. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireSignedIn();
  await signOutEverywhere(user);
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/login");
}

/** An admin ends every session of another person. */
export const endUserSessionsAction = formAction({ permission: "administer", echo: "never", write: (admin, v) => endUserSessions(admin, { userId: v.userId }) });

/** An admin lifts one sign-in limit; the list is shown afresh either way. */
export const clearRestrictionAction = formAction({
  permission: "administer",
  echo: "never",
  revalidate: () => true,
  write: (admin, v) => clearRestriction(admin, { key: v.key }),
});
