// Browser tests only: creates a uniquely named user with a role (and campaigns to lead), so each
// test signs in as someone of its own. Answers 404 unless the server was started with
// DUBAN_E2E_TOKEN (never in production) and the request carries that token.
import { z } from "zod";
import { audit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { testApiAllowed } from "@/lib/http/test-api";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  username: z.string().regex(/^[a-z0-9_-]{3,40}$/),
  password: z.string().min(8).max(100),
  role: z.enum(["ADMIN", "LEADER", "LEAD", "STAFF", "VIEWER"]),
  orgCode: z.string().default("shendang"),
  leadCampaignNumbers: z.array(z.number().int().min(1)).default([]),
});

export async function POST(request: Request) {
  if (!testApiAllowed(request)) return new Response("Not found", { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
  const input = parsed.data;
  const passwordHash = await hashPassword(input.password);
  const user = await db().$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { code: input.orgCode } });
    const campaigns = await tx.campaign.findMany({
      where: { number: { in: input.leadCampaignNumbers }, plan: { orgId: org.id, status: "ACTIVE" } },
      select: { id: true },
    });
    const created = await tx.user.create({
      data: {
        username: input.username,
        name: `测试用户 ${input.username}`,
        passwordHash,
        orgId: org.id,
        roles: { create: { role: input.role, orgId: org.id } },
        leadOf: { create: campaigns.map((c) => ({ campaignId: c.id })) },
      },
      select: { id: true, username: true },
    });
    await audit(tx, { actor: SYSTEM_ACTOR, action: "test.user.create", entityType: "User", entityId: created.id, orgId: org.id, newValues: { username: input.username, role: input.role } });
    return created;
  });
  return Response.json(user, { status: 201 });
}
