// GET: a plan in the import template's format (e.g. 2018年十大战役.xlsx), to edit and import again.
// For those who keep the plan; anyone else gets 404.
import { contentDisposition } from "@/lib/attachments/rules";
import { currentUser } from "@/lib/auth/session";
import { exportPlanWorkbook } from "@/lib/plan-import/export";
import { xlsxResponse } from "@/lib/plan-import/response";
import { parseId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ planId: string }> };

export async function GET(_request: Request, context: Context) {
  const user = await currentUser();
  if (!user || user.mustChangePassword) return Response.json({ error: "unauthorized" }, { status: 401 });
  const planId = parseId((await context.params).planId);
  const exported = planId ? await exportPlanWorkbook(user, planId) : null;
  if (!exported) return Response.json({ error: "notFound" }, { status: 404 });
  return xlsxResponse(exported.data, contentDisposition(exported.fileName));
}
