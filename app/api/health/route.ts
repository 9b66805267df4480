// The readiness check under its first name, which load balancers and the test harness already use.
import { readinessResponse } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

export function GET() {
  return readinessResponse();
}
