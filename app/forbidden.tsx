import { getTranslations } from "next-intl/server";
import { ErrorPage } from "@/components/ui/ErrorPage";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return <ErrorPage code="403" title={t("forbiddenTitle")} message={t("forbidden")} homeLabel={t("home")} />;
}
