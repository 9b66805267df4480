// 落实反馈: the lead's answer to a 批示, with its evidence files, in one multipart/form-data request
// (fields body, version; files "files"). 200 { version, state } · 400 { error: "invalid", fieldErrors } ·
// 401 · 403 · 404 · 409 { error: "conflict" | "locked" } · 413.
import { refusalResponse } from "@/lib/http/refusal";
import { answerInstruction } from "@/lib/comments/instructions";
import { MAX_REQUEST_BYTES } from "@/lib/attachments/rules";
import { readLimitedForm } from "@/lib/http/limited-form";
import { userRoute } from "@/lib/http/route";
import { parseId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

const TOO_LARGE = { error: "invalid", fieldErrors: { files: ["validation.fileTooLarge"] } };

export const POST = userRoute<{ commentId: string }>({ writes: true }, async ({ request, user, params }) => {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_REQUEST_BYTES) return Response.json(TOO_LARGE, { status: 413 });
  const form = await readLimitedForm(request, MAX_REQUEST_BYTES);
  if (form === "tooLarge") return Response.json(TOO_LARGE, { status: 413 });
  if (!form) return Response.json({ error: "invalid", fieldErrors: { files: ["validation.fileUnreadable"] } }, { status: 400 });
  const commentId = parseId(params.commentId);
  if (!commentId) return Response.json({ error: "notFound" }, { status: 404 });
  // An empty file input posts one nameless, empty file: that is no file.
  const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  const result = await answerInstruction(user, { commentId, body: form.get("body") ?? "", version: form.get("version") ?? "" }, files);
  if (result.ok) return Response.json(result.data);
  return refusalResponse(result);
});
