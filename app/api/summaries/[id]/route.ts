// GET: an archived monthly summary, byte for byte as it was generated (size and sha256 checked),
// under its Chinese file name. One the user may not download is 404, never 403.
import { contentDisposition } from "@/lib/attachments/rules";
import { jsonError, userRoute } from "@/lib/http/route";
import { log } from "@/lib/ops/log";
import { readVerifiedFile } from "@/lib/storage/files";
import { findDownloadableSummary, summaryMime } from "@/lib/summary/archive";
import { parseId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export const GET = userRoute<{ id: string }>({}, async ({ user, params }) => {
  const id = parseId(params.id);
  const row = id ? await findDownloadableSummary(user, id) : null;
  if (!row) return jsonError("notFound", 404);

  const file = await readVerifiedFile(row.storageKey, { size: row.size, sha256: row.sha256 }).catch((error: unknown) => {
    log().error({ err: error, summaryId: row.id, storageKey: row.storageKey }, "summary file could not be read");
    return null;
  });
  if (!file?.ok) {
    if (file) log().error({ summaryId: row.id, storageKey: row.storageKey, reason: file.reason }, "summary file failed its check");
    return Response.json({ error: "unavailable" }, { status: 500 });
  }
  return new Response(file.data, {
    status: 200,
    headers: {
      "Content-Type": summaryMime(row.format),
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": contentDisposition(row.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
