// Upload of one evidence file (佐证材料) to a monthly report: multipart/form-data, field "file".
// 201 { id } · 400 { error: "invalid", fieldErrors } · 401 · 404 · 409 { error: "locked" } · 413.
import { uploadAttachment } from "@/lib/attachments/mutations";
import { uploadResponse } from "@/lib/attachments/upload-response";
import { userRoute } from "@/lib/http/route";
import { parseId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export const POST = userRoute<{ reportId: string }>({ writes: true }, async ({ request, user, params }) => {
  const reportId = parseId(params.reportId);
  return uploadResponse(request, reportId, (file) => uploadAttachment(user, reportId ?? "", file));
});
