import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the database answers. Says nothing else to anonymous callers. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
