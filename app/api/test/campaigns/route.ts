// Browser tests only (lib/e2e/test-api.ts): a plan of the test's own with campaigns, their
// indicators and tasks, made through the app's plan-keeping functions as the town's admin would
// make them. Each call makes a new ACTIVE plan for the demo's year, so a test that writes to its
// campaigns shares them with no other test; leads are attached with /api/test/users (campaignIds).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { notFound, refused, testApiAllowed, townAdmin } from "@/lib/e2e/test-api";
import { createCampaign } from "@/lib/campaigns/mutations";
import { createIndicator } from "@/lib/indicators/mutations";
import { createPlan } from "@/lib/plans/mutations";
import { createTask } from "@/lib/tasks/definition";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const indicatorSchema = z.object({
  name: z.string().min(1),
  unit: z.string().min(1),
  decimals: z.number().int().min(0).max(4).default(0),
  baseline: z.string().default(""),
  target: z.string().min(1),
  direction: z.enum(["HIGHER_BETTER", "LOWER_BETTER"]).default("HIGHER_BETTER"),
  accumulation: z.enum(["CUMULATIVE", "LEVEL"]).default("CUMULATIVE"),
});
const taskSchema = z.object({
  title: z.string().min(1),
  startDate: day.default("2018-01-01"),
  dueDate: day.default("2018-12-31"),
  weight: z.string().default("1"),
});
const bodySchema = z.object({
  orgCode: z.string().default("shendang"),
  /** Never "2018年十大战役" or part of it: specs find the demo plan by that name. */
  title: z.string().optional(),
  year: z.number().int().default(2018),
  campaigns: z
    .array(
      z.object({
        name: z.string().min(1),
        /** The 分管领导, by username (a LEADER of the town the test made first). */
        leadingOfficial: z.string().optional(),
        indicators: z.array(indicatorSchema).default([]),
        tasks: z.array(taskSchema).default([]),
      }),
    )
    .min(1)
    .max(10),
});

/** The saved id, or the refusal as the response. */
function saved(result: { ok: true; data?: { id: string } } | { ok: false }, what: string): string | Response {
  return result.ok && result.data ? result.data.id : refused({ what, result });
}

export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return refused(parsed.error.issues);
  const input = parsed.data;
  const town = await townAdmin(input.orgCode);
  if (!town) return refused(`no town ${input.orgCode} with an admin`);
  const { admin, orgId } = town;

  const title = input.title ?? `测试计划 ${randomBytes(4).toString("hex")}`;
  const planId = saved(
    await createPlan(admin, {
      orgId,
      year: String(input.year),
      title,
      baselineYear: "",
      goals: "",
      rules: "",
      reportDueDay: "5",
      escalateAfterDays: "3",
      status: "ACTIVE",
    }),
    "plan",
  );
  if (planId instanceof Response) return planId;

  const campaigns = [];
  for (const [i, c] of input.campaigns.entries()) {
    const official = c.leadingOfficial ? await db().user.findFirst({ where: { username: c.leadingOfficial, orgId }, select: { id: true } }) : null;
    if (c.leadingOfficial && !official) return refused(`no user ${c.leadingOfficial}`);
    const campaignId = saved(
      await createCampaign(admin, {
        planId,
        number: String(i + 1),
        name: c.name,
        startDate: `${input.year}-01-01`,
        endDate: `${input.year}-12-31`,
        leadingOfficialId: official?.id ?? "",
      }),
      `campaign ${c.name}`,
    );
    if (campaignId instanceof Response) return campaignId;
    const indicators = [];
    for (const ind of c.indicators) {
      const id = saved(
        await createIndicator(admin, { planId, campaignId, ...ind, decimals: String(ind.decimals), trajectory: "even" }),
        `indicator ${ind.name}`,
      );
      if (id instanceof Response) return id;
      indicators.push({ id, name: ind.name });
    }
    const tasks = [];
    for (const t of c.tasks) {
      const id = saved(await createTask(admin, { campaignId, ...t, ownerId: "", parentId: "" }), `task ${t.title}`);
      if (id instanceof Response) return id;
      tasks.push({ id, title: t.title });
    }
    campaigns.push({ id: campaignId, number: i + 1, name: c.name, indicators, tasks });
  }
  return Response.json({ planId, title, campaigns }, { status: 201 });
}
