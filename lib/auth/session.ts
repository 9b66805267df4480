// Who is asking. Every page, server action and route handler starts here; the check is against
// the database on every request, in one query: the session must still be open (not signed out,
// not past its timeouts), the user enabled and on the same session version.
import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { noteRequestUser } from "@/lib/ops/request-context";
import { may, type Permission } from "./permissions";
import { claimsOf, sessionToken } from "./session-cookie";
import type { SessionUser } from "./roles";
import { sessionUser, type SessionClaims } from "./sessions";

/** What the session cookie says (signature checked, not yet the database): user, session, version. */
export const sessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const token = sessionToken((await cookies()).getAll());
  return token ? claimsOf(token) : null;
});

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await sessionUser(claims);
  // The request's log line names who made it.
  if (user) noteRequestUser(user.id);
  return user;
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

/** The signed-in user holding the named permission (lib/auth/permissions.ts), or 403. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!may(user, permission)) forbidden();
  return user;
}
