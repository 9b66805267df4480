import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleUsers } from "@/lib/auth/scope";
import { db } from "@/lib/db";

/** Users for the admin page; never the password hash. */
export function listUsers(admin: SessionUser) {
  return db().user.findMany({
    where: visibleUsers(admin),
    orderBy: [{ disabled: "asc" }, { username: "asc" }],
    select: {
      id: true,
      username: true,
      name: true,
      title: true,
      disabled: true,
      version: true,
      org: { select: { name: true } },
      department: { select: { name: true } },
      roles: { select: { role: true } },
      leadOf: { select: { campaign: { select: { number: true, name: true } } } },
    },
  });
}
