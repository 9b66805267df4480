import { ClientMessages } from "@/components/i18n/ClientMessages";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/admin/CreateUserForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePermission } from "@/lib/auth/session";
import { userFormChoices } from "@/lib/users/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("new") };
}

export default async function NewUserPage() {
  const admin = await requirePermission("administer");
  const [choices, t] = await Promise.all([userFormChoices(admin), getTranslations("users")]);
  return (
    <ClientMessages namespaces={["departments", "password", "roles", "users"]}>
      <>
        <PageHeader title={t("new")} subtitle={t("newIntro")} crumbs={[{ href: "/admin/users", label: t("title") }]} />
        <CreateUserForm choices={choices} defaultOrgId={admin.orgId} />
      </>
    </ClientMessages>
  );
}
