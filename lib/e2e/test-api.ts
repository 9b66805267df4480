// The browser tests' fixture API (app/api/test/*): off unless the server was started with
// DUBAN_E2E_TOKEN (never in production) and the request carries that token. Fixtures are made
// through the app's own functions, acting as the town's first admin, as an office would.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { sessionUserSelect, toSessionUser, type SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export function testApiAllowed(request: Request): boolean {
  const token = env.DUBAN_E2E_TOKEN;
  const given = request.headers.get("x-e2e-token") ?? "";
  return !!token && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** The town (by code) and its first admin, who makes the fixtures; null when either is missing. */
export async function townAdmin(orgCode: string): Promise<{ orgId: string; admin: SessionUser } | null> {
  const org = await db().organization.findUnique({ where: { code: orgCode }, select: { id: true } });
  if (!org) return null;
  const admin = await db().user.findFirst({
    where: { orgId: org.id, disabled: false, roles: { some: { role: "ADMIN", orgId: org.id } } },
    orderBy: { createdAt: "asc" },
    select: sessionUserSelect,
  });
  return admin ? { orgId: org.id, admin: toSessionUser(admin) } : null;
}

export const notFound = () => new Response("Not found", { status: 404 });
export const refused = (what: unknown) => Response.json({ error: what }, { status: 400 });
