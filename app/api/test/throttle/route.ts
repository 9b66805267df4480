// Browser tests only: lets the waits of the sign-in limits run out for the given addresses and
// usernames, as a patient guesser would (locks stay: they are kept as a time). So a test can replay
// a long attack in seconds. 404 unless the server was started with DUBAN_E2E_TOKEN.
import { z } from "zod";
import { db } from "@/lib/db";
import { testApiAllowed } from "@/lib/e2e/test-api";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  addresses: z.array(z.string().min(1).max(100)).max(50).default([]),
  usernames: z.array(z.string().min(1).max(64)).max(50).default([]),
});

export async function POST(request: Request) {
  if (!testApiAllowed(request)) return new Response("Not found", { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
  const { addresses, usernames } = parsed.data;
  const aged = await db().loginThrottle.updateMany({
    where: { OR: [{ address: { in: addresses } }, { username: { in: usernames.map((u) => u.toLowerCase()) } }] },
    data: { lastFailureAt: new Date(Date.now() - 10 * 60_000) },
  });
  return Response.json({ aged: aged.count });
}
