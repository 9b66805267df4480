// Who is asking. Every page, server action and route handler starts here; the check is against
// the database on every request (disabled users and bumped session versions are refused).
import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { noteRequestUser } from "@/lib/ops/request-context";
import { authOptions } from "./options";
import { hasRole, sessionUserSelect, toSessionUser, type Role, type SessionUser } from "./roles";

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await db().user.findFirst({
    where: { id: session.uid, sessionVersion: session.sv ?? -1, disabled: false },
    select: sessionUserSelect,
  });
  if (!user) return null;
  // The request's log line names who made it.
  noteRequestUser(user.id);
  return toSessionUser(user);
});

/**
 * The signed-in user, or a redirect to the sign-in page. Someone still on a temporary password
 * (a new account, or reset by an admin) is sent to change it first: every page and action of the
 * app starts here, so this holds without any help from the browser.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect("/change-password");
  return user;
}

/** Signed in, temporary password or not: for the change-password page and its action only. */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** The signed-in user holding one of the roles, or 403. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!hasRole(user, ...roles)) forbidden();
  return user;
}
