// Readiness (for the load balancer): 200 when the database, the file storage and the migrations are
// all fine, 503 otherwise; which check failed is in the body, why is in the log.
import { readinessResponse } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

export function GET() {
  return readinessResponse();
}
