// GET ?format=csv|xlsx&<the viewer's filters>: the audit trail as a file, for admins and leaders,
// scoped like the page. The export is put on record in the trail itself.
import { cookies } from "next/headers";
import { contentDisposition } from "@/lib/attachments/rules";
import { exportAudit } from "@/lib/audit/export";
import { filtersFromParams } from "@/lib/audit/schemas";
import { userRoute } from "@/lib/http/route";
import { downloadHeaders } from "@/lib/http/download";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

// A GET that writes (the export's record): another site must not be able to set one off.
export const GET = userRoute({ writes: true, permission: "readAudit" }, async ({ request, user }) => {
  const params = new URL(request.url).searchParams;
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const result = await exportAudit(user, filtersFromParams(params), params.get("format") ?? "csv", locale);
  if (!result.ok) return Response.json(result, { status: result.error === "forbidden" ? 403 : 400 });
  return new Response(new Uint8Array(result.body), {
    status: 200,
    headers: {
      ...downloadHeaders(result.mime, result.body.byteLength, contentDisposition(result.fileName)),
      "X-Audit-Rows": String(result.rows),
      "X-Audit-Truncated": result.truncated ? "1" : "0",
    },
  });
});
