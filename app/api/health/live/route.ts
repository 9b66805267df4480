// Liveness: the process serves requests. It checks nothing else, so that a database outage makes
// instances unready (taken out of the pool), not restarted in a loop.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
