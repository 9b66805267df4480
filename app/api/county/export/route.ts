// GET: the county overview (ranking, red campaigns, lights by month) as an Excel workbook, for
// whoever may open the overview; it shows only the towns and campaigns the user may see.
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { contentDisposition } from "@/lib/attachments/rules";
import { exportCountyOverview } from "@/lib/board/county-export";
import { jsonError, userRoute } from "@/lib/http/route";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { xlsxResponse } from "@/lib/plans/import/response";

export const dynamic = "force-dynamic";

export const GET = userRoute({}, async ({ user }) => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const [county, status] = await Promise.all([getTranslations({ locale, namespace: "county" }), getTranslations({ locale, namespace: "status" })]);
  const exported = await exportCountyOverview(user, { county, status }, locale);
  if (!exported) return jsonError("notFound", 404);
  return xlsxResponse(exported.data, contentDisposition(exported.fileName));
});
