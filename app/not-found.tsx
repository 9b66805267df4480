import { getTranslations } from "next-intl/server";
import { ErrorPage } from "@/components/ui/ErrorPage";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return <ErrorPage code="404" title={t("notFoundTitle")} message={t("notFound")} homeLabel={t("home")} />;
}
