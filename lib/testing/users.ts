// SessionUser for a seeded user, built the way lib/auth/session.ts builds it for a request.
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export async function sessionUser(username: string): Promise<SessionUser> {
  const u = await db().user.findUniqueOrThrow({
    where: { username },
    include: { roles: true, org: { include: { children: { select: { id: true } } } } },
  });
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    orgId: u.orgId,
    orgIds: [u.orgId, ...u.org.children.map((c) => c.id)],
    roles: u.roles.map((r) => r.role),
    mustChangePassword: u.mustChangePassword,
  };
}
