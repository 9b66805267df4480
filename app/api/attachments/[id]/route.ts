// One evidence file (佐证材料): GET downloads it for anyone who may see its campaign, after
// checking it is still the file that was uploaded (size and sha256); DELETE removes it from a
// draft or returned report, for API clients (the report page uses deleteAttachmentAction). A file
// the user may not see is 404, never 403.
import { deleteAttachment, findDownloadableAttachment } from "@/lib/attachments/mutations";
import { contentDisposition } from "@/lib/attachments/rules";
import { jsonError, userRoute } from "@/lib/http/route";
import { log } from "@/lib/ops/log";
import { readVerifiedFile } from "@/lib/storage/files";
import { parseId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

const notFound = () => jsonError("notFound", 404);

export const GET = userRoute<{ id: string }>({}, async ({ user, params }) => {
  const id = parseId(params.id);
  if (!id) return notFound();
  const row = await findDownloadableAttachment(user, id);
  if (!row) return notFound();

  let file: Awaited<ReturnType<typeof readVerifiedFile>>;
  try {
    file = await readVerifiedFile(row.storageKey, { size: row.size, sha256: row.sha256 });
  } catch (error) {
    log().error({ err: error, attachmentId: row.id, storageKey: row.storageKey }, "evidence file could not be read");
    return Response.json({ error: "unavailable" }, { status: 500 });
  }
  if (!file.ok) {
    log().error(
      { attachmentId: row.id, storageKey: row.storageKey, reason: file.reason, size: row.size, sha256: row.sha256 },
      "evidence file failed its check",
    );
    return Response.json({ error: "unavailable" }, { status: 500 });
  }
  return new Response(file.data, {
    status: 200,
    headers: {
      "Content-Type": row.mimeType,
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": contentDisposition(row.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Should a browser render it anyway, it runs nothing and loads nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});

export const DELETE = userRoute<{ id: string }>({ writes: true }, async ({ user, params }) => {
  const id = parseId(params.id);
  if (!id) return notFound();
  const result = await deleteAttachment(user, id);
  if (result.ok) return new Response(null, { status: 204 });
  if (result.error === "locked") return Response.json({ error: "locked", status: result.status }, { status: 409 });
  return notFound();
});
