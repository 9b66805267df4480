// The signed-in user as the session sees it. What each role may do: lib/auth/permissions.ts.
import type { Role } from "@/generated/prisma/enums";

export type { Role };

export interface SessionUser {
  id: string;
  username: string;
  name: string;
  orgId: string;
  /** The organisations whose plans this user may see: their own, plus the towns of a county. */
  orgIds: string[];
  roles: Role[];
  mustChangePassword: boolean;
}

/** The user row (with roles and the org's child towns) as the session sees it. */
export const sessionUserSelect = {
  id: true,
  username: true,
  name: true,
  orgId: true,
  mustChangePassword: true,
  roles: { select: { role: true } },
  org: { select: { children: { select: { id: true } } } },
} as const;

export function toSessionUser(u: {
  id: string;
  username: string;
  name: string;
  orgId: string;
  mustChangePassword: boolean;
  roles: { role: Role }[];
  org: { children: { id: string }[] };
}): SessionUser {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    orgId: u.orgId,
    orgIds: [u.orgId, ...u.org.children.map((c) => c.id)],
    roles: [...new Set(u.roles.map((r) => r.role))],
    mustChangePassword: u.mustChangePassword,
  };
}
