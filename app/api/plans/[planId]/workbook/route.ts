// GET: a plan in the import template's format (e.g. 2018年十大战役.xlsx), to edit and import again.
// For those who keep the plan; anyone else gets 404.
import { contentDisposition } from "@/lib/attachments/rules";
import { jsonError, userRoute } from "@/lib/http/route";
import { exportPlanWorkbook } from "@/lib/plans/import/export";
import { xlsxResponse } from "@/lib/plans/import/response";
import { parseId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export const GET = userRoute<{ planId: string }>({}, async ({ user, params }) => {
  const planId = parseId(params.planId);
  const exported = planId ? await exportPlanWorkbook(user, planId) : null;
  if (!exported) return jsonError("notFound", 404);
  return xlsxResponse(exported.data, contentDisposition(exported.fileName));
});
