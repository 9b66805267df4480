import "server-only";
// One evidence file posted as multipart/form-data (field "file"), to a report or to a task's 销号:
// 201 { id } · 400 { error: "invalid", fieldErrors } · 404 · 409 { error: "locked" } · 413.
import type { ActionResult } from "@/lib/errors";
import { readLimitedForm } from "@/lib/http/limited-form";
import { refusalResponse } from "@/lib/http/refusal";
import { log } from "@/lib/ops/log";
import { MAX_FILE_BYTES, MAX_REQUEST_BYTES } from "./rules";

const TOO_LARGE = { error: "invalid", fieldErrors: { file: ["validation.fileTooLarge"] } };

/** Reads the upload within its size limit and answers with what `upload` (the scoped write) decided; `id` null: 404. */
export async function uploadResponse(
  request: Request,
  id: string | null,
  upload: (file: File) => Promise<ActionResult<{ attachmentId: string }>>,
): Promise<Response> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_REQUEST_BYTES) return Response.json(TOO_LARGE, { status: 413 });

  const form = await readLimitedForm(request, MAX_REQUEST_BYTES);
  if (form === "tooLarge") return Response.json(TOO_LARGE, { status: 413 });
  if (!form) {
    // Cut short: a body over MAX_FILE_BYTES that ends early was most likely truncated by a body
    // limit in front of this handler (Next's proxyClientMaxBodySize, 10 MiB by default).
    if (declared !== null && Number(declared) > MAX_FILE_BYTES) return Response.json(TOO_LARGE, { status: 413 });
    // Otherwise: not multipart, or an interrupted upload.
    return Response.json({ error: "invalid", fieldErrors: { file: ["validation.fileUnreadable"] } }, { status: 400 });
  }
  const file = form.get("file");
  if (!(file instanceof File)) return Response.json({ error: "invalid", fieldErrors: { file: ["validation.fileMissing"] } }, { status: 400 });

  if (!id) return Response.json({ error: "notFound" }, { status: 404 });
  try {
    const result = await upload(file);
    if (result.ok) return Response.json({ id: result.data?.attachmentId }, { status: 201 });
    return refusalResponse(result);
  } catch (error) {
    log().error({ err: error, id }, "evidence upload failed");
    return Response.json({ error: "server" }, { status: 500 });
  }
}
