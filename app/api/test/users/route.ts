// Browser tests only (lib/e2e/test-api.ts): a uniquely named user with a role, leading the given
// campaigns, ready to sign in. Made as an admin makes one (createUser, on a temporary password)
// and then signed in once to set the test's password (changeOwnPassword), so the account is
// exactly what the app would have made.
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound, refused, testApiAllowed, townAdmin } from "@/lib/e2e/test-api";
import { sessionUserSelect, toSessionUser } from "@/lib/auth/roles";
import { createUser } from "@/lib/users/mutations";
import { changeOwnPassword } from "@/lib/users/passwords";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  username: z.string().regex(/^[a-z0-9_-]{3,40}$/),
  password: z.string().min(8).max(100),
  role: z.enum(["ADMIN", "LEADER", "LEAD", "STAFF", "VIEWER"]),
  orgCode: z.string().default("shendang"),
  /** Campaigns by id (those a test made through /api/test/campaigns). */
  campaignIds: z.array(z.string().min(1)).default([]),
  /** Campaigns of the demo plan by number (its ACTIVE sample plan): for specs that still use it. */
  leadCampaignNumbers: z.array(z.number().int().min(1)).default([]),
  /** A 主要领导 (principal leader), who reviews every campaign of the town. */
  principal: z.boolean().default(false),
});

export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return refused(parsed.error.issues);
  const input = parsed.data;
  const town = await townAdmin(input.orgCode);
  if (!town) return refused(`no town ${input.orgCode} with an admin`);
  const demoCampaigns = input.leadCampaignNumbers.length
    ? await db().campaign.findMany({
        where: { number: { in: input.leadCampaignNumbers }, plan: { orgId: town.orgId, status: "ACTIVE", isSample: true } },
        select: { id: true },
      })
    : [];
  const made = await createUser(town.admin, {
    username: input.username,
    orgId: town.orgId,
    name: `测试用户 ${input.username}`,
    roles: [input.role],
    campaignIds: [...input.campaignIds, ...demoCampaigns.map((c) => c.id)],
    passwordMode: "generated",
    ...(input.principal ? { isPrincipal: "on" } : {}),
  });
  if (!made.ok || !made.data?.password) return refused(made);
  const user = toSessionUser(await db().user.findUniqueOrThrow({ where: { id: made.data.userId }, select: sessionUserSelect }));
  const changed = await changeOwnPassword(user, { current: made.data.password, next: input.password, confirm: input.password });
  if (!changed.ok) return refused(changed);
  return Response.json({ id: user.id, username: user.username }, { status: 201 });
}
