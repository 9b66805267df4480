// SessionUser for a seeded user, built the way lib/auth/session.ts builds it for a request.
import { sessionUserSelect, toSessionUser, type SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export async function sessionUser(username: string): Promise<SessionUser> {
  return toSessionUser(await db().user.findUniqueOrThrow({ where: { username }, select: sessionUserSelect }));
}
