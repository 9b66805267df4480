// Upload of one evidence file for a task's 销号 (while the task is open): multipart/form-data, field "file".
// 201 { id } · 400 { error: "invalid", fieldErrors } · 401 · 403 · 404 · 409 { error: "locked" } · 413.
import { uploadTaskEvidence } from "@/lib/attachments/mutations";
import { uploadResponse } from "@/lib/attachments/upload-response";
import { userRoute } from "@/lib/http/route";
import { parseId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export const POST = userRoute<{ taskId: string }>({ writes: true, permission: "askTaskClosure" }, async ({ request, user, params }) => {
  const taskId = parseId(params.taskId);
  return uploadResponse(request, taskId, (file) => uploadTaskEvidence(user, taskId ?? "", file));
});
