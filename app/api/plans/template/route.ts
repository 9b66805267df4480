// GET: the blank plan workbook (计划导入模板.xlsx) with the town's departments and units in its
// drop-down lists. For those who may import into their town; anyone else gets 404.
import { contentDisposition } from "@/lib/attachments/rules";
import { jsonError, userRoute } from "@/lib/http/route";
import { templateWorkbook } from "@/lib/plans/import/template";
import { xlsxResponse } from "@/lib/plans/import/response";

export const dynamic = "force-dynamic";

export const GET = userRoute({}, async ({ user }) => {
  const data = await templateWorkbook(user);
  if (!data) return jsonError("notFound", 404);
  return xlsxResponse(data, contentDisposition("计划导入模板.xlsx"));
});
