// What admins see of the sign-in limits (the users page): every count that holds someone back right
// now, and a way to lift one (audited), e.g. for a colleague locked out at a new computer while an
// attack on their account goes on. Counts of an account are shown only to admins of that account's
// organisation; an address belongs to no organisation, so every admin sees those.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit/record";
import { db, WRITE_TX } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { can, type SessionUser } from "./roles";
import { visibleUsers } from "./scope";
import { kindOf, LIMITS, secondsUntilAllowed, type ThrottleKind } from "./throttle";

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

export async function currentRestrictions(admin: SessionUser, now = new Date()): Promise<Restriction[]> {
  if (!can.administer(admin)) return [];
  const rows = await db().loginThrottle.findMany({
    where: { OR: [{ lockedUntil: { gt: now } }, { lastFailureAt: { gt: new Date(now.getTime() - longestWindow * 60_000) } }] },
    orderBy: { lastFailureAt: "desc" },
    take: 500,
  });
  const usernames = [...new Set(rows.map((r) => r.username).filter((u): u is string => !!u))];
  const people = await db().user.findMany({ where: { username: { in: usernames }, ...visibleUsers(admin) }, select: { username: true, name: true } });
  const names = new Map(people.map((p) => [p.username, p.name]));
  const restrictions: Restriction[] = [];
  for (const row of rows) {
    const kind = kindOf(row.key);
    if (!kind) continue;
    // A count of an account is shown to that account's admins only (a made-up name has none).
    if (row.username !== null && !names.has(row.username)) continue;
    const retryAfterSeconds = secondsUntilAllowed(row, LIMITS[kind], now);
    if (retryAfterSeconds === 0) continue;
    restrictions.push({
      key: row.key,
      kind,
      username: row.username,
      name: row.username ? (names.get(row.username) ?? null) : null,
      address: row.address,
      failures: row.failures,
      lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null,
      retryAfterSeconds,
    });
  }
  return restrictions;
}

const clearSchema = z.object({ key: z.string().min(1).max(300) });

/** Lifts one count (it starts again from nothing), with an audit record of what it was. */
export async function clearRestriction(admin: SessionUser, raw: unknown): Promise<ActionResult> {
  if (!can.administer(admin)) return { ok: false, error: "forbidden" };
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
