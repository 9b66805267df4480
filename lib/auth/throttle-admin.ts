// What admins see of the sign-in limits (the users page): every count that holds someone back right
// now, and a way to lift one (audited), e.g. for a colleague locked out at a new computer while an
// attack on their account goes on. Counts of an account are shown only to admins of that account's
// organisation; an address belongs to no organisation, so every admin sees those.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit/record";
import { db, WRITE_TX } from "@/lib/db";
import { SQL_NOW } from "@/lib/db/sql-now";
import type { ActionResult } from "@/lib/errors";
import { may } from "./permissions";
import { type SessionUser } from "./roles";
import { visibleUsers } from "./scope";
import { kindOf, LIMITS, secondsUntilAllowed, type ThrottleKind, type ThrottleRow } from "./throttle";

export interface Restriction {
  key: string;
  kind: ThrottleKind;
  username: string | null;
  /** The person behind the username, when it is one in the admin's organisations. */
  name: string | null;
  address: string | null;
  failures: number;
  lockedUntil: Date | null;
  /** Seconds until the next attempt is let through. */
  retryAfterSeconds: number;
}

const longestWindow = Math.max(...Object.values(LIMITS).map((l) => l.windowMinutes));

export async function currentRestrictions(admin: SessionUser): Promise<Restriction[]> {
  if (!may(admin, "administer")) return [];
  // Counts of the admin's own people and of addresses only, in the query: a flood of made-up
  // names (an attack) never crowds them out of the list.
  const rows = await db().$queryRaw<(ThrottleRow & { key: string; username: string | null; address: string | null; name: string | null; now: Date })[]>`
    SELECT t."key", t."username", t."address", t."failures", t."lastFailureAt", t."lockedUntil", u."name", ${SQL_NOW} AS "now"
    FROM "LoginThrottle" t LEFT JOIN "User" u ON u."username" = t."username"
    WHERE (t."lockedUntil" > ${SQL_NOW} OR t."lastFailureAt" > ${SQL_NOW} - make_interval(mins => ${longestWindow}::int))
      AND (t."username" IS NULL OR u."orgId" = ANY(${admin.orgIds}))
    ORDER BY t."lastFailureAt" DESC
    LIMIT 500`;
  const restrictions: Restriction[] = [];
  for (const row of rows) {
    const kind = kindOf(row.key);
    if (!kind) continue;
    const retryAfterSeconds = secondsUntilAllowed(row, LIMITS[kind], row.now);
    if (retryAfterSeconds === 0) continue;
    restrictions.push({
      key: row.key,
      kind,
      username: row.username,
      name: row.name,
      address: row.address,
      failures: row.failures,
      lockedUntil: row.lockedUntil && row.lockedUntil > row.now ? row.lockedUntil : null,
      retryAfterSeconds,
    });
  }
  return restrictions;
}

const clearSchema = z.object({ key: z.string().min(1).max(300) });

/** Lifts one count (it starts again from nothing), with an audit record of what it was. */
export async function clearRestriction(admin: SessionUser, raw: unknown): Promise<ActionResult> {
  if (!may(admin, "administer")) return { ok: false, error: "forbidden" };
  const parsed = clearSchema.safeParse(raw);
  if (!parsed.success || !kindOf(parsed.data.key) || parsed.data.key.includes("\u0000")) return { ok: false, error: "notFound" };
  const { key } = parsed.data;
  return db().$transaction(async (tx) => {
    const row = await tx.loginThrottle.findUnique({ where: { key } });
    if (!row) return { ok: false, error: "notFound" } as const;
    let orgId = admin.orgId;
    if (row.username !== null) {
      const owner = await tx.user.findFirst({ where: { username: row.username, ...visibleUsers(admin) }, select: { orgId: true } });
      if (!owner) return { ok: false, error: "notFound" } as const;
      orgId = owner.orgId;
    }
    await tx.loginThrottle.delete({ where: { key } });
    await audit(tx, {
      actor: admin,
      action: "signin.unlock",
      entityType: "LoginThrottle",
      entityId: key,
      orgId,
      oldValues: { failures: row.failures, lockedUntil: row.lockedUntil?.toISOString() ?? null, username: row.username, address: row.address },
    });
    return { ok: true } as const;
  }, WRITE_TX);
}
