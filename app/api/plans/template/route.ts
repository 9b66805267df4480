// GET: the blank plan workbook (计划导入模板.xlsx) with the town's departments and units in its
// drop-down lists. For those who may import into their town; anyone else gets 404.
import { contentDisposition } from "@/lib/attachments/rules";
import { currentUser } from "@/lib/auth/session";
import { templateWorkbook } from "@/lib/plan-import/template";
import { xlsxResponse } from "@/lib/plan-import/response";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await currentUser();
  if (!user || user.mustChangePassword) return Response.json({ error: "unauthorized" }, { status: 401 });
  const data = await templateWorkbook(user);
  if (!data) return Response.json({ error: "notFound" }, { status: 404 });
  return xlsxResponse(data, contentDisposition("计划导入模板.xlsx"));
}
