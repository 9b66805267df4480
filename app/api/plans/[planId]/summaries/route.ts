// POST: generate the plan's monthly summary (月报) in one format and keep it in the archive.
// A script on the export page asks for JSON and then downloads the file; a plain form post
// (no script) is redirected straight to the download, or back to the page with the error.
import { cookies } from "next/headers";
import { LOCALE_COOKIE, locales, toLocale, type Locale } from "@/lib/i18n/config";
import { generateSummary } from "@/lib/summary/archive";
import { redirectTo } from "@/lib/http/redirect";
import { userRoute } from "@/lib/http/route";
import { parseId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

async function readInput(request: Request): Promise<{ raw: Record<string, unknown>; locale: string | null }> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    return { raw: body ?? {}, locale: typeof body?.locale === "string" ? body.locale : null };
  }
  const form = await request.formData().catch(() => null);
  if (!form) return { raw: {}, locale: null };
  const locale = form.get("locale");
  return {
    raw: {
      month: form.get("month"),
      format: form.get("format"),
      campaignIds: form.getAll("campaignIds").filter((v) => typeof v === "string"),
      appendix: form.get("appendix") ?? undefined,
    },
    locale: typeof locale === "string" ? locale : null,
  };
}

export const POST = userRoute<{ planId: string }>({ writes: true }, async ({ request, user, params }) => {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const planId = parseId(params.planId);
  // Without a script the form's answer is a redirect: back to the export page, on the host the user opened.
  const back = (error: string, status: number) =>
    wantsJson || !planId ? Response.json({ error }, { status }) : redirectTo(`/plans/${planId}/export?error=${error}`);

  if (!planId) return back("notFound", 404);

  const { raw, locale: asked } = await readInput(request);
  const locale: Locale = asked && locales.includes(asked as Locale) ? (asked as Locale) : toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const result = await generateSummary(user, planId, raw, locale);
  if (!result.ok) {
    if (result.error === "invalid") return wantsJson ? Response.json(result, { status: 400 }) : back("invalid", 303);
    if (result.error === "forbidden") return back("forbidden", 403);
    return back("notFound", 404);
  }
  const url = `/api/summaries/${result.data?.id}`;
  if (wantsJson) return Response.json({ ...result.data, url }, { status: 201 });
  return redirectTo(url);
});
